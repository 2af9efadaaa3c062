/**
 * Writes a generated appc app for the analysis/package benchmarks (issues 3 and 4):
 *   app.ts                 imports every module, re-exports `app`
 *   lib/app-instance.ts    `new App(...)`
 *   lib/paths.ts           const path prefixes, used in template literals by the route files
 *   lib/auth.ts            one built-in authorizer (`app.authorizer`), used by every 4th route
 *   lib/routes-NN.ts       ROUTES routes over FILES files, with path params the handlers destructure
 *   lib/schedules.ts       SCHEDULES schedules: a mix of `new Rate`, `new Cron` and strings
 *   lib/shared-models.ts   with `models`: an `Address` and a generic `Page<T>` the routes' models share
 *   package.json           {"dependencies": {}}
 * With `models` (issue 13), every handler also declares a body type (`req: Request<CreateNBody>`, an
 * interface with JSDoc constraints, a literal union, an optional array of `Address`, a nullable number
 * and a `Record`), every 5th a query type too, and a return type (`ItemN`, or `Page<ItemN>` every 3rd).
 * Defaults: 200 routes, 20 files, 20 schedules, no models. Deterministic: same options, same bytes.
 *
 * Library: `generateApp(dir, { routes, files, schedules, models })`.
 * CLI:     `npx tsx bench/support/generate-app.ts DIR [--routes N] [--files F] [--schedules S] [--models] [--check]`
 *          (--check runs checkProject from dist/ and fails unless there are zero diagnostics).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface GenerateOptions {
  routes?: number;
  files?: number;
  schedules?: number;
  /** Declare a request and response model on every route. */
  models?: boolean;
}

export interface GeneratedApp {
  dir: string;
  routes: number;
  files: number;
  schedules: number;
  /** Routes that use the built-in authorizer. */
  authorized: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The route file index `r` goes to, spreading `routes` as evenly as possible over `files`. */
function fileOf(r: number, routes: number, files: number): number {
  return Math.floor((r * files) / routes);
}

const METHOD_SETS = [`['GET']`, `['GET', 'PUT']`, `['POST']`, `['GET', 'DELETE']`];

/** One route: its source line and whether it uses the authorizer. */
function routeSource(r: number, file: number): { code: string; authorized: boolean } {
  const prefix = `PREFIX_${pad(file)}`;
  const authorized = r % 4 === 1 && r % 5 !== 0; // the param-less shape takes no options
  const auth = authorized ? ', authorizer: tokenAuth' : '';
  switch (r % 5) {
    case 0: // no params, default method
      return { authorized, code: `app.route(\`\${${prefix}}/items${r}\`, () => ({ route: ${r} }));` };
    case 1: // one param
      return {
        authorized,
        code: `app.route(\`\${${prefix}}/items${r}/{itemId}\`, { methods: ${METHOD_SETS[r % 4]}${auth} }, ({ itemId }) => ({ route: ${r}, itemId }));`,
      };
    case 2: // two params, imported const segment, request used
      return {
        authorized,
        code:
          `app.route(\`\${${prefix}}/\${USERS}/{userId}/items${r}/{itemId}\`, { methods: ${METHOD_SETS[r % 4]}${auth} },\n` +
          `  ({ userId, itemId }, request) => ({ route: ${r}, userId, itemId, method: request.method }));`,
      };
    case 3: // named function declaration as handler
      return {
        authorized,
        code:
          `app.route(\`\${${prefix}}/items${r}/{itemId}/detail\`, { methods: ${METHOD_SETS[r % 4]}${auth} }, function route${r}({ itemId }) {\n` +
          `  return { route: ${r}, itemId, version: VERSION };\n` +
          `});`,
      };
    default: // greedy proxy param, content types
      return {
        authorized,
        code:
          `app.route(\`\${${prefix}}/files${r}/{proxy+}\`, { methods: ['GET', 'POST'], contentTypes: ['application/json', 'text/plain']${auth} },\n` +
          `  ({ proxy }) => ({ route: ${r}, proxy }));`,
      };
  }
}

/** The model types of route `r`, declared in its module. */
function routeModels(r: number): string {
  return `/** Body of route ${r}. */
export interface Create${r}Body {
  /** Name. @minLength 1 @maxLength 80 */
  name: string;
  /** @format email */
  email?: string;
  kind: 'a' | 'b' | 'c${r}';
  /** @minimum 0 @maximum 100 */
  score: number | null;
  addresses?: Address[];
  labels: Record<string, string>;
}
export interface Item${r} { route: number; itemId?: string; userId?: string; method?: string; version?: string; proxy?: string }
${
  r % 5 === 2
    ? `interface Query${r} { /** @pattern ^[a-z]+$ */ owner: string; limit?: number; tags?: string[] }
`
    : ''
}`;
}

/** Route `r`'s source with its handler's types declared: its second parameter and its return type. */
function withModels(code: string, r: number): string {
  const request = r % 5 === 2 ? `Request<Create${r}Body, Query${r}>` : `Request<Create${r}Body>`;
  const reply = r % 3 === 0 ? `Page<Item${r}>` : `Item${r}`;
  return code.replace(/\((\{[^}]*\})?(?:, request)?\)( =>| \{)/, (_m, params: string | undefined, arrow: string) => {
    const name = params === undefined ? '_params' : params;
    const req = r % 5 === 2 ? 'request' : '_req';
    return `(${name}, ${req}: ${request}): ${reply}${arrow}`;
  });
}

/** Schedule `s`: rates, crons and strings in turn, each named by its handler function. */
function scheduleSource(s: number): string {
  const units = ['MINUTES', 'HOURS', 'DAYS'];
  let expression: string;
  switch (s % 4) {
    case 0:
      expression = `new Rate(${(s % 7) + 2}, Rate.${units[s % 3]})`;
      break;
    case 1:
      expression = `new Cron(${s % 60}, ${s % 24}, '?', '*', 'MON-FRI', '*')`;
      break;
    case 2:
      expression = `'rate(${(s % 5) + 2} hours)'`;
      break;
    default:
      expression = `'cron(${s % 60} ${(s + 3) % 24} * * ? *)'`;
  }
  return (
    `app.schedule(${expression}, function job${pad(s)}(event: CloudWatchEvent) {\n` +
    `  return { job: ${s}, id: event.eventId };\n` +
    `});`
  );
}

export function generateApp(dir: string, options: GenerateOptions = {}): GeneratedApp {
  const routes = options.routes ?? 200;
  const files = Math.min(options.files ?? 20, routes);
  const schedules = options.schedules ?? 20;
  const models = options.models ?? false;
  const lib = path.join(dir, 'lib');
  fs.mkdirSync(lib, { recursive: true });
  const write = (rel: string, text: string) => fs.writeFileSync(path.join(dir, rel), text);

  write(
    'package.json',
    `${JSON.stringify({ name: `bench-${routes}`, version: '1.0.0', private: true, dependencies: {} }, null, 2)}\n`,
  );
  write(
    'lib/app-instance.ts',
    `import { App } from 'appc';\n\nexport const app = new App({ appName: 'bench${routes}' });\n`,
  );

  const paths = [`export const USERS = 'users';`, `export const VERSION = 'v1';`];
  for (let f = 0; f < files; f++) paths.push(`export const PREFIX_${pad(f)} = \`/\${VERSION}/svc${pad(f)}\`;`);
  write('lib/paths.ts', `${paths.join('\n')}\n`);

  write(
    'lib/auth.ts',
    `import { AuthResponse } from 'appc';
import { app } from './app-instance';

/** Tokens are "allow-<user>". */
export const tokenAuth = app.authorizer({ ttlSeconds: 0 }, function tokenAuth(auth) {
  if (!auth.token.startsWith('allow-')) return new AuthResponse({ routes: [], principalId: 'nobody' });
  return new AuthResponse({ routes: ['*'], principalId: auth.token.slice(6) });
});
`,
  );

  const perFile: string[][] = Array.from({ length: files }, () => []);
  let authorized = 0;
  for (let r = 0; r < routes; r++) {
    const file = fileOf(r, routes, files);
    const route = routeSource(r, file);
    if (route.authorized) authorized++;
    perFile[file].push(models ? `${routeModels(r)}${withModels(route.code, r)}` : route.code);
  }
  if (models) {
    write(
      'lib/shared-models.ts',
      `export interface Address { street: string; /** @pattern ^[0-9]{5}$ */ zip: string }
/** A page. */
export interface Page<T> { items: T[]; next?: string }
`,
    );
  }
  const modules: string[] = [];
  perFile.forEach((codes, f) => {
    const name = `routes-${pad(f)}`;
    modules.push(name);
    const imports = [
      `import { app } from './app-instance';`,
      `import { tokenAuth } from './auth';`,
      `import { PREFIX_${pad(f)}, USERS, VERSION } from './paths';`,
      ...(models
        ? [`import type { Request } from 'appc';`, `import type { Address, Page } from './shared-models';`]
        : []),
    ];
    write(`lib/${name}.ts`, `${imports.join('\n')}\n\n${codes.join('\n\n')}\n`);
  });

  const scheduleCodes: string[] = [];
  for (let s = 0; s < schedules; s++) scheduleCodes.push(scheduleSource(s));
  write(
    'lib/schedules.ts',
    `import { Cron, Rate, type CloudWatchEvent } from 'appc';\nimport { app } from './app-instance';\n\n${scheduleCodes.join('\n\n')}\n`,
  );
  modules.push('schedules');

  write(
    'app.ts',
    `${modules.map((m) => `import './lib/${m}';`).join('\n')}\n\nexport { app } from './lib/app-instance';\n`,
  );
  return { dir, routes, files, schedules, authorized };
}

function main(argv: string[]): void {
  const valued = new Set(['--routes', '--files', '--schedules']);
  const dir = argv.find((a, i) => !a.startsWith('--') && !valued.has(argv[i - 1]));
  const flag = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : undefined;
  };
  if (!dir) {
    console.error('usage: generate-app.ts DIR [--routes N] [--files F] [--schedules S] [--models] [--check]');
    process.exit(2);
  }
  const app = generateApp(path.resolve(dir), {
    routes: flag('routes'),
    files: flag('files'),
    schedules: flag('schedules'),
    models: argv.includes('--models'),
  });
  console.log(
    `wrote ${app.dir}: ${app.routes} routes over ${app.files} files (${app.authorized} with the authorizer), ${app.schedules} schedules`,
  );
  if (argv.includes('--check')) {
    const dist = path.resolve(__dirname, '../../dist/compiler/compile.js');
    if (!fs.existsSync(dist)) {
      console.error(`missing ${dist}: run \`npx tsc -p tsconfig.build.json\` first`);
      process.exit(1);
    }
    const { checkProject } = require(dist);
    const result = checkProject({ projectDir: app.dir, stage: 'dev' });
    for (const d of result.diagnostics) console.error(JSON.stringify(d));
    const model = result.model;
    console.log(
      `checkProject: ${result.diagnostics.length} diagnostics` +
        (model ? `; model has ${model.routes?.length} routes, ${model.functions?.length} functions` : '; no model'),
    );
    if (result.diagnostics.length || !model) process.exit(1);
  }
}

if (require.main === module) main(process.argv.slice(2));
