/**
 * Package benchmark (issues 4 and 18):
 *   1. wall time of `node bin/appc.js package <tmp out> --project-dir <app>` for fixtures/hello and
 *      the generated apps of 200, 500 and 1,000 routes (10 routes a module: 20, 50 and 100 modules;
 *      bench/support/generate-app.ts), median of RUNS fresh processes each, next to the wall of
 *      `node -e 0` measured in the same turns (Node's own start-up, the floor); the subjects take
 *      turns so a change in machine load hits all alike. Each row also gives the median of each
 *      step line the CLI prints, the median peak RSS and the median user+sys CPU of the process
 *      (bench/support/child-usage.cjs; CPU moves far less with machine load than wall does);
 *   2. the growth curve: wall (and wall less `node -e 0`) of 500 and 1,000 routes over 200; and the
 *      200-route app with a request and response model on every route (issue 13; generate-app.ts
 *      `models`) over the same app without (issue 18's target: at most 1.25x);
 *   3. hello with an empty compile cache on every run (appc's first run after an install or
 *      upgrade); every other row runs with the bench's own cache directory (XDG_CACHE_HOME),
 *      warmed by one untimed run, as every run after the first is;
 *   4. the size of hello's deployment.zip;
 *   5. cold start of hello's packaged API handler: deployment.zip unzipped (fflate) into an
 *      empty temp dir, then a fresh `node` with that dir as cwd and env {PATH} only times
 *      require('./app.js') + await APIHandler(event) (process.hrtime), the event being the AWS
 *      SAM CLI AwsProxy.json sample re-aimed at GET /; median of COLD_RUNS processes.
 * Run: `npm run build`, then `node bench/run.js package`
 * [--runs N] [--cli OTHER/bin/appc.js] (--cli: measure another build of appc, e.g. a checkout of
 * an older commit, with these apps and this harness). PASS/FAIL lines against the targets; never exits non-zero for a
 * miss (exit 1 only when the CLI or the handler fails, or the sample event is missing).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { generateApp } from './support/generate-app';
import { machineLine, median, passFail, ROOT, sec, spread, staleDistWarning, timedSpawn } from './support/common';

const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 5;
const COLD_RUNS = 10;
/** Issue 18's targets, median wall of fresh processes. */
const TARGET_MS = { hello: 300, routes200: 350, routes1000: 600 };
/** Issue 18: the 200-route app with a model on every route, over the same app without. */
const MODELS_TARGET_RATIO = 1.25;
const ZIP_TARGET_BYTES = 30 * 1024;
const COLD_TARGET_MS = 2;
const CHALICE = { hello: 400, routes200: 460 };
/** Generated apps: routes, 10 routes a module. */
const SIZES = [200, 500, 1000];

const cliFlag = process.argv.indexOf('--cli');
const CLI = cliFlag >= 0 ? path.resolve(process.argv[cliFlag + 1]) : path.join(ROOT, 'bin', 'appc.js');
const USAGE = path.join(__dirname, 'support', 'child-usage.cjs');
const SAMPLE = path.resolve(__dirname, '../../shared/reference/events/aws-sam-cli/AwsProxy.json');

/** Runs in the unzipped dir: cwd there, env {PATH} only, nothing from the repo reachable. */
const COLD_SCRIPT = `
const event = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
const context = { functionName: 'APIHandler', awsRequestId: 'bench', getRemainingTimeInMillis: () => 30000 };
(async () => {
  const start = process.hrtime.bigint();
  const { APIHandler } = require('./app.js');
  const result = await APIHandler(event, context);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(JSON.stringify({ ms, result }) + '\\n');
})();`;

interface Subject {
  name: string;
  /** Project dir, or null for `node -e 0`. */
  dir: string | null;
  routes: number;
  /** A fresh, empty compile cache for every run. */
  coldCache?: boolean;
  walls: number[];
  rss: number[];
  cpu: number[];
  steps: Map<string, number[]>;
  lastOut?: string;
}

const subject = (name: string, dir: string | null, routes: number, coldCache = false): Subject => ({
  name,
  dir,
  routes,
  coldCache,
  walls: [],
  rss: [],
  cpu: [],
  steps: new Map(),
});

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

function main(): void {
  if (!prerequisites()) return;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-bench-package-'));
  try {
    const node = subject('`node -e 0`', null, 0);
    const hello = subject('fixtures/hello', path.join(ROOT, 'fixtures', 'hello'), 1);
    const helloCold = subject('fixtures/hello, empty compile cache', hello.dir, 1, true);
    const generated = SIZES.map((routes) => {
      const app = generateApp(path.join(tmp, `app${routes}`), { routes, files: routes / 10 });
      return subject(`generated ${routes} routes / ${app.files} modules`, app.dir, routes);
    });
    const modelled = generateApp(path.join(tmp, 'models200'), { routes: 200, files: 20, models: true });
    const models = subject('generated 200 routes, a model on each', modelled.dir, 200);
    measure([node, hello, helloCold, ...generated, models], tmp);

    const zipPath = path.join(hello.lastOut!, 'deployment.zip');
    const zipBytes = fs.statSync(zipPath).size;
    const cold = median(coldStarts(zipPath));
    console.log(
      `${machineLine()}; ${path.relative(process.cwd(), CLI)}; appc package: median of ${RUNS} fresh processes each; cold start: median of ${COLD_RUNS}\n`,
    );
    printTable([node, hello, helloCold, ...generated, models], median(node.walls));
    printGrowth(generated, median(node.walls));
    const modelRatio = median(models.walls) / median(generated[0].walls);
    const modelCpu = median(models.cpu) / median(generated[0].cpu);
    console.log(`hello deployment.zip: ${zipBytes} bytes (${(zipBytes / 1024).toFixed(1)} KB)`);
    console.log(`hello cold require + first invoke (GET /): median ${cold.toFixed(2)} ms`);
    console.log(
      `Chalice reference (\`chalice package\`, this machine): hello ${sec(CHALICE.hello)}, 200 routes ${sec(CHALICE.routes200)}\n`,
    );

    const [h, r200, r1000] = [hello, generated[0], generated[generated.length - 1]].map((s) => median(s.walls));
    console.log(`${passFail(h <= TARGET_MS.hello)} hello package <= ${sec(TARGET_MS.hello)}: ${sec(h)}`);
    console.log(
      `${passFail(r200 <= TARGET_MS.routes200)} 200 routes package <= ${sec(TARGET_MS.routes200)}: ${sec(r200)}`,
    );
    console.log(
      `${passFail(r1000 <= TARGET_MS.routes1000)} 1,000 routes package <= ${sec(TARGET_MS.routes1000)}: ${sec(r1000)}`,
    );
    console.log(
      `${passFail(modelRatio <= MODELS_TARGET_RATIO)} 200 routes with models <= ${MODELS_TARGET_RATIO}x without: wall ${modelRatio.toFixed(2)}x, CPU ${modelCpu.toFixed(2)}x`,
    );
    console.log(`${passFail(zipBytes <= ZIP_TARGET_BYTES)} hello zip <= 30 KB: ${(zipBytes / 1024).toFixed(1)} KB`);
    console.log(`${passFail(cold <= COLD_TARGET_MS)} hello cold start <= ${COLD_TARGET_MS} ms: ${cold.toFixed(2)} ms`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** False (having said why) when there is nothing to measure; exits when the sample event is missing. */
function prerequisites(): boolean {
  if (!fs.existsSync(path.join(path.dirname(CLI), '..', 'dist', 'cli', 'main.js'))) {
    console.log('bench/package: dist/ is missing; build appc first: npm run build');
    return false;
  }
  const warning = staleDistWarning();
  if (warning) console.log(`${warning}\n`);
  if (!fs.existsSync(SAMPLE)) {
    console.error(`bench/package: missing sample event ${SAMPLE}`);
    console.error('It comes from ../shared/reference/events (the AWS SAM CLI samples); restore it and rerun.');
    process.exit(1);
  }
  return true;
}

/** One untimed run each (checks the app packages, warms the file and compile caches); then RUNS in turns. */
function measure(subjects: Subject[], tmp: string): void {
  let n = 0;
  const cache = path.join(tmp, 'cache');
  const usageFile = path.join(tmp, 'usage.json');
  const runOnce = (s: Subject) => {
    const out = path.join(tmp, `out${n++}`);
    const xdg = s.coldCache ? path.join(tmp, `cache${n}`) : cache;
    const args = s.dir === null ? ['-e', '0'] : [CLI, 'package', out, '--project-dir', s.dir];
    fs.rmSync(usageFile, { force: true });
    const env = { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: xdg, APPC_BENCH_USAGE_FILE: usageFile };
    const run = timedSpawn(['-r', USAGE, ...args], { env });
    if (run.status !== 0) {
      console.error(`bench/package: ${s.name} failed (exit ${run.status}):\n${run.stderr}${run.stdout}`);
      process.exit(1);
    }
    if (s.lastOut) fs.rmSync(s.lastOut, { recursive: true, force: true });
    if (s.coldCache) fs.rmSync(xdg, { recursive: true, force: true });
    s.lastOut = out;
    return { ...run, ...(JSON.parse(fs.readFileSync(usageFile, 'utf8')) as { rssKb: number; cpuMs: number }) };
  };
  for (const s of subjects) runOnce(s);
  for (let i = 0; i < RUNS; i++) {
    for (const s of subjects) {
      const run = runOnce(s);
      s.walls.push(run.ms);
      s.rss.push(run.rssKb);
      s.cpu.push(run.cpuMs);
      recordSteps(s, run.stderr);
    }
  }
}

/** Step lines: "Analyzing the app....... 803 ms" or "... 1.25 s". */
function recordSteps(s: Subject, stderr: string): void {
  for (const m of stderr.matchAll(/^(.+?)\.{2,}\s*(\d+(?:\.\d+)?) (ms|s)$/gm)) {
    if (!s.steps.has(m[1])) s.steps.set(m[1], []);
    s.steps.get(m[1])!.push(Number(m[2]) * (m[3] === 's' ? 1000 : 1));
  }
}

function printTable(subjects: Subject[], floor: number): void {
  const stepNames = [...new Set(subjects.flatMap((s) => [...s.steps.keys()]))];
  const short = (step: string) => step.replace(/^(Reading |Emitting the |Building )/, '').replace(/ the app$/, '');
  console.log(
    `| app | wall (median) | wall min-max | less \`node -e 0\` | CPU | peak RSS | vs Chalice | ${stepNames.map(short).join(' | ')} |`,
  );
  console.log(`|---|---:|---:|---:|---:|---:|---:|${stepNames.map(() => '---:').join('|')}|`);
  for (const s of subjects) {
    const wall = median(s.walls);
    const chalice = s.routes === 1 ? CHALICE.hello : s.routes === 200 ? CHALICE.routes200 : NaN;
    const steps = stepNames.map((step) =>
      s.dir === null ? '' : `${median(s.steps.get(step) ?? [NaN]).toFixed(0)} ms`,
    );
    const versus = Number.isNaN(chalice) ? '' : `${(wall / chalice).toFixed(2)}x`;
    const less = s.dir === null ? '' : sec(wall - floor);
    console.log(
      `| ${s.name} | ${sec(wall)} | ${spread(s.walls)} s | ${less} | ${sec(median(s.cpu))} | ${mb(median(s.rss))} | ${versus} | ${steps.join(' | ')} |`,
    );
  }
}

function printGrowth(generated: Subject[], floor: number): void {
  const [base, ...rest] = generated;
  const growth = rest.map((s) => {
    const wall = median(s.walls) / median(base.walls);
    const own = (median(s.walls) - floor) / (median(base.walls) - floor);
    const cpu = median(s.cpu) / median(base.cpu);
    return `${s.routes} routes: wall ${wall.toFixed(2)}x (less node ${own.toFixed(2)}x), CPU ${cpu.toFixed(2)}x`;
  });
  console.log(`\ngrowth over ${base.routes} routes: ${growth.join('; ')}`);
}

/** ms of require + first invoke of the zip's API handler, each in a fresh process; exits on a wrong answer. */
function coldStarts(zipPath: string): number[] {
  const lambdaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-bench-lambda-'));
  const eventDir = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-bench-event-'));
  const colds: number[] = [];
  try {
    for (const [name, data] of Object.entries(unzipSync(fs.readFileSync(zipPath)))) {
      if (name.endsWith('/')) continue;
      fs.mkdirSync(path.dirname(path.join(lambdaDir, name)), { recursive: true });
      fs.writeFileSync(path.join(lambdaDir, name), data);
    }
    const event = JSON.parse(fs.readFileSync(SAMPLE, 'utf8'));
    Object.assign(event, {
      resource: '/',
      path: '/',
      httpMethod: 'GET',
      body: null,
      isBase64Encoded: false,
      pathParameters: null,
    });
    Object.assign(event.requestContext, {
      resourcePath: '/',
      httpMethod: 'GET',
      path: `/${event.requestContext.stage}/`,
    });
    const eventFile = path.join(eventDir, 'event.json');
    fs.writeFileSync(eventFile, JSON.stringify(event));
    for (let i = 0; i < COLD_RUNS; i++) {
      const run = timedSpawn(['-e', COLD_SCRIPT, eventFile], { cwd: lambdaDir, env: { PATH: process.env.PATH ?? '' } });
      const line = run.stdout.trim().split('\n').pop() ?? '';
      const out = run.status === 0 && line.startsWith('{') ? JSON.parse(line) : null;
      const body = out?.result?.body;
      if (
        !out ||
        out.result?.statusCode !== 200 ||
        JSON.stringify(JSON.parse(body ?? 'null')) !== '{"hello":"world"}'
      ) {
        console.error(
          `bench/package: hello's APIHandler did not answer GET / with 200 {"hello":"world"}:\n${run.stderr}${run.stdout}`,
        );
        process.exit(1);
      }
      colds.push(out.ms);
    }
  } finally {
    fs.rmSync(lambdaDir, { recursive: true, force: true });
    fs.rmSync(eventDir, { recursive: true, force: true });
  }
  return colds;
}

main();
