'use strict';
// Preloaded (`node -r`) into each timed child by bench/package.ts: on exit, writes the process's
// peak resident set size (KB, process.resourceUsage().maxRSS) and its user+sys CPU (ms, this
// process only: not esbuild's service) to the file named by APPC_BENCH_USAGE_FILE, as JSON.
// A child's RSS cannot be read from the parent on Node; CPU moves far less with machine load than wall.
const fs = require('node:fs');

const file = process.env.APPC_BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    fs.writeFileSync(file, JSON.stringify({ rssKb: maxRSS, cpuMs: (userCPUTime + systemCPUTime) / 1000 }));
  });
}
