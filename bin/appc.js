#!/usr/bin/env node
'use strict';
// appc's command line. main() reports every failure itself (see src/cli/run-failure.ts); this catch is the last resort.
// The compile cache comes first: it only serves the modules loaded after it (see src/cli/compile-cache.ts).
const cache = require('../dist/cli/compile-cache.js').enableCompileCache();
if (process.env.APPC_DEBUG === '1') {
  process.on('exit', () => process.stderr.write(`appc: compile cache: ${JSON.stringify(cache)}\n`));
}
// dist/cli/appc-cli.js is dist/cli/main.js and the modules it loads in one file, which loads TypeScript as
// dist/vendor/typescript.js (see src/cli/cli-bundle.ts); without both, the modules one by one.
const dist = require('node:path').join(__dirname, '../dist');
const bundled = ['cli/appc-cli.js', 'vendor/typescript.js'].every((file) =>
  require('node:fs').existsSync(`${dist}/${file}`),
);
require(bundled ? `${dist}/cli/appc-cli.js` : '../dist/cli/main.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    process.stderr.write(
      `appc: internal error: ${error && error.message ? error.message : error}\nRun again with APPC_DEBUG=1 and report the output to the appc maintainers.\n`,
    );
    if (process.env.APPC_DEBUG === '1' && error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  });
