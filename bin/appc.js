#!/usr/bin/env node
'use strict';
// appc's command line. An internal error (a bug in appc) is the only thing that prints a stack.
require('../dist/cli/main.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    process.stderr.write(`appc: internal error, please report it: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 70;
  });
