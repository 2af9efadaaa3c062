'use strict';
// Runs inside a fresh `node` process whose cwd is an unzipped deployment.zip (env PATH only, as
// bench/cold-start.ts starts it), against `./<module>.js`'s export <name>. Modes:
//   cold <module> <name> <event.json>           ms of require(module) and of the first await handler(event)
//   warm <module> <name> <event.json> <rounds>  ns per invoke of each of <rounds> rounds, after a warm-up
//   loop <module> <name> <event.json> <n>       n fresh compiles of the module, each run and invoked once, no output:
//                                               bench/cold-start.ts --instructions counts them under valgrind
//   loop-load <module> <name> <event.json> <n>  the same without the invokes
// Prints one JSON line on stdout (with the first result, for the parent to check), except in the loop modes.
const [mode, moduleName, exportName, eventFile, roundsArg] = process.argv.slice(2);
const fs = require('node:fs');
const path = require('node:path');
const event = JSON.parse(fs.readFileSync(eventFile, 'utf8'));
const context = {
  functionName: exportName,
  awsRequestId: 'bench',
  getRemainingTimeInMillis: () => 30000,
};
const moduleFile = path.join(process.cwd(), `${moduleName}.js`);
const ms = (from, to) => Number(to - from) / 1e6;

async function cold() {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const handler = require(moduleFile)[exportName];
  const t1 = process.hrtime.bigint();
  const result = await handler(event, context);
  const t2 = process.hrtime.bigint();
  const cpu = process.cpuUsage(cpu0);
  const line = { requireMs: ms(t0, t1), invokeMs: ms(t1, t2), cpuMs: (cpu.user + cpu.system) / 1000, result };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

async function warm() {
  const handler = require(moduleFile)[exportName];
  const first = await handler(event, context);
  const run = async (n) => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await handler(event, context);
    return Number(process.hrtime.bigint() - t0);
  };
  // Warm up for at least 0.3 s, then size rounds to about 20 ms each.
  const warmStart = process.hrtime.bigint();
  do await run(1000);
  while (process.hrtime.bigint() - warmStart < 300_000_000n);
  const per = (await run(1000)) / 1000;
  const n = Math.max(300, Math.round(20_000_000 / per));
  const rounds = [];
  for (let r = 0; r < Number(roundsArg); r++) rounds.push((await run(n)) / n);
  const last = await handler(event, context); // the event is reusable: the same answer after all rounds
  process.stdout.write(
    `${JSON.stringify({ rounds, result: first, same: JSON.stringify(last) === JSON.stringify(first) })}\n`,
  );
}

/**
 * The module's cold path `n` times in this process: compile (a different source each time, so that V8's compilation
 * cache cannot hand back the first compile), run, and first invoke. Node's own start and its loader are outside it.
 */
async function loop(n, invoke) {
  const vm = require('node:vm');
  const { createRequire, wrap } = require('node:module');
  const moduleRequire = createRequire(moduleFile);
  const source = n > 0 ? fs.readFileSync(moduleFile, 'utf8') : '';
  for (let i = 0; i < n; i++) {
    const script = new vm.Script(wrap(`${source}\n//${i}`), { filename: moduleFile });
    const module = { exports: {} };
    script.runInThisContext().call(module.exports, module.exports, moduleRequire, module, moduleFile, process.cwd());
    if (invoke) await module.exports[exportName](event, context);
  }
}

const run = {
  cold,
  warm,
  loop: () => loop(Number(roundsArg), true),
  'loop-load': () => loop(Number(roundsArg), false),
};
run[mode]().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
