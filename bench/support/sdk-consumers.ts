/**
 * The three client projects bench/sdk.ts type-checks, for the same generated routes:
 *   appc-unknown  the client `appc generate-sdk` writes for the app as it is (no declared types: `unknown`)
 *   appc-typed    the same client with each route's response declared (one interface a route, README "Models")
 *   hono-rpc      a Hono app of the same routes, chained so its type carries them, and `hc<AppType>`
 * Each consumer calls every operation once and reads the result, as an editor would check it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AppModel, RouteModel } from '../../src/compiler/model/app-model';
import type { JsonSchema } from '../../src/compiler/model/json-schema';
import { pathParameters, sdkOperations } from '../../src/compiler/client/sdk-operations';

/** The fields a generated route's handler answers with (bench/support/generate-app.ts): number or string. */
function responseFields(route: RouteModel): Record<string, 'number' | 'string'> {
  const fields: Record<string, 'number' | 'string'> = { route: 'number' };
  for (const param of pathParameters(route.path)) fields[param.name] = 'string';
  if (route.path.includes('/users/')) fields.method = 'string';
  if (route.path.endsWith('/detail')) fields.version = 'string';
  return fields;
}

const routeNumber = (route: RouteModel) => /(?:items|files)(\d+)/.exec(route.path)?.[1] ?? '0';

/** The model with every route's response declared as `Route<n>Response`. */
export function typedModel(model: AppModel): AppModel {
  const definitions: Record<string, JsonSchema> = {};
  const routes = model.routes.map((route) => {
    const name = `Route${routeNumber(route)}Response`;
    const fields = responseFields(route);
    definitions[name] = {
      type: 'object',
      properties: Object.fromEntries(Object.entries(fields).map(([field, type]) => [field, { type }])),
      required: Object.keys(fields),
    };
    return { ...route, schemas: { response: { $ref: `#/definitions/${name}` } } };
  });
  return { ...model, routes, models: { definitions } };
}

/** A consumer of the generated client: every method called, its result read. */
export function appcConsumer(model: AppModel, typed: boolean): string {
  const calls = sdkOperations(model).map(({ name, route }, i) => {
    const params = pathParameters(route.path);
    const request = params.length > 0 ? `{ params: { ${params.map((p) => `${p.name}: 'x'`).join(', ')} } }` : '';
    const read = typed
      ? `const r${i}: number = (await client.${name}(${request})).route;`
      : `const r${i}: unknown = await client.${name}(${request});`;
    return `  ${read}\n  void r${i};\n`;
  });
  return `import { createClient } from './sdk/index.js';\n\nconst client = createClient({ baseUrl: 'http://127.0.0.1:8000' });\n\nexport async function main(): Promise<void> {\n${calls.join('')}}\n`;
}

/**
 * `/v1/svc00/users/{userId}/items2/{itemId}` -> `/v1/svc00/users/:userId/items2/:itemId`. A greedy `{proxy+}` is
 * `:proxy` (one segment): Hono 4.13's client names the parameter of `:proxy{.+}` `proxy:.+`.
 */
const honoPath = (appcPath: string) => appcPath.replace(/\{([^{}+]+)\+?\}/g, ':$1');

/** The Hono app: one chain, so that `typeof app` holds every route's input and output. */
export function honoApp(model: AppModel): string {
  const chain = model.routes.flatMap((route) =>
    route.methods.map((method) => {
      const fields = Object.entries(responseFields(route)).map(([field, type]) =>
        field === 'route'
          ? `route: ${routeNumber(route)}`
          : type === 'string' && field !== 'method' && field !== 'version'
            ? `${field}: c.req.param('${field}')`
            : `${field}: '${field}'`,
      );
      return `  .${method.toLowerCase()}('${honoPath(route.path)}', (c) => c.json({ ${fields.join(', ')} }))\n`;
    }),
  );
  return `import { Hono } from 'hono';\n\nconst app = new Hono()\n${chain.join('')};\n\nexport type AppType = typeof app;\nexport default app;\n`;
}

/** A consumer of `hc<AppType>`: every route and method called, its JSON read. */
export function honoConsumer(model: AppModel): string {
  let i = 0;
  const calls = model.routes.flatMap((route) =>
    route.methods.map((method) => {
      const segments = honoPath(route.path)
        .split('/')
        .filter((s) => s !== '');
      const access = segments.map((s) => (/^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`)).join('');
      const params = pathParameters(route.path);
      const args = params.length > 0 ? `{ param: { ${params.map((p) => `${p.name}: 'x'`).join(', ')} } }` : '';
      const n = i++;
      return `  const r${n}: number = (await (await client${access}.$${method.toLowerCase()}(${args})).json()).route;\n  void r${n};\n`;
    }),
  );
  return `import { hc } from 'hono/client';\nimport type { AppType } from './app.js';\n\nconst client = hc<AppType>('http://127.0.0.1:8000');\n\nexport async function main(): Promise<void> {\n${calls.join('')}}\n`;
}

/** A project directory: tsconfig (strict, as a user's would be), node_modules linked to the repo's, the files. */
export function writeProject(dir: string, root: string, files: Record<string, string>): void {
  fs.mkdirSync(dir, { recursive: true });
  const tsconfig = {
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: 'es2022',
      module: 'esnext',
      moduleResolution: 'bundler',
      lib: ['es2022', 'dom'],
      types: [],
      skipLibCheck: true,
    },
    include: ['*.ts', 'sdk/*.d.ts'],
  };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'package.json'), '{"type": "module", "private": true}\n');
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}
