/**
 * SDK benchmark (issue 14):
 *   1. wall time of `node bin/appc.js generate-sdk <tmp out> --project-dir <app>` for the generated 200-route app
 *      (bench/support/generate-app.ts), median of RUNS fresh processes, next to `node -e 0` in the same turns, and
 *      the median time of the sdk stage alone (`emitSdk`, model to files) in this process;
 *   2. the editor cost of the client: `tsc --noEmit` (TypeScript 6, strict, skipLibCheck) of a consumer that calls
 *      every operation once and reads its result, for the client appc writes for that app (responses `unknown`:
 *      the app declares no types), the same client with every response declared, and a Hono RPC client
 *      (`hc<typeof app>`) of a Hono app with the same routes and answers; median wall of RUNS processes each,
 *      with tsc's own check time, type count and memory (`--extendedDiagnostics`) from the last run.
 * Run: `npm run build`, then `node bench/run.js sdk [--runs N]`. Never exits non-zero for a slow figure; exit 1
 * when a command fails or a consumer does not type-check.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkProject } from '../src/compiler/compile';
import { emitSdk } from '../src/compiler/client/emit-sdk';
import type { AppModel } from '../src/compiler/model/app-model';
import type { ResolvedConfig } from '../src/compiler/config/resolved-config';
import { generateApp } from './support/generate-app';
import { machineLine, median, ROOT, sec, spread, staleDistWarning, timedSpawn } from './support/common';
import { appcConsumer, honoApp, honoConsumer, typedModel, writeProject } from './support/sdk-consumers';

const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 5;
const CLI = path.join(ROOT, 'bin', 'appc.js');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'lib', 'tsc.js');
const ms = (value: number) => `${Math.round(value)} ms`;

function main(): void {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) {
    console.log('bench/sdk: dist/ is missing; build appc first: npm run build');
    return;
  }
  const warning = staleDistWarning();
  if (warning) console.log(`${warning}\n`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-bench-sdk-'));
  try {
    const app = generateApp(path.join(tmp, 'app200'), { routes: 200, files: 20 });
    console.log(`${machineLine()}; median of ${RUNS} runs each\n`);
    generateSdkTimes(app.dir, tmp);
    const checked = checkProject({ projectDir: app.dir, stage: 'dev' });
    if (!checked.model || !checked.config) throw new Error('bench/sdk: the generated app has errors');
    stageTimes(checked.model, checked.config);
    consumerTimes(checked.model, checked.config, tmp);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function generateSdkTimes(appDir: string, tmp: string): void {
  const walls = { node: [] as number[], sdk: [] as number[] };
  for (let i = 0; i <= RUNS; i++) {
    const node = timedSpawn(['-e', '0']);
    const out = path.join(tmp, `sdk${i}`);
    const run = timedSpawn([CLI, 'generate-sdk', out, '--project-dir', appDir, '--openapi', `${out}.json`]);
    if (run.status !== 0) fail(`generate-sdk failed (exit ${run.status}):\n${run.stderr}`);
    if (i === 0) continue; // the first turn warms the file and compile caches
    walls.node.push(node.ms);
    walls.sdk.push(run.ms);
  }
  const [node, sdk] = [median(walls.node), median(walls.sdk)];
  console.log(
    `appc generate-sdk, 200 routes (with --openapi): ${sec(sdk)} (${spread(walls.sdk)}); node -e 0: ${sec(node)}`,
  );
}

function stageTimes(model: AppModel, config: ResolvedConfig): void {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    emitSdk(model, config, { openapi: true });
    times.push(performance.now() - start);
  }
  console.log(
    `sdk stage alone (emitSdk, 200 routes, ${model.routes.length} routes in the model): ${median(times).toFixed(1)} ms\n`,
  );
}

interface Project {
  name: string;
  dir: string;
  walls: number[];
  last?: string;
}

function consumerTimes(model: AppModel, config: ResolvedConfig, tmp: string): void {
  const client = (m: AppModel) =>
    Object.fromEntries(emitSdk(m, config).client.map((file) => [`sdk/${file.name}`, file.data as string]));
  const typed = typedModel(model);
  const projects: Project[] = [
    { name: 'appc client, responses unknown', dir: path.join(tmp, 'appc-unknown'), walls: [] },
    { name: 'appc client, responses declared', dir: path.join(tmp, 'appc-typed'), walls: [] },
    { name: 'Hono RPC client (hc<typeof app>)', dir: path.join(tmp, 'hono-rpc'), walls: [] },
  ];
  writeProject(projects[0].dir, ROOT, { ...client(model), 'consumer.ts': appcConsumer(model, false) });
  writeProject(projects[1].dir, ROOT, { ...client(typed), 'consumer.ts': appcConsumer(typed, true) });
  writeProject(projects[2].dir, ROOT, { 'app.ts': honoApp(model), 'consumer.ts': honoConsumer(model) });
  for (let i = 0; i <= RUNS; i++) {
    for (const project of projects) {
      const run = timedSpawn([TSC, '-p', project.dir, '--extendedDiagnostics']);
      if (run.status !== 0) fail(`tsc failed for ${project.name}:\n${run.stdout}${run.stderr}`);
      if (i > 0) project.walls.push(run.ms);
      project.last = run.stdout;
    }
  }
  console.log(
    `tsc --noEmit of a consumer calling all ${model.routes.reduce((n, r) => n + r.methods.length, 0)} operations:`,
  );
  console.log('  client                              wall (median, range)   check time   types    memory');
  for (const project of projects) {
    const figure = (label: string) =>
      new RegExp(`^${label}:\\s+(.+)$`, 'm').exec(project.last ?? '')?.[1].trim() ?? '?';
    console.log(
      `  ${project.name.padEnd(36)}${`${ms(median(project.walls))} (${spread(project.walls)} s)`.padEnd(25)}${figure('Check time').padEnd(13)}${figure('Types').padEnd(9)}${figure('Memory used')}`,
    );
  }
}

function fail(message: string): never {
  console.error(`bench/sdk: ${message}`);
  process.exit(1);
}

main();
