/**
 * The files `appc new-project NAME` writes, as text (kept in code so they ship in dist/
 * with the CLI). The project packages and serves as it is once `appc` is installed.
 */
import { DEFAULT_ARCHITECTURE, NEWEST_NODE_RUNTIME } from '../compiler/config/lambda-runtimes';

export interface TemplateFile {
  /** POSIX path relative to the new project directory. */
  path: string;
  text: string;
}

/**
 * The scaffold of app `name`, depending on appc `^<appcVersion>`.
 * @example newProjectFiles('helloworld', '0.1.0').map((f) => f.path) // ['app.ts', 'package.json', ...]
 */
export function newProjectFiles(name: string, appcVersion: string): TemplateFile[] {
  return [
    { path: 'app.ts', text: appTs(name) },
    { path: 'package.json', text: json(packageJson(name, appcVersion)) },
    { path: 'tsconfig.json', text: json(TSCONFIG) },
    { path: '.appc/config.json', text: json(config(name)) },
    { path: '.gitignore', text: 'node_modules/\nout/\n' },
    { path: 'README.md', text: readme(name) },
  ];
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function appTs(name: string): string {
  return `import { App } from 'appc';

export const app = new App({ appName: ${JSON.stringify(name)} });

/** Say hello. */
app.route('/', () => ({ hello: 'world' }));

// The handler's first argument holds the path's parameters, typed from the path:
//
// app.route('/hello/{name}', ({ name }) => ({ hello: name }));
//
// The second is the request:
//
// app.route('/users', { methods: ['POST'] }, (_params, request) => {
//   // The JSON body the client sent, echoed back under 'user'.
//   const user = request.jsonBody;
//   return { user };
// });
`;
}

function packageJson(name: string, appcVersion: string): unknown {
  return {
    name: name.toLowerCase(),
    version: '0.1.0',
    private: true,
    scripts: {
      local: 'appc local',
      package: 'appc package out',
      test: 'appc package out --typecheck',
    },
    dependencies: { appc: `^${appcVersion}` },
  };
}

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  },
  include: ['app.ts', 'lib'],
};

function config(name: string): unknown {
  return {
    $schema: '../node_modules/appc/schemas/config.schema.json',
    version: '2.0',
    app_name: name,
    // Written out so that the project keeps its runtime across appc upgrades; `appc package` warns
    // 90 days before Lambda deprecates it.
    lambda_runtime: NEWEST_NODE_RUNTIME,
    lambda_architecture: DEFAULT_ARCHITECTURE,
    stages: {
      dev: { api_gateway_stage: 'api' },
    },
  };
}

function readme(name: string): string {
  return `# ${name}

An appc app (AWS Chalice for TypeScript, done as a compiler).

\`\`\`sh
npm install
npm run local          # serve the app on http://127.0.0.1:8000 as API Gateway would (appc local)
npm run package        # write out/sam.json, out/swagger.json, out/deployment.zip (appc package out)
npm test               # type-check the app, then package it
\`\`\`

Deploy the packaged app with the AWS CLI:

\`\`\`sh
aws cloudformation package --template-file out/sam.json --s3-bucket $BUCKET --output-template-file packaged.yaml
aws cloudformation deploy --template-file packaged.yaml --stack-name ${name} --capabilities CAPABILITY_IAM
\`\`\`

- \`app.ts\` is the app; modules it imports (e.g. under \`lib/\`) are part of it.
- \`.appc/config.json\` holds the stages and their settings (environment variables, timeouts, ...),
  among them the Lambda runtime (\`lambda_runtime\`, ${NEWEST_NODE_RUNTIME}) and architecture (\`lambda_architecture\`,
  x86_64 or arm64). \`appc package\` warns 90 days before Lambda deprecates the runtime, and fails once
  Lambda no longer lets you create functions with it.
- \`package.json\` \`dependencies\` ship in deployment.zip; \`devDependencies\` never do.
`;
}
