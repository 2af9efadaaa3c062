/**
 * Local server benchmark (issues 6 and 11): `appc local` serving fixtures/hello in its own
 * process (the built CLI, `node bin/appc.js local --port 0`, its request lines written to a temp
 * file), and autocannon in this one: a warm-up of WARMUP requests, then REQUESTS GET / at
 * CONNECTIONS concurrent connections; then the same with WAIT_REQUESTS against bench/apps/local-wait,
 * whose handler waits 20 ms. Prints requests/second and latency next to the figures
 * recorded before function instances (BEFORE); exits 1 unless every request got a 200 (no
 * errors, timeouts or other statuses).
 * Run: `npm run build`, then
 * `node bench/run.js local [--requests N] [--wait-requests N] [--connections N]`
 * `[--concurrency N (appc local's, default its own)]`.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { machineLine, passFail, ROOT, staleDistWarning } from './support/common';

interface AutocannonResult {
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
type Tracker = PromiseLike<AutocannonResult> & { on(event: 'response', listener: () => void): void };
type Autocannon = (options: { url: string; connections: number; amount: number }) => Tracker;
// autocannon ships no types.
const autocannon = require('autocannon') as Autocannon;

const flag = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const REQUESTS = flag('--requests', 10_000);
/** Fewer for the waiting handler: one at a time, 10,000 would take over 200 s. */
const WAIT_REQUESTS = flag('--wait-requests', 1_000);
const CONNECTIONS = flag('--connections', 100);
const CONCURRENCY = flag('--concurrency', 0);
const WARMUP = 1_000;

/**
 * The same runs (10,000 and 1,000 requests, 100 connections) before issue 11, when each app ran one
 * invocation at a time in the server's thread (commit 53f7a2a, this bench on 2 vCPUs): written
 * down here because that code is gone.
 */
const BEFORE = '3115 requests/second, p50 12 ms, p99 241 ms, max 1957 ms, 0 errors (serial queue, commit 53f7a2a)';
const BEFORE_WAIT =
  '44 requests/second, p50 2220 ms, p99 2403 ms, max 2427 ms, 0 errors (serial queue, commit 53f7a2a)';

/**
 * The CLI in its own process; its stdout goes to a temp file (reading 10,000 request lines here would slow autocannon).
 */
async function startAppcLocal(projectDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'appc-bench-local-')), 'stdout.txt');
  const fd = fs.openSync(log, 'w');
  const args = [
    'local',
    '--port',
    '0',
    '--project-dir',
    projectDir,
    ...(CONCURRENCY > 0 ? ['--concurrency', String(CONCURRENCY)] : []),
  ];
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'appc.js'), ...args], {
    stdio: ['ignore', fd, 'inherit'],
  });
  fs.closeSync(fd);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  void exit.then(() => (exited = true));
  for (
    const started = Date.now();
    Date.now() - started < 30_000;
    await new Promise((resolve) => setTimeout(resolve, 20))
  ) {
    const match = /at (http:\/\/\S+?)\//.exec(fs.readFileSync(log, 'utf8'));
    if (match)
      return {
        url: match[1],
        stop: async () => {
          child.kill('SIGINT');
          await exit;
        },
      };
    if (exited) break;
  }
  child.kill();
  throw new Error(`appc local did not start:\n${fs.readFileSync(log, 'utf8')}`);
}

interface Scenario {
  label: string;
  projectDir: string;
  requests: number;
  /** The figures recorded before issue 11. */
  before: string;
}

/**
 * Starts `appc local` on the scenario's app, warms it up, then times its requests; returns whether every one got a 200.
 */
async function measure({ label, projectDir, requests, before }: Scenario): Promise<boolean> {
  const server = await startAppcLocal(projectDir);
  try {
    await autocannon({ url: `${server.url}/`, connections: CONNECTIONS, amount: WARMUP });
    // autocannon notices the end only at its next 1 s sample: time the first to the last answer here.
    const started = performance.now();
    let finished = started;
    const tracker = autocannon({ url: `${server.url}/`, connections: CONNECTIONS, amount: requests });
    tracker.on('response', () => (finished = performance.now()));
    const result = await tracker;
    const seconds = (finished - started) / 1000;
    const failed = result.errors + result.timeouts + result.non2xx;
    const instances = CONCURRENCY > 0 ? `--concurrency ${CONCURRENCY}` : 'default --concurrency';
    console.log(
      `${label}, GET /, ${requests} requests at concurrency ${CONNECTIONS} (autocannon, after ${WARMUP} warm-up requests), appc local ${instances}`,
    );
    console.log(`  requests/second  ${Math.round(requests / seconds)} (${requests} in ${seconds.toFixed(2)} s)`);
    console.log(
      `  latency          p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
    );
    console.log(
      `  answers          ${result['2xx']} 2xx, ${result.non2xx} other, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
    console.log(`  before issue 11  ${before}`);
    const ok = failed === 0 && result['2xx'] === requests;
    console.log(`${passFail(ok)} zero errors, every request answered 200 (${failed} failed)`);
    return ok;
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  console.log(`appc local benchmark: ${machineLine()}`);
  const stale = staleDistWarning();
  if (stale) console.log(stale);
  const scenarios: Scenario[] = [
    { label: 'fixtures/hello', projectDir: path.join(ROOT, 'fixtures', 'hello'), requests: REQUESTS, before: BEFORE },
    {
      label: 'bench/apps/local-wait (the handler waits 20 ms)',
      projectDir: path.join(ROOT, 'bench', 'apps', 'local-wait'),
      requests: WAIT_REQUESTS,
      before: BEFORE_WAIT,
    },
  ];
  for (const scenario of scenarios) if (!(await measure(scenario))) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
