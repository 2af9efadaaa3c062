'use strict';
// Runs in a fresh `node` process (no tsx): require appc's built front half from dist/ and
// run checkProject once on one app. Prints one JSON line:
//   { requireMs, checkMs, timings, diagnostics, routes, functions, cpuMs }
// cpuMs is the whole process's user+sys CPU (start-up included), which machine load
// inflates far less than wall time.
const path = require('node:path');
const fs = require('node:fs');

const [projectDir, stage = 'dev'] = process.argv.slice(2);
// APPC_BENCH_SRC=1 (with `node --import tsx`): the TypeScript sources, when dist/ is missing.
const dist = process.env.APPC_BENCH_SRC
  ? path.resolve(__dirname, '../../src/compiler/check-project.ts')
  : path.resolve(__dirname, '../../dist/compiler/check-project.js');
if (!fs.existsSync(dist)) {
  process.stderr.write(`missing ${dist}: build appc first (npx tsc -p tsconfig.build.json)\n`);
  process.exit(3);
}
let t = process.hrtime.bigint();
const { checkProject } = require(dist);
const requireMs = Number(process.hrtime.bigint() - t) / 1e6;
t = process.hrtime.bigint();
const result = checkProject({ projectDir, stage });
const checkMs = Number(process.hrtime.bigint() - t) / 1e6;
const cpu = process.cpuUsage();
process.stdout.write(
  `${JSON.stringify({
    requireMs,
    checkMs,
    timings: result.timings,
    diagnostics: result.diagnostics.length,
    routes: result.model ? result.model.routes.length : null,
    functions: result.model ? result.model.functions.length : null,
    cpuMs: (cpu.user + cpu.system) / 1000,
  })}\n`,
);
