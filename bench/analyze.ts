/**
 * Analysis benchmark (issue 3): config + analysis + validation (`checkProject`) of
 * fixtures/hello and of generated apps with 50, 100 and 200 routes (10 routes per file,
 * path params, imported consts, one built-in authorizer, 20 schedules; see
 * bench/support/generate-app.ts). Each figure is the median of RUNS fresh `node` processes
 * (no tsx) that require dist/compiler/compile.js and run checkProject once; the apps
 * take turns so a change in machine load hits all of them alike.
 *   wall      the whole child process, measured by this parent (node start-up included)
 *   require   require() of compile.js (ts-morph and friends) inside the child
 *   check     the checkProject call inside the child; "analyze" is its analysis stage
 *   cpu       the child's user+sys CPU, whole process (less sensitive to load than wall)
 * Run: `npm run build` (or `npx tsc -p tsconfig.build.json`), then `node bench/run.js analyze`
 * [--runs N]. Prints PASS/FAIL lines against the targets; never exits non-zero for a miss.
 * Without dist/ it says so and falls back to src/ through tsx (slower: tsx transpiles).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateApp } from './support/generate-app';
import {
  machineLine,
  median,
  passFail,
  ROOT,
  sec,
  spread,
  staleDistWarning,
  timedSpawn,
  tsxImport,
} from './support/common';

const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 5;
const HELLO_TARGET_MS = 800;
const ROUTES200_TARGET_MS = 1500;
/** "Clearly sub-linear": 4x the routes costs at most 2x the wall time. */
const GROWTH_TARGET = 2;

const CHILD = path.join(__dirname, 'support', 'analyze-child.cjs');
const DIST = path.join(ROOT, 'dist', 'compiler', 'compile.js');

interface Sample {
  wall: number;
  requireMs: number;
  checkMs: number;
  analyzeMs: number;
  cpuMs: number;
}

interface Subject {
  name: string;
  dir: string;
  routes: number;
  samples: Sample[];
}

function main(): void {
  let viaSrc = false;
  if (!fs.existsSync(DIST)) {
    viaSrc = true;
    console.log(
      `bench/analyze: ${path.relative(ROOT, DIST)} is missing; run \`npx tsc -p tsconfig.build.json\` for real figures.`,
    );
    console.log('Falling back to src/ through tsx: the figures below include tsx transpiling appc itself.\n');
  } else {
    const warning = staleDistWarning();
    if (warning) console.log(`${warning}\n`);
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-bench-analyze-'));
  try {
    const subjects: Subject[] = [
      { name: 'fixtures/hello', dir: path.join(ROOT, 'fixtures', 'hello'), routes: 1, samples: [] },
    ];
    for (const routes of [50, 100, 200]) {
      const dir = path.join(tmp, `app${routes}`);
      const app = generateApp(dir, { routes, files: routes / 10 });
      subjects.push({ name: `generated ${routes} routes / ${app.files} files`, dir, routes, samples: [] });
    }

    const nodeArgs = viaSrc ? [...tsxImport()] : [];
    const env = viaSrc ? { ...process.env, APPC_BENCH_SRC: '1' } : process.env;
    const runChild = (subject: Subject) => {
      const run = timedSpawn([...nodeArgs, CHILD, subject.dir, 'dev'], { env });
      if (run.status !== 0) {
        console.error(
          `bench/analyze: the child failed on ${subject.name} (exit ${run.status}):\n${run.stderr || run.stdout}`,
        );
        process.exit(1);
      }
      const out = JSON.parse(run.stdout.trim().split('\n').pop()!);
      if (out.diagnostics !== 0) {
        console.error(
          `bench/analyze: ${subject.name} has ${out.diagnostics} diagnostics; the benchmark needs a clean app`,
        );
        process.exit(1);
      }
      const analyze = (out.timings as Array<[string, number]>).find(([label]) => label.startsWith('Analyzing'));
      return {
        wall: run.ms,
        requireMs: out.requireMs,
        checkMs: out.checkMs,
        analyzeMs: analyze ? analyze[1] : NaN,
        cpuMs: out.cpuMs,
      };
    };

    // One untimed run each: checks the app is clean and warms the file cache.
    for (const subject of subjects) runChild(subject);
    for (let i = 0; i < RUNS; i++) for (const subject of subjects) subject.samples.push(runChild(subject));

    const m = (s: Subject, key: keyof Sample) => median(s.samples.map((x) => x[key]));
    console.log(`${machineLine()}; median of ${RUNS} fresh processes each${viaSrc ? ' (src via tsx)' : ' (dist/)'}\n`);
    console.log('| app | wall (median) | wall min-max | require | checkProject | of which analyze | process CPU |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const s of subjects) {
      console.log(
        `| ${s.name} | ${sec(m(s, 'wall'))} | ${spread(s.samples.map((x) => x.wall))} s | ${m(s, 'requireMs').toFixed(0)} ms | ` +
          `${m(s, 'checkMs').toFixed(0)} ms | ${m(s, 'analyzeMs').toFixed(0)} ms | ${m(s, 'cpuMs').toFixed(0)} ms |`,
      );
    }

    const hello = subjects[0];
    const by = (routes: number) => subjects.find((s) => s.routes === routes)!;
    const [r50, r200] = [by(50), by(200)];
    const growth = m(r200, 'wall') / m(r50, 'wall');
    const checkGrowth = m(r200, 'checkMs') / m(r50, 'checkMs');
    console.log('');
    console.log(
      `${passFail(m(hello, 'wall') <= HELLO_TARGET_MS)} hello <= ${sec(HELLO_TARGET_MS)}: ${sec(m(hello, 'wall'))}`,
    );
    console.log(
      `${passFail(m(r200, 'wall') <= ROUTES200_TARGET_MS)} 200 routes <= ${sec(ROUTES200_TARGET_MS)}: ${sec(m(r200, 'wall'))}`,
    );
    console.log(
      `${passFail(growth <= GROWTH_TARGET)} growth time(200)/time(50) <= ${GROWTH_TARGET} (routes x4): wall ${growth.toFixed(2)}x` +
        ` (checkProject alone ${checkGrowth.toFixed(2)}x)`,
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main();
