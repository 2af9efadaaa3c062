import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * appc's runtime as TypeScript source: `src/runtime` of the appc package (shipped in the
 * npm package too). Both the analyzer (types of `App`, ...) and the bundler (the code in
 * deployment.zip) use it: ES source lets esbuild drop what an app does not use. The
 * compiled copy beside this file is the fallback.
 */
export const RUNTIME_DIR = [path.resolve(__dirname, '../../src/runtime'), path.resolve(__dirname, '../runtime')]
  .find((dir) => fs.existsSync(path.join(dir, 'index.ts')) || fs.existsSync(path.join(dir, 'index.js'))) as string;

export const RUNTIME_INDEX = path.join(RUNTIME_DIR, 'index');
