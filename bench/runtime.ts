/**
 * Runtime benchmark (issues 2 and 18): the same three routes in appc, middy + @middy/http-router,
 * lambda-api and hono, and as a bare hand-written handler (the floor, bench/apps/bare.ts), driven by REST proxy v1
 * events built from the AWS SAM CLI sample. Each app is bundled with esbuild (one minified CJS file, as appc's
 * deployment zip ships), checked for correct answers, then measured in fresh `node` processes:
 *   warm: ns per invoke, median of ROUNDS rounds (round-robin over the routes, after warm-up),
 *         taken in WARM_PASSES turns across the implementations so load drift hits all alike
 *   cold: ms for `require(bundle)` + `await` the first invoke, median of COLD_RUNS processes
 * Run: `npx tsx bench/runtime.ts` or `node bench/run.js runtime`. Prints figures, never
 * fails on a missed target; exits 1 only if the sample is missing or an app answers wrongly.
 * BENCH_KEEP=1 keeps the temp dir with the bundles (for `node --cpu-prof` runs).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import type { APIGatewayProxyEvent } from '../src/runtime/events';

const ROUNDS = 30;
/** Warm rounds come from this many fresh processes per implementation, run in turns. */
const WARM_PASSES = 3;
const COLD_RUNS = 10;
const WARM_TARGET_NS = 2000;
const PEER_FACTOR = 2;
const COLD_TARGET_MS = 2;
/** Issue 18: appc's warm invoke within this factor of the bare handler's. */
const BARE_FACTOR = 1.5;

const IMPLEMENTATIONS = ['appc', 'middy', 'lambda-api', 'hono', 'bare'] as const;
type Impl = (typeof IMPLEMENTATIONS)[number];

const SAMPLE = path.resolve(__dirname, '../../shared/reference/events/aws-sam-cli/AwsProxy.json');
const CHILD = path.join(__dirname, 'support', 'invoke-child.cjs');

/** The SAM CLI sample has both header maps. */
type ProxyEvent = APIGatewayProxyEvent & {
  headers: Record<string, string | undefined>;
  multiValueHeaders: Record<string, string[] | undefined>;
};

interface Case {
  name: string;
  event: ProxyEvent;
  expected: { statusCode: number; body: unknown };
}

function loadSample(): ProxyEvent {
  if (!fs.existsSync(SAMPLE)) {
    console.error(`bench/runtime: missing sample event ${SAMPLE}`);
    console.error('It comes from ../shared/reference/events (the AWS SAM CLI samples); restore it and rerun.');
    process.exit(1);
  }
  return JSON.parse(fs.readFileSync(SAMPLE, 'utf8')) as ProxyEvent;
}

/** The sample, re-aimed at one route the way API Gateway would send it. */
function proxyEvent(
  sample: ProxyEvent,
  route: {
    method: string;
    resource: string;
    path: string;
    pathParameters: Record<string, string> | null;
    body: string | null;
    headers?: Record<string, string>;
  },
): ProxyEvent {
  const event = structuredClone(sample);
  event.resource = route.resource;
  event.path = route.path;
  event.httpMethod = route.method;
  event.pathParameters = route.pathParameters;
  event.body = route.body;
  event.isBase64Encoded = false;
  event.requestContext.resourcePath = route.resource;
  event.requestContext.httpMethod = route.method;
  event.requestContext.path = `/${event.requestContext.stage}${route.path}`;
  for (const [name, value] of Object.entries(route.headers ?? {})) {
    event.headers[name] = value;
    event.multiValueHeaders[name] = [value];
  }
  return event;
}

function buildCases(sample: ProxyEvent): Case[] {
  const object = { name: 'appc', tags: ['fast', 'small'], size: 3, nested: { ok: true } };
  return [
    {
      name: 'GET /',
      event: proxyEvent(sample, { method: 'GET', resource: '/', path: '/', pathParameters: null, body: null }),
      expected: { statusCode: 200, body: { hello: 'world' } },
    },
    {
      name: 'GET /cities/{city}',
      event: proxyEvent(sample, {
        method: 'GET',
        resource: '/cities/{city}',
        path: '/cities/seattle',
        pathParameters: { city: 'seattle' },
        body: null,
      }),
      expected: { statusCode: 200, body: { city: 'seattle' } },
    },
    {
      name: 'PUT /objects/{key}',
      event: proxyEvent(sample, {
        method: 'PUT',
        resource: '/objects/{key}',
        path: '/objects/mykey',
        pathParameters: { key: 'mykey' },
        body: JSON.stringify(object),
        headers: { 'Content-Type': 'application/json' },
      }),
      expected: { statusCode: 200, body: { key: 'mykey', value: object } },
    },
  ];
}

function bundle(impl: Impl, dir: string): string {
  const outfile = path.join(dir, `${impl}.cjs`);
  buildSync({
    entryPoints: [path.join(__dirname, 'apps', `${impl}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    logLevel: 'error',
    // Lambda's Node runtimes provide the AWS SDK v3 (lambda-api imports its S3 client lazily).
    external: ['@aws-sdk/*'],
  });
  return outfile;
}

/** The JSON line bench/support/invoke-child.cjs prints in each mode. */
interface ChildLines {
  check: { ok: string[] };
  warm: { n: number; rounds: number[] };
  cold: { ms: number };
}

/** Run the child in `mode` and return its JSON line; a failing child ends the bench. */
function child<Mode extends keyof ChildLines>(
  mode: Mode,
  impl: Impl,
  bundleFile: string,
  eventsFile: string,
  ...extra: string[]
): ChildLines[Mode] {
  const run = spawnSync(process.execPath, [CHILD, mode, bundleFile, eventsFile, ...extra], { encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(`bench/runtime: ${impl} failed in ${mode} mode:\n${run.stderr || run.stdout}`);
    process.exit(1);
  }
  const lines = run.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as ChildLines[Mode];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const passFail = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

function main(): void {
  const cases = buildCases(loadSample());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-bench-'));
  try {
    const eventsFile = path.join(dir, 'events.json');
    fs.writeFileSync(eventsFile, JSON.stringify(cases));
    const bundles = new Map<Impl, string>();
    for (const impl of IMPLEMENTATIONS) bundles.set(impl, bundle(impl, dir));

    // 1. Every implementation answers every route correctly (status and JSON body).
    for (const impl of IMPLEMENTATIONS) child('check', impl, bundles.get(impl)!, eventsFile);
    console.log(`checked: ${IMPLEMENTATIONS.join(', ')} answer ${cases.map((c) => c.name).join(', ')} correctly`);

    // 2. Warm: fresh processes, so no app shares a JIT with another; in turns, so a change
    //    in machine load (other jobs) does not land on one implementation only.
    const warmRounds = new Map<Impl, number[]>(IMPLEMENTATIONS.map((impl) => [impl, []]));
    for (let pass = 0; pass < WARM_PASSES; pass++) {
      for (const impl of IMPLEMENTATIONS) {
        const { rounds } = child('warm', impl, bundles.get(impl)!, eventsFile, String(ROUNDS / WARM_PASSES));
        warmRounds.get(impl)!.push(...rounds);
      }
    }
    const warm = new Map<Impl, number>(IMPLEMENTATIONS.map((impl) => [impl, median(warmRounds.get(impl)!)]));

    // 3. Cold: require + first invoke in fresh processes, interleaved across implementations.
    const coldRuns = new Map<Impl, number[]>(IMPLEMENTATIONS.map((impl) => [impl, []]));
    for (let i = 0; i < COLD_RUNS; i++) {
      for (const impl of IMPLEMENTATIONS)
        coldRuns.get(impl)!.push(child('cold', impl, bundles.get(impl)!, eventsFile).ms);
    }
    const cold = new Map<Impl, number>(IMPLEMENTATIONS.map((impl) => [impl, median(coldRuns.get(impl)!)]));

    const appcWarm = warm.get('appc')!;
    const kb = (impl: Impl) => (fs.statSync(bundles.get(impl)!).size / 1024).toFixed(1);
    console.log(
      `\nnode ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} x${os.cpus().length}; ` +
        `warm = median of ${ROUNDS} rounds (${WARM_PASSES} processes), cold = median of ${COLD_RUNS} processes; esbuild-minified CJS bundles\n`,
    );
    console.log('| implementation | warm ns/invoke (median) | vs appc | cold ms (median) |');
    console.log('|---|---:|---:|---:|');
    for (const impl of IMPLEMENTATIONS) {
      const ns = warm.get(impl)!;
      console.log(`| ${impl} | ${Math.round(ns)} | ${(ns / appcWarm).toFixed(1)}x | ${cold.get(impl)!.toFixed(2)} |`);
    }
    console.log(
      `\n(vs appc = the implementation's warm time / appc's; bundle KB: ${IMPLEMENTATIONS.map((i) => `${i} ${kb(i)}`).join(', ')})\n`,
    );

    const peers = IMPLEMENTATIONS.filter((impl) => impl !== 'appc' && impl !== 'bare');
    const fastest = peers.reduce((a, b) => (warm.get(a)! <= warm.get(b)! ? a : b));
    const factor = warm.get(fastest)! / appcWarm;
    const appcCold = cold.get('appc')!;
    console.log(
      `${passFail(appcWarm <= WARM_TARGET_NS)} appc warm <= ${WARM_TARGET_NS} ns: ${Math.round(appcWarm)} ns`,
    );
    console.log(
      `${passFail(factor >= PEER_FACTOR)} appc warm >= ${PEER_FACTOR}x faster than the fastest peer (${fastest}, ${Math.round(warm.get(fastest)!)} ns): ${factor.toFixed(1)}x`,
    );
    console.log(
      `${passFail(appcCold <= COLD_TARGET_MS)} appc cold <= ${COLD_TARGET_MS} ms: ${appcCold.toFixed(2)} ms (bare handler ${cold.get('bare')!.toFixed(2)} ms)`,
    );
    const overBare = appcWarm / warm.get('bare')!;
    console.log(
      `${passFail(overBare <= BARE_FACTOR)} appc warm <= ${BARE_FACTOR}x the bare handler's (${Math.round(warm.get('bare')!)} ns): ${overBare.toFixed(2)}x`,
    );
  } finally {
    if (process.env.BENCH_KEEP) console.log(`\nkept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
