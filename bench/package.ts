/**
 * Package benchmark (issue 4):
 *   1. wall time of `node bin/appc.js package <tmp out> --project-dir <app>` for fixtures/hello
 *      and the generated 200-route app (bench/support/generate-app.ts), median of RUNS fresh
 *      processes each, the two apps taking turns; with the median of each step line the CLI prints;
 *   2. the size of hello's deployment.zip;
 *   3. cold start of hello's packaged API handler: deployment.zip unzipped (fflate) into an
 *      empty temp dir, then a fresh `node` with that dir as cwd and env {PATH} only times
 *      require('./app.js') + await APIHandler(event) (process.hrtime), the event being the AWS
 *      SAM CLI AwsProxy.json sample re-aimed at GET /; median of COLD_RUNS processes.
 * Run: `npm run build` (or `npx tsc -p tsconfig.build.json`), then `node bench/run.js package`
 * [--runs N]. PASS/FAIL lines against the targets; never exits non-zero for a miss (exit 1
 * only when the CLI or the handler fails, or the sample event is missing).
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
const HELLO_TARGET_MS = 1000;
const ROUTES200_TARGET_MS = 2000;
const ZIP_TARGET_BYTES = 30 * 1024;
const COLD_TARGET_MS = 5;
const CHALICE = { hello: 400, routes200: 460 };

const CLI = path.join(ROOT, 'bin', 'appc.js');
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
  dir: string;
  walls: number[];
  steps: Map<string, number[]>;
  lastOut?: string;
}

function main(): void {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) {
    console.log('bench/package: dist/ is missing; build appc first: npx tsc -p tsconfig.build.json');
    return;
  }
  const warning = staleDistWarning();
  if (warning) console.log(`${warning}\n`);
  if (!fs.existsSync(SAMPLE)) {
    console.error(`bench/package: missing sample event ${SAMPLE}`);
    console.error('It comes from ../shared/reference/events (the AWS SAM CLI samples); restore it and rerun.');
    process.exit(1);
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-bench-package-'));
  try {
    const app200 = generateApp(path.join(tmp, 'app200'), { routes: 200, files: 20 });
    const subjects: Subject[] = [
      { name: 'fixtures/hello', dir: path.join(ROOT, 'fixtures', 'hello'), walls: [], steps: new Map() },
      { name: `generated 200 routes / ${app200.files} files`, dir: app200.dir, walls: [], steps: new Map() },
    ];

    let n = 0;
    const packageOnce = (subject: Subject) => {
      const out = path.join(tmp, `out${n++}`);
      const run = timedSpawn([CLI, 'package', out, '--project-dir', subject.dir], { env: { ...process.env, NO_COLOR: '1' } });
      if (run.status !== 0) {
        console.error(`bench/package: appc package failed on ${subject.name} (exit ${run.status}):\n${run.stderr}${run.stdout}`);
        process.exit(1);
      }
      subject.lastOut = out;
      return run;
    };

    // One untimed run each (checks the app packages, warms the file cache); then in turns.
    for (const subject of subjects) packageOnce(subject);
    for (let i = 0; i < RUNS; i++) {
      for (const subject of subjects) {
        const run = packageOnce(subject);
        subject.walls.push(run.ms);
        // Step lines: "Analyzing the app....... 803 ms"
        for (const m of run.stdout.matchAll(/^(.+?)\.{2,}\s*(\d+) ms$/gm)) {
          if (!subject.steps.has(m[1])) subject.steps.set(m[1], []);
          subject.steps.get(m[1])!.push(Number(m[2]));
        }
      }
    }

    // Cold start of hello's API handler from its own zip.
    const hello = subjects[0];
    const zipPath = path.join(hello.lastOut!, 'deployment.zip');
    const zipBytes = fs.statSync(zipPath).size;
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
      Object.assign(event, { resource: '/', path: '/', httpMethod: 'GET', body: null, isBase64Encoded: false, pathParameters: null });
      Object.assign(event.requestContext, { resourcePath: '/', httpMethod: 'GET', path: `/${event.requestContext.stage}/` });
      const eventFile = path.join(eventDir, 'event.json');
      fs.writeFileSync(eventFile, JSON.stringify(event));
      for (let i = 0; i < COLD_RUNS; i++) {
        const run = timedSpawn(['-e', COLD_SCRIPT, eventFile], { cwd: lambdaDir, env: { PATH: process.env.PATH ?? '' } });
        const line = run.stdout.trim().split('\n').pop() ?? '';
        const out = run.status === 0 && line.startsWith('{') ? JSON.parse(line) : null;
        const body = out?.result?.body;
        if (!out || out.result?.statusCode !== 200 || JSON.stringify(JSON.parse(body ?? 'null')) !== '{"hello":"world"}') {
          console.error(`bench/package: hello's APIHandler did not answer GET / with 200 {"hello":"world"}:\n${run.stderr}${run.stdout}`);
          process.exit(1);
        }
        colds.push(out.ms);
      }
    } finally {
      fs.rmSync(lambdaDir, { recursive: true, force: true });
      fs.rmSync(eventDir, { recursive: true, force: true });
    }

    console.log(`${machineLine()}; appc package: median of ${RUNS} fresh processes each; cold start: median of ${COLD_RUNS}\n`);
    const stepNames = [...new Set(subjects.flatMap((s) => [...s.steps.keys()]))];
    const short = (step: string) => step.replace(/^(Reading |Emitting the |Building )/, '').replace(/ the app$/, '');
    console.log(`| app | wall (median) | wall min-max | vs Chalice | ${stepNames.map(short).join(' | ')} |`);
    console.log(`|---|---:|---:|---:|${stepNames.map(() => '---:').join('|')}|`);
    subjects.forEach((s, i) => {
      const chalice = i === 0 ? CHALICE.hello : CHALICE.routes200;
      const steps = stepNames.map((step) => `${median(s.steps.get(step) ?? [NaN]).toFixed(0)} ms`);
      console.log(`| ${s.name} | ${sec(median(s.walls))} | ${spread(s.walls)} s | ${(median(s.walls) / chalice).toFixed(1)}x | ${steps.join(' | ')} |`);
    });
    const cold = median(colds);
    console.log(`\nhello deployment.zip: ${zipBytes} bytes (${(zipBytes / 1024).toFixed(1)} KB)`);
    console.log(`hello cold require + first invoke (GET /): median ${cold.toFixed(2)} ms, min-max ${Math.min(...colds).toFixed(2)}-${Math.max(...colds).toFixed(2)} ms`);
    console.log(`Chalice reference (\`chalice package\`, this machine): hello ${sec(CHALICE.hello)}, 200 routes ${sec(CHALICE.routes200)}\n`);

    const [h, r] = subjects.map((s) => median(s.walls));
    console.log(`${passFail(h <= HELLO_TARGET_MS)} hello package <= ${sec(HELLO_TARGET_MS)}: ${sec(h)}`);
    console.log(`${passFail(r <= ROUTES200_TARGET_MS)} 200 routes package <= ${sec(ROUTES200_TARGET_MS)}: ${sec(r)}`);
    console.log(`${passFail(zipBytes <= ZIP_TARGET_BYTES)} hello zip <= 30 KB: ${(zipBytes / 1024).toFixed(1)} KB`);
    console.log(`${passFail(cold <= COLD_TARGET_MS)} hello cold start <= ${COLD_TARGET_MS} ms: ${cold.toFixed(2)} ms`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main();
