'use strict';
// Runs inside a fresh `node` process (no tsx) against one esbuild bundle that exports
// `handler`. Modes:
//   check <bundle> <events.json>  invoke each route once, verify status and body
//   cold  <bundle> <events.json>  ms for require(bundle) + await the first invoke
//   warm  <bundle> <events.json> <rounds>  ns per invoke for each of <rounds> rounds
// Prints one JSON line on stdout; a wrong answer goes to stderr with exit code 1.
const fs = require('node:fs');
const { isDeepStrictEqual } = require('node:util');

/** A Lambda context shaped like the real one (middy looks for getRemainingTimeInMillis). */
const context = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'bench-dev',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:bench-dev',
  memoryLimitInMB: '128',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
  logGroupName: '/aws/lambda/bench-dev',
  logStreamName: '2015/04/09/[$LATEST]0123456789abcdef',
  getRemainingTimeInMillis: () => 30000,
  done() {},
  fail() {},
  succeed() {},
};

/** '' when `result` is the expected answer, else what is wrong with it. */
function mismatch(result, expected) {
  if (!result || typeof result !== 'object') return `not a proxy result: ${JSON.stringify(result)}`;
  if (result.statusCode !== expected.statusCode) {
    return `statusCode ${result.statusCode}, expected ${expected.statusCode} (body ${result.body})`;
  }
  let text = result.body;
  if (result.isBase64Encoded) text = Buffer.from(text, 'base64').toString('utf8');
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return `body is not JSON: ${JSON.stringify(text)}`;
  }
  if (!isDeepStrictEqual(body, expected.body)) return `body ${text}, expected ${JSON.stringify(expected.body)}`;
  return '';
}

async function checkAll(handler, cases) {
  for (const c of cases) {
    const problem = mismatch(await handler(c.event, context), c.expected);
    if (problem) throw new Error(`${c.name}: ${problem}`);
  }
}

async function main() {
  const [mode, bundle, eventsFile, roundsArg] = process.argv.slice(2);
  const cases = JSON.parse(fs.readFileSync(eventsFile, 'utf8'));

  if (mode === 'cold') {
    const event = cases[0].event;
    const t0 = process.hrtime.bigint();
    const { handler } = require(bundle);
    const result = await handler(event, context);
    const t1 = process.hrtime.bigint();
    const problem = mismatch(result, cases[0].expected);
    if (problem) throw new Error(`${cases[0].name}: ${problem}`);
    console.log(JSON.stringify({ ms: Number(t1 - t0) / 1e6 }));
    return;
  }

  const { handler } = require(bundle);
  await checkAll(handler, cases);
  if (mode === 'check') {
    console.log(JSON.stringify({ ok: cases.map((c) => c.name) }));
    return;
  }
  if (mode !== 'warm') throw new Error(`unknown mode ${mode}`);

  const events = cases.map((c) => c.event);
  const count = events.length;
  const run = async (n) => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await handler(events[i % count], context);
    return Number(process.hrtime.bigint() - t0);
  };
  // Warm up for at least 0.5 s, then size rounds to about 20 ms each.
  const warmStart = process.hrtime.bigint();
  do await run(1000 * count);
  while (process.hrtime.bigint() - warmStart < 500_000_000n);
  const per = (await run(1000 * count)) / (1000 * count);
  const n = Math.max(300, Math.round(20_000_000 / per / count)) * count;
  const rounds = [];
  for (let r = 0; r < Number(roundsArg); r++) rounds.push((await run(n)) / n);
  await checkAll(handler, cases); // the answers are still right after reusing the events
  console.log(JSON.stringify({ n, rounds }));
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
