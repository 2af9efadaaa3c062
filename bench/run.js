#!/usr/bin/env node
'use strict';
// Benchmark dispatcher: `node bench/run.js <name> [args...]` runs bench/<name>.ts through
// tsx; with no name it runs every bench/*.ts in turn.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const tsx = pathToFileURL(require.resolve('tsx', { paths: [__dirname] })).href;
const [name, ...args] = process.argv.slice(2);
const names = name
  ? [name]
  : fs
      .readdirSync(__dirname)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.slice(0, -3))
      .sort();

for (const bench of names) {
  const file = path.join(__dirname, `${bench}.ts`);
  if (!fs.existsSync(file)) {
    const known = fs
      .readdirSync(__dirname)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.slice(0, -3));
    console.error(`bench/run.js: no benchmark ${bench} (bench/${bench}.ts); known: ${known.join(', ') || 'none'}`);
    process.exit(2);
  }
  const run = spawnSync(process.execPath, ['--import', tsx, file, ...args], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
