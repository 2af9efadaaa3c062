/**
 * Request models benchmark (issue 13): an app with 20 modelled POST routes (one model each, as the
 * analyzer writes them), packaged with and without its models:
 *   zip:   deployment.zip and app.js bytes
 *   cold:  ms for `require(app.js)` + the first invoke in a fresh node, median of COLD_RUNS
 *   warm:  ns per invoke of a modelled POST route vs the same route without a model (the validation cost)
 * and the choice of generator: the same 20 models as appc's generated checks vs ajv's standalone
 * code (draft 4), minified bytes and ns per validation of a valid body.
 * Run: `npx tsx bench/models.ts` or `node bench/run.js models`. Prints figures only.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import Ajv from 'ajv-draft-04';
import standaloneCode from 'ajv/dist/standalone';
import { checkProject } from '../src/compiler/compile';
import type { AppModel, RouteSchemas } from '../src/compiler/model/app-model';
import type { JsonSchema, SchemaDefinitions } from '../src/compiler/model/json-schema';
import { buildDeploymentZip } from '../src/compiler/package/build-deployment-zip';
import { CheckWriter } from '../src/compiler/package/check-writer';
import { unzipSync } from 'fflate';
import { machineLine, median } from './support/common';

const MODELS = 20;
const COLD_RUNS = 10;
const ROUNDS = 20;
const SAMPLE = path.resolve(__dirname, '../../shared/reference/events/aws-sam-cli/AwsProxy.json');
const CHILD = path.join(__dirname, 'support', 'invoke-child.cjs');

function modelSchema(i: number): JsonSchema {
  return {
    type: 'object',
    properties: {
      title: { type: 'string', minLength: 1, maxLength: 200 },
      priority: { type: 'string', enum: ['low', 'high'] },
      count: { type: 'integer', minimum: 0 },
      tags: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' }, maxItems: 10 },
      owner: { $ref: '#/definitions/Owner' },
      [`field${i}`]: { type: 'boolean' },
    },
    required: ['title', 'priority', 'owner'],
    additionalProperties: false,
  };
}

const DEFINITIONS: SchemaDefinitions = {
  Owner: { type: 'object', properties: { name: { type: 'string' }, email: { type: 'string' } }, required: ['name'] },
  ...Object.fromEntries(Array.from({ length: MODELS }, (_, i) => [`Model${i}`, modelSchema(i)])),
};

const BODY = { title: 'buy milk', priority: 'low', count: 2, tags: ['home', 'food'], owner: { name: 'ann' } };

function appSource(): string {
  const routes = Array.from(
    { length: MODELS },
    (_, i) => `app.route('/m${i}', { methods: ['POST'] }, (_p, req) => ({ ok: req.jsonBody !== undefined }));`,
  );
  return [
    `import { App } from 'appc';`,
    `export const app = new App({ appName: 'models-bench' });`,
    ...routes,
    `app.route('/plain', { methods: ['POST'] }, (_p, req) => ({ ok: req.jsonBody !== undefined }));`,
    '',
  ].join('\n');
}

function withModels(model: AppModel): AppModel {
  const schemas = (i: number): RouteSchemas => ({
    body: { schema: { $ref: `#/definitions/Model${i}` }, required: true },
  });
  return {
    ...model,
    routes: model.routes.map((route) => {
      const i = /^\/m(\d+)$/.exec(route.path)?.[1];
      return i === undefined ? route : { ...route, schemas: schemas(Number(i)) };
    }),
    models: { definitions: DEFINITIONS },
  };
}

async function zipOf(projectDir: string, model: AppModel): Promise<{ zip: number; appJs: Uint8Array }> {
  const built = await buildDeploymentZip({ projectDir, model, bundleAwsSdk: false });
  if (built.zip.length === 0) throw new Error(built.diagnostics.map((d) => d.message).join('\n'));
  return { zip: built.zip.length, appJs: unzipSync(built.zip)['app.js'] };
}

function child(args: string[]): { ms?: number; rounds?: number[] } {
  const run = spawnSync(process.execPath, [CHILD, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`invoke-child ${args.join(' ')} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() as string);
}

function events(dir: string, resource: string): string {
  const event = JSON.parse(fs.readFileSync(SAMPLE, 'utf8'));
  Object.assign(event, { resource, path: resource, httpMethod: 'POST', body: JSON.stringify(BODY) });
  Object.assign(event, { pathParameters: null, isBase64Encoded: false });
  event.headers['Content-Type'] = 'application/json';
  const file = path.join(dir, `${resource.slice(1)}.json`);
  const cases = [{ name: `POST ${resource}`, event, expected: { statusCode: 200, body: { ok: true } } }];
  fs.writeFileSync(file, JSON.stringify(cases));
  return file;
}

/** A bundle exporting `handler` (what invoke-child loads) from the zip's app.js. */
function writeBundle(dir: string, name: string, appJs: Uint8Array): string {
  fs.mkdirSync(path.join(dir, name));
  fs.writeFileSync(path.join(dir, name, 'app.js'), appJs);
  const file = path.join(dir, name, 'handler.js');
  fs.writeFileSync(file, `module.exports.handler = require('./app.js').APIHandler;\n`);
  return file;
}

/** Generator comparison: minified bytes of the 20 models' checks, and ns per validation of BODY. */
function compareGenerators(dir: string): void {
  const writer = new CheckWriter(DEFINITIONS);
  const checks = Array.from({ length: MODELS }, (_, i) => writer.check({ $ref: `#/definitions/Model${i}` }, '$'));
  const ours = `${writer.preamble()}\nmodule.exports = [${checks.join(',\n')}];\n`;
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, code: { source: true } });
  ajv.addSchema({ definitions: DEFINITIONS }, 'models');
  const refs = Object.fromEntries(Array.from({ length: MODELS }, (_, i) => [`m${i}`, `models#/definitions/Model${i}`]));
  const theirs = standaloneCode(ajv, refs);
  const bundle = (name: string, source: string) => {
    fs.writeFileSync(path.join(dir, `${name}.js`), source);
    const out = path.join(dir, `${name}.min.js`);
    buildSync({
      entryPoints: [path.join(dir, `${name}.js`)],
      bundle: true,
      minify: true,
      platform: 'node',
      outfile: out,
      nodePaths: [path.resolve(__dirname, '../node_modules')],
    });
    return fs.statSync(out).size;
  };
  const sizes = { appc: bundle('appc-checks', ours), ajv: bundle('ajv-standalone', theirs) };
  const appcChecks = require(path.join(dir, 'appc-checks.min.js')) as Array<(v: unknown, e: string[]) => void>;
  const ajvChecks = require(path.join(dir, 'ajv-standalone.min.js')) as Record<string, (v: unknown) => boolean>;
  const time = (fn: () => void) => {
    for (let i = 0; i < 200_000; i++) fn();
    const runs = Array.from({ length: 15 }, () => {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < 200_000; i++) fn();
      return Number(process.hrtime.bigint() - t0) / 200_000;
    });
    return median(runs);
  };
  const appcNs = time(() => appcChecks[7](BODY, []));
  const ajvNs = time(() => void ajvChecks.m7(BODY));
  console.log(`generated checks for ${MODELS} models (minified): appc ${sizes.appc} B, ajv standalone ${sizes.ajv} B`);
  console.log(`validation of a valid body: appc ${appcNs.toFixed(0)} ns, ajv standalone ${ajvNs.toFixed(0)} ns`);
}

async function main(): Promise<void> {
  if (!fs.existsSync(SAMPLE)) throw new Error(`missing sample event ${SAMPLE}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-bench-models-'));
  const projectDir = path.join(dir, 'project');
  fs.mkdirSync(projectDir);
  fs.writeFileSync(path.join(projectDir, 'app.ts'), appSource());
  fs.writeFileSync(
    path.join(projectDir, 'package.json'),
    JSON.stringify({ name: 'models-bench', version: '1.0.0', dependencies: {} }),
  );
  const checked = checkProject({ projectDir, stage: 'dev' });
  if (!checked.model) throw new Error(checked.diagnostics.map((d) => d.message).join('\n'));
  const plain = await zipOf(projectDir, checked.model);
  const modelled = await zipOf(projectDir, withModels(checked.model));
  console.log(machineLine());
  console.log(
    `deployment.zip: ${plain.zip} B without models, ${modelled.zip} B with ${MODELS} (+${modelled.zip - plain.zip} B)`,
  );
  console.log(
    `app.js: ${plain.appJs.length} B without models, ${modelled.appJs.length} B with (+${modelled.appJs.length - plain.appJs.length} B)`,
  );
  const bundles = {
    plain: writeBundle(dir, 'plain', plain.appJs),
    modelled: writeBundle(dir, 'modelled', modelled.appJs),
  };
  const modelledEvents = events(dir, '/m7');
  const plainEvents = events(dir, '/plain');
  for (const [name, bundle] of Object.entries(bundles)) {
    const cold = Array.from(
      { length: COLD_RUNS },
      () => child(['cold', bundle, name === 'plain' ? plainEvents : modelledEvents]).ms as number,
    );
    console.log(
      `cold start (${name === 'plain' ? 'without models, POST /plain' : `with ${MODELS} models, POST /m7`}): ${median(cold).toFixed(2)} ms`,
    );
  }
  const warm = (bundle: string, file: string) =>
    median(child(['warm', bundle, file, String(ROUNDS)]).rounds as number[]);
  const withModel = warm(bundles.modelled, modelledEvents);
  const withoutModel = warm(bundles.modelled, plainEvents);
  console.log(
    `warm invoke, same app: modelled POST /m7 ${withModel.toFixed(0)} ns, POST /plain ${withoutModel.toFixed(0)} ns (validation ${(withModel - withoutModel).toFixed(0)} ns)`,
  );
  compareGenerators(dir);
  if (process.env.BENCH_KEEP !== '1') fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
