'use strict';
// Preloaded with `node --require` by the OUT atomicity test: every rename takes APPC_TEST_RENAME_DELAY_MS
// longer, as on a slow network file system, so that two runs writing one OUT overlap.
const fs = require('node:fs');

const delay = Number(process.env.APPC_TEST_RENAME_DELAY_MS || 200);
const pause = new Int32Array(new SharedArrayBuffer(4));
const renameSync = fs.renameSync;
fs.renameSync = function slowRenameSync(...args) {
  Atomics.wait(pause, 0, 0, delay);
  return renameSync.apply(this, args);
};
const rename = fs.promises.rename;
fs.promises.rename = async function slowRename(...args) {
  await new Promise((resolve) => setTimeout(resolve, delay));
  return rename.apply(this, args);
};
