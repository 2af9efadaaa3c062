/**
 * The files `appc new-project NAME` writes, as text (kept in code so they ship in dist/
 * with the CLI). After `npm install` the project packages, serves and passes its own `npm test`.
 */
import { DEFAULT_ARCHITECTURE, NEWEST_NODE_RUNTIME } from '../compiler/config/lambda-runtimes';

export interface TemplateFile {
  /** POSIX path relative to the new project directory. */
  path: string;
  text: string;
}

/** What the new project's package.json depends on. */
export interface ProjectDependencies {
  /** The spec of `appc` (`file:../appc`, `^0.1.0`, ...). */
  readonly appc: string;
  /** devDependencies, pinned as appc pins them: `typescript`, `@types/node` and `tsx` (runs the tests). */
  readonly dev: Readonly<Record<string, string>>;
}

/**
 * The scaffold of app `name`.
 * @example newProjectFiles('helloworld', { appc: '^0.1.0', dev: {} }).map((f) => f.path) // ['app.ts', ...]
 */
export function newProjectFiles(name: string, dependencies: ProjectDependencies): TemplateFile[] {
  return [
    { path: 'app.ts', text: appTs(name) },
    { path: 'test/app.test.ts', text: APP_TEST },
    { path: 'package.json', text: json(packageJson(name, dependencies)) },
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

// appc/test runs the app as API Gateway and Lambda would, in the test's process.
const APP_TEST = `import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { TestClient } from 'appc/test';
import { app } from '../app';

const client = new TestClient(app);
after(() => client.close());

test('GET / says hello', async () => {
  const response = await client.http.get('/');
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { hello: 'world' });
});
`;

function packageJson(name: string, dependencies: ProjectDependencies): unknown {
  return {
    name: name.toLowerCase(),
    version: '0.1.0',
    private: true,
    scripts: {
      local: 'appc local',
      package: 'appc package out',
      // tsc checks the app and its tests; tsx lets node --test run TypeScript on any Node appc supports.
      test: 'tsc && node --import tsx --test test/*.test.ts',
    },
    dependencies: { appc: dependencies.appc },
    devDependencies: dependencies.dev,
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
    // Lambda runs the app on Node.js: `process`, `Buffer` and node: modules need Node's types.
    types: ['node'],
  },
  include: ['app.ts', 'lib', 'test'],
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
npm test               # type-check the app and its tests (tsc), then run the tests (node --test)
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
- \`test/\` holds the tests: \`TestClient\` from \`appc/test\` sends requests to the app as API Gateway
  would (\`client.http.get('/')\`) and invokes its other functions (\`client.lambda.invoke(...)\`).
`;
}
