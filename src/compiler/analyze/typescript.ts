/**
 * TypeScript's compiler API: the copy ts-morph bundles (@ts-morph/common/dist/typescript.js),
 * required directly. appc uses `ts` only; `require('ts-morph')` would also load ts-morph's
 * project API, @ts-morph/common's helpers and its embedded lib files, 4 MB more on every run.
 */
import ts = require('@ts-morph/common/dist/typescript.js');

export { ts };
