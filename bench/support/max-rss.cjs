'use strict';
// Preloaded (`node -r`) into each timed child by bench/package.ts: on exit, appends the
// process's peak resident set size (KB, process.resourceUsage().maxRSS) to the file named by
// APPC_BENCH_RSS_FILE. A child's RSS cannot be read from the parent on Node.
const fs = require('node:fs');

const file = process.env.APPC_BENCH_RSS_FILE;
if (file) process.on('exit', () => fs.appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
