/**
 * Packaged runtime benchmark (issue 18): the handlers of real deployment.zips, as Lambda runs them.
 * Each fixture below is packaged by this checkout's CLI (`node bin/appc.js package`), its zip
 * unzipped into an empty temp dir, and its handler run in fresh `node` processes with that dir as
 * cwd and env {PATH} only (bench/support/handler-child.cjs), on the fixture's own invoke.json event:
 *   cold: ms of `require('./app.js')` and of the first `await handler(event)`, and their sum (issue
 *         18's figure), median of RUNS processes taken in turns across the subjects, so a change in
 *         machine load hits all alike; also the process's CPU ms over the same span (moves less with load);
 *   warm: ns per invoke of the same event, median of WARM_ROUNDS rounds from WARM_PASSES processes.
 * The floor is bench/apps/bare.ts (a hand-written handler, no framework) bundled by esbuild as app.js;
 * "empty" is an app.js exporting one async function: what `require` + invoke costs with no code at all.
 * Also prints the size of each zip and of its app.js.
 * With `--instructions` (needs valgrind), also the CPU instructions of each subject's cold path, which machine load
 * does not move: compile + run of app.js + first invoke, repeated LOOPS times in one process (handler-child.cjs
 * `loop`, a different source each time so nothing is cached), counted by cachegrind, less the same process doing
 * none, per time; and without the invoke. Node's own start and module loader are outside it (the "empty" subject's
 * figure is what remains of them).
 * Run: `npm run build`, then `node bench/run.js cold-start [--runs N] [--instructions]`. PASS/FAIL lines against the
 * targets; exits 1 only when packaging fails or a handler answers wrongly.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { unzipSync } from 'fflate';
import { machineLine, median, passFail, ROOT, staleDistWarning, timedSpawn } from './support/common';

const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 30;
const WARM_PASSES = 3;
const WARM_ROUNDS = 10;
const INSTRUCTIONS = process.argv.includes('--instructions');
/** Cold paths per instruction count: its noise (the garbage collector's timing) is about 2M instructions a process. */
const LOOPS = 40;
/** Issue 18: hello's cold require + first invoke, and its warm invoke over the bare handler's. */
const COLD_TARGET_MS = 2;
const WARM_FACTOR = 1.5;

const CLI = path.join(ROOT, 'bin', 'appc.js');
const CHILD = path.join(__dirname, 'support', 'handler-child.cjs');
const EVENTS = path.resolve(ROOT, '../shared/reference/events');

/** Fixtures and the function of each to run (its first case in invoke.json); `warm` also gets a warm figure. */
const FIXTURES = [
  { fixture: 'hello', handler: 'APIHandler', warm: true },
  { fixture: 'models', handler: 'APIHandler', warm: true },
  { fixture: 'authorizers', handler: 'APIHandler', warm: false },
  { fixture: 'authorizers', handler: 'DemoAuth', warm: false },
  { fixture: 'event-sources', handler: 'OnQueue', warm: false },
  { fixture: 'websockets', handler: 'WebsocketConnect', warm: false },
];

interface InvokeCase {
  handler: string;
  event?: string;
  inline?: unknown;
  with?: Record<string, unknown>;
  expect: unknown;
}

interface Subject {
  name: string;
  dir: string;
  module: string;
  exportName: string;
  eventFile: string;
  /** The answer's statusCode must be this (API handler cases). */
  statusCode?: number;
  warm: boolean;
  zipBytes?: number;
  appBytes: number;
  cold: Array<{ requireMs: number; invokeMs: number; cpuMs: number }>;
  rounds: number[];
}

function main(): void {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) {
    console.log('bench/cold-start: dist/ is missing; build appc first: npm run build');
    return;
  }
  const warning = staleDistWarning();
  if (warning) console.log(`${warning}\n`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-bench-cold-'));
  try {
    const helloCase = readCases('hello')[0];
    const floors = [bareSubject(tmp, helloCase), emptySubject(tmp, helloCase)];
    const packaged = packageFixtures(tmp);
    const subjects = [...floors, ...packaged];
    for (const s of subjects) checkAnswer(s, runChild(s, 'cold').result);
    measure(subjects);
    report(subjects);
    if (INSTRUCTIONS) reportInstructions(subjects);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function readCases(fixture: string): InvokeCase[] {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'fixtures', fixture, 'invoke.json'), 'utf8')) as InvokeCase[];
}

/** The case's event: a reference event with the case's changes merged in, or the inline one. */
function eventOf(c: InvokeCase): unknown {
  const base = c.event ? JSON.parse(fs.readFileSync(path.join(EVENTS, c.event), 'utf8')) : c.inline;
  return c.with ? deepMerge(base, c.with) : base;
}

function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch) || !isPlainObject(base)) return patch;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) merged[key] = deepMerge(base[key], value);
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function subject(name: string, dir: string, exportName: string, c: InvokeCase, warm: boolean): Subject {
  const eventFile = path.join(dir, '..', `${path.basename(dir)}-${exportName}.event.json`);
  if (!c.event && c.inline === undefined) throw new Error(`${name}: the case has no event`);
  fs.writeFileSync(eventFile, JSON.stringify(eventOf(c)));
  const statusCode = (c.expect as { statusCode?: unknown }).statusCode;
  return {
    name,
    dir,
    module: 'app',
    exportName,
    eventFile,
    statusCode: typeof statusCode === 'number' ? statusCode : undefined,
    warm,
    appBytes: fs.statSync(path.join(dir, 'app.js')).size,
    cold: [],
    rounds: [],
  };
}

/** bench/apps/bare.ts as app.js, bundled the way appc bundles (minified CJS). */
function bareSubject(tmp: string, helloCase: InvokeCase): Subject {
  const dir = path.join(tmp, 'bare');
  buildSync({
    entryPoints: [path.join(__dirname, 'apps', 'bare.ts')],
    outfile: path.join(dir, 'app.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    logLevel: 'error',
  });
  return subject('bare handler (the floor)', dir, 'handler', helloCase, true);
}

/** An app.js with nothing in it but an async function: Node's own cost of require + invoke. */
function emptySubject(tmp: string, helloCase: InvokeCase): Subject {
  const dir = path.join(tmp, 'empty');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'app.js'), 'exports.handler = async () => ({ statusCode: 200, body: "{}" });\n');
  return subject('empty module', dir, 'handler', helloCase, false);
}

/** Each fixture packaged once by this checkout's CLI and unzipped; one subject per (fixture, handler). */
function packageFixtures(tmp: string): Subject[] {
  const dirs = new Map<string, { dir: string; zipBytes: number }>();
  return FIXTURES.map(({ fixture, handler, warm }) => {
    if (!dirs.has(fixture)) dirs.set(fixture, packageFixture(tmp, fixture));
    const { dir, zipBytes } = dirs.get(fixture)!;
    const c = readCases(fixture).find((one) => one.handler === handler);
    if (!c) throw new Error(`fixtures/${fixture}/invoke.json has no case for ${handler}`);
    return { ...subject(`${fixture} ${handler}`, dir, handler, c, warm), zipBytes };
  });
}

function packageFixture(tmp: string, fixture: string): { dir: string; zipBytes: number } {
  const out = path.join(tmp, `${fixture}-out`);
  const run = timedSpawn([CLI, 'package', out, '--project-dir', path.join(ROOT, 'fixtures', fixture)], {
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (run.status !== 0) {
    console.error(`bench/cold-start: packaging fixtures/${fixture} failed:\n${run.stderr}${run.stdout}`);
    process.exit(1);
  }
  const zip = fs.readFileSync(path.join(out, 'deployment.zip'));
  const dir = path.join(tmp, fixture);
  for (const [name, data] of Object.entries(unzipSync(zip))) {
    if (name.endsWith('/')) continue;
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), data);
  }
  return { dir, zipBytes: zip.length };
}

/** The JSON line the child prints in each mode. */
interface ChildLines {
  cold: { requireMs: number; invokeMs: number; cpuMs: number; result: unknown };
  warm: { rounds: number[]; result: unknown; same: boolean };
}

function runChild<Mode extends keyof ChildLines>(s: Subject, mode: Mode, ...extra: string[]): ChildLines[Mode] {
  const run = timedSpawn([CHILD, mode, s.module, s.exportName, s.eventFile, ...extra], {
    cwd: s.dir,
    env: { PATH: process.env.PATH ?? '' },
  });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !line.startsWith('{')) {
    console.error(`bench/cold-start: ${s.name} failed in ${mode} mode:\n${run.stderr}${run.stdout}`);
    process.exit(1);
  }
  return JSON.parse(line) as ChildLines[Mode];
}

function checkAnswer(s: Subject, result: unknown): void {
  const status = (result as { statusCode?: unknown } | null)?.statusCode;
  if (s.statusCode !== undefined && status !== s.statusCode) {
    console.error(`bench/cold-start: ${s.name} answered ${JSON.stringify(result)}, expected status ${s.statusCode}`);
    process.exit(1);
  }
}

function measure(subjects: Subject[]): void {
  for (let i = 0; i < RUNS; i++) {
    for (const s of subjects) {
      const { requireMs, invokeMs, cpuMs } = runChild(s, 'cold');
      s.cold.push({ requireMs, invokeMs, cpuMs });
    }
  }
  for (let pass = 0; pass < WARM_PASSES; pass++) {
    for (const s of subjects.filter((one) => one.warm)) {
      const line = runChild(s, 'warm', String(WARM_ROUNDS / WARM_PASSES));
      checkAnswer(s, line.result);
      if (!line.same) {
        console.error(`bench/cold-start: ${s.name} answered differently after the warm rounds`);
        process.exit(1);
      }
      s.rounds.push(...line.rounds);
    }
  }
}

const ms2 = (ms: number) => ms.toFixed(2);

function report(subjects: Subject[]): void {
  console.log(
    `${machineLine()}\ncold: median of ${RUNS} fresh processes each, in turns; warm: median of ${WARM_ROUNDS} rounds from ${WARM_PASSES} processes\n`,
  );
  console.log('| subject | app.js B | zip B | require ms | first invoke ms | cold ms | cold CPU ms | warm ns/invoke |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of subjects) {
    const cold = median(s.cold.map((c) => c.requireMs + c.invokeMs));
    const cells = [
      s.name,
      String(s.appBytes),
      s.zipBytes === undefined ? '' : String(s.zipBytes),
      ms2(median(s.cold.map((c) => c.requireMs))),
      ms2(median(s.cold.map((c) => c.invokeMs))),
      ms2(cold),
      ms2(median(s.cold.map((c) => c.cpuMs))),
      s.warm ? String(Math.round(median(s.rounds))) : '',
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
  const [bare, , hello] = subjects;
  const helloCold = median(hello.cold.map((c) => c.requireMs + c.invokeMs));
  const bareCold = median(bare.cold.map((c) => c.requireMs + c.invokeMs));
  const overBare = median(hello.rounds) / median(bare.rounds);
  console.log(
    `\n${passFail(helloCold <= COLD_TARGET_MS)} hello cold require + first invoke <= ${COLD_TARGET_MS} ms: ${ms2(helloCold)} ms (bare handler ${ms2(bareCold)} ms)`,
  );
  console.log(
    `${passFail(overBare <= WARM_FACTOR)} hello warm invoke <= ${WARM_FACTOR}x the bare handler's (${Math.round(median(bare.rounds))} ns): ${overBare.toFixed(2)}x`,
  );
}

/** The table of `--instructions`: thousands of instructions per cold path, with and without the first invoke. */
function reportInstructions(subjects: Subject[]): void {
  if (spawnSync('valgrind', ['--version']).status !== 0) {
    console.log('\n--instructions: valgrind is not installed (apt-get install valgrind)');
    return;
  }
  const none = instructions(subjects[0], 'loop', 0);
  const per = (s: Subject, mode: 'loop' | 'loop-load') =>
    ((instructions(s, mode, LOOPS) - none) / LOOPS / 1000).toFixed(0);
  console.log(`\ninstructions per cold path (K; cachegrind, ${LOOPS} compiles in one process, less none)\n`);
  console.log('| subject | compile + run | + first invoke |');
  console.log('|---|---:|---:|');
  for (const s of subjects) console.log(`| ${s.name} | ${per(s, 'loop-load')} | ${per(s, 'loop')} |`);
}

/** The instructions cachegrind counts for handler-child.cjs in `mode` over `n` cold paths of `s`. */
function instructions(s: Subject, mode: 'loop' | 'loop-load', n: number): number {
  const run = spawnSync(
    'valgrind',
    ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, CHILD, mode].concat([
      s.module,
      s.exportName,
      s.eventFile,
      String(n),
    ]),
    { cwd: s.dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' },
  );
  const refs = /I\s+refs:\s+([\d,]+)/.exec(run.stderr);
  if (run.status !== 0 || !refs) {
    console.error(`bench/cold-start: ${s.name} failed under valgrind in ${mode} mode:\n${run.stderr}`);
    process.exit(1);
  }
  return Number(refs[1].replace(/,/g, ''));
}

main();
