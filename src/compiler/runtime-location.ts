import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * appc's runtime as TypeScript source: `src/runtime` of the appc package (shipped in the
 * npm package too). The bundler puts it in deployment.zip from source: ES modules let
 * esbuild drop what an app does not use. The compiled copy is the fallback.
 */
export const RUNTIME_SOURCE_DIR = [
  path.resolve(__dirname, '../../src/runtime'),
  path.resolve(__dirname, '../runtime'),
].find((dir) => fs.existsSync(path.join(dir, 'index.ts')) || fs.existsSync(path.join(dir, 'index.js'))) as string;

export const RUNTIME_INDEX = path.join(RUNTIME_SOURCE_DIR, 'index');

/** A runtime module by absolute path, for the generated entry module (inlined; no path reaches app.js). */
export function runtimeModule(name: string): string {
  return path.join(RUNTIME_SOURCE_DIR, name).split(path.sep).join('/');
}

/**
 * The runtime the analyzer resolves `'appc'` to: the copy beside this compiler, i.e.
 * `dist/runtime/*.d.ts` when built (declarations parse in half the time of the sources),
 * `src/runtime/*.ts` when run from source.
 */
export const RUNTIME_TYPES_DIR = path.resolve(__dirname, '../runtime');
