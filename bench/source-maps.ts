/**
 * Source map benchmark (issue 17): what `lambda_source_maps` costs. fixtures/hello and fixtures/source-maps are
 * packaged without the setting and with `"lambda_source_maps": true`, each deployment.zip unzipped into an empty
 * temp dir, and each variant run in fresh processes of Lambda's Node (the e2e suite's pinned Node 24 when
 * installed, else this node), cwd the unzipped dir, env {PATH} plus the variant's NODE_OPTIONS:
 *   no map                  the default zip
 *   map, not enabled        the zip with app.js.map and its sourceMappingURL comment, NODE_OPTIONS unset
 *   map, enabled            the same zip with NODE_OPTIONS=--enable-source-maps (what the template sets)
 *   no map, flag only       the default zip with the flag: Node's own cost of the flag, without a map to read
 *   inline map, not enabled the map inside app.js as a data: URL (what some bundlers ship), NODE_OPTIONS unset
 * hello (cold start): the process's wall (spawn to exit, Node's start included) and `require('./app.js')` +
 * `await APIHandler(GET /)` inside it (process.hrtime). source-maps (first error): `require` + the first
 * `await Report({})`, which throws in the app's code, and reading that error's `stack` (what logging it costs; with
 * maps enabled, the first stack reads and parses app.js.map). Medians of RUNS processes, the variants taking turns
 * so that load drift hits all alike.
 * Run: `node bench/run.js source-maps [--runs N]`. Prints figures only; exits 1 when a handler answers wrongly.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { packageProject } from '../src/compiler/compile';
import { toProxyEvent } from '../src/events/proxy-event';
import { runtimeNode } from '../test/support/runtime-node';
import { machineLine, median, ROOT } from './support/common';

const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 20;

/** Runs in hello's unzipped dir: the cold start of its API handler. */
const COLD_SCRIPT = `
const event = JSON.parse(process.argv[1]);
const context = { functionName: 'APIHandler', awsRequestId: 'bench', getRemainingTimeInMillis: () => 30000 };
(async () => {
  const start = process.hrtime.bigint();
  const result = await require('./app.js').APIHandler(event, context);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const ok = result.statusCode === 200 && result.body === '{"hello":"world"}';
  process.stdout.write(JSON.stringify({ ms, ok, stack: '' }) + '\\n');
})();`;

/** Runs in source-maps' unzipped dir: the first error of a function, its stack read. */
const ERROR_SCRIPT = `
(async () => {
  const start = process.hrtime.bigint();
  let stack = '';
  try { await require('./app.js').Report({}, {}); } catch (error) { stack = error.stack; }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(JSON.stringify({ ms, ok: stack.startsWith('RangeError: report needs a day'), stack }) + '\\n');
})();`;

interface Variant {
  name: string;
  dir: string;
  nodeOptions?: string;
  walls: number[];
  inside: number[];
  /** The first run's stack (error variants): shows whether it was mapped. */
  stack?: string;
}

/** Copies `fixture` into `work`, sets `lambda_source_maps`, packages it and unzips deployment.zip; the unzipped dir. */
async function packageFixture(work: string, fixture: string, sourceMaps: boolean): Promise<string> {
  const project = path.join(work, `${fixture}-${sourceMaps ? 'maps' : 'plain'}`);
  fs.cpSync(path.join(ROOT, 'fixtures', fixture), project, {
    recursive: true,
    filter: (file) => !file.includes(`${path.sep}expected`),
  });
  const configFile = path.join(project, '.appc', 'config.json');
  const config = fs.existsSync(configFile) ? JSON.parse(fs.readFileSync(configFile, 'utf8')) : { version: '2.0' };
  fs.mkdirSync(path.dirname(configFile), { recursive: true });
  fs.writeFileSync(configFile, JSON.stringify({ ...config, lambda_source_maps: sourceMaps }));
  const result = await packageProject({ projectDir: project, stage: 'dev', templateFormat: 'json' });
  const zip = result.files?.find((file) => file.name === 'deployment.zip')?.data;
  if (!(zip instanceof Uint8Array)) {
    console.error(`bench/source-maps: packaging ${project} failed: ${JSON.stringify(result.diagnostics)}`);
    process.exit(1);
  }
  const lambdaDir = `${project}-task`;
  for (const [name, data] of Object.entries(unzipSync(zip))) {
    fs.mkdirSync(path.dirname(path.join(lambdaDir, name)), { recursive: true });
    fs.writeFileSync(path.join(lambdaDir, name), data);
  }
  return lambdaDir;
}

function helloEvent(): string {
  const request = {
    method: 'GET',
    url: '/',
    rawHeaders: ['Host', 'api.example.com'],
    body: Buffer.alloc(0),
    sourceIp: '127.0.0.1',
    httpVersion: '1.1',
    receivedAt: Date.UTC(2026, 0, 1),
  };
  const api = { region: 'us-east-1', accountId: '123456789012', apiId: 'bench', stage: 'api', stageVariables: null };
  return JSON.stringify(toProxyEvent(request, { resource: '/', pathParameters: null }, api, []));
}

function runOnce(node: string, variant: Variant, args: string[]): void {
  const env = { PATH: process.env.PATH ?? '', ...(variant.nodeOptions ? { NODE_OPTIONS: variant.nodeOptions } : {}) };
  const start = process.hrtime.bigint();
  const run = spawnSync(node, args, { cwd: variant.dir, env, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const line = run.stdout.trim().split('\n').pop() ?? '';
  const out = line.startsWith('{') ? (JSON.parse(line) as { ms: number; ok: boolean; stack: string }) : undefined;
  if (run.status !== 0 || !out?.ok) {
    console.error(`bench/source-maps: ${variant.name} in ${variant.dir} answered wrongly:\n${run.stderr}${run.stdout}`);
    process.exit(1);
  }
  variant.walls.push(wall);
  variant.inside.push(out.ms);
  variant.stack ??= out.stack;
}

function nodeBinary(): { node: string; version: string } {
  const pinned = runtimeNode('nodejs24.x');
  return pinned.kind === 'ready' ? pinned : { node: process.execPath, version: process.version.slice(1) };
}

/** A copy of the unzipped `mapped` dir whose app.js carries its map inline, as a base64 data: URL. */
function inlineMapCopy(mapped: string): string {
  const dir = `${mapped}-inline`;
  fs.cpSync(mapped, dir, { recursive: true });
  const map = fs.readFileSync(path.join(dir, 'app.js.map')).toString('base64');
  const code = fs.readFileSync(path.join(dir, 'app.js'), 'utf8');
  const url = `data:application/json;base64,${map}`;
  fs.writeFileSync(path.join(dir, 'app.js'), code.replace('sourceMappingURL=app.js.map', `sourceMappingURL=${url}`));
  fs.rmSync(path.join(dir, 'app.js.map'));
  return dir;
}

function variants(plain: string, mapped: string): Variant[] {
  const variant = (name: string, dir: string, nodeOptions?: string): Variant => ({
    name,
    dir,
    nodeOptions,
    walls: [],
    inside: [],
  });
  return [
    variant('no map', plain),
    variant('map, not enabled', mapped),
    variant('map, enabled', mapped, '--enable-source-maps'),
    variant('no map, flag only', plain, '--enable-source-maps'),
    variant('inline map, not enabled', inlineMapCopy(mapped)),
  ];
}

/** Every variant RUNS times, in turns, after one uncounted run each (the file cache). */
function measure(node: string, all: Variant[], args: string[]): void {
  for (const v of all) runOnce(node, v, args);
  for (const v of all) Object.assign(v, { walls: [], inside: [] });
  for (let i = 0; i < RUNS; i++) for (const v of all) runOnce(node, v, args);
}

function printTable(title: string, inside: string, all: Variant[]): void {
  console.log(`\n${title}\n\n| variant | process wall ms | ${inside} ms |\n|---|---:|---:|`);
  for (const v of all) console.log(`| ${v.name} | ${median(v.walls).toFixed(1)} | ${median(v.inside).toFixed(2)} |`);
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-bench-maps-'));
  try {
    const hello = variants(await packageFixture(work, 'hello', false), await packageFixture(work, 'hello', true));
    const errors = variants(
      await packageFixture(work, 'source-maps', false),
      await packageFixture(work, 'source-maps', true),
    );
    const { node, version } = nodeBinary();
    measure(node, hello, ['-e', COLD_SCRIPT, helloEvent()]);
    measure(node, errors, ['-e', ERROR_SCRIPT]);
    const size = (dir: string, file: string) => {
      const full = path.join(dir, file);
      return fs.existsSync(full) ? `${fs.statSync(full).size} B` : 'none';
    };
    console.log(`${machineLine()}; handlers run by node ${version}; median of ${RUNS} fresh processes each`);
    const [plain, mapped] = [hello[0].dir, hello[1].dir];
    console.log(
      `hello: app.js ${size(plain, 'app.js')} (with the map ${size(mapped, 'app.js')}), app.js.map ${size(mapped, 'app.js.map')}`,
    );
    printTable('hello, cold start', 'require + first invoke', hello);
    printTable('source-maps, first error', 'require + first invoke that throws + its stack', errors);
    for (const v of errors) console.log(`${v.name}: ${v.stack?.split('\n')[1]?.trim()}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

void main();
