/**
 * Writes `dist/vendor/typescript.js`: the TypeScript compiler appc analyses apps with (the copy that
 * @ts-morph/common bundles, 9 MB), minified by esbuild to about 3.6 MB. Every `appc package` loads it,
 * and even with V8's code cache (compile-cache.ts) loading costs time in proportion to the source's
 * size: it is read, decoded and kept whole for the functions V8 compiles lazily. The code is the
 * same; only whitespace and local names differ. The command line's bundle loads it in place of the
 * original (cli-bundle.ts); the sources and their tests use the original.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { transform, version as esbuildVersion } from 'esbuild';

/** The module the analysis requires (src/compiler/analyze/typescript.ts). */
export const TYPESCRIPT_MODULE = '@ts-morph/common/dist/typescript.js';

/** The minified copy, relative to dist/. */
export const MINIFIED_TYPESCRIPT = path.join('vendor', 'typescript.js');

/** Bump when the way the copy is made changes, so that an old copy is made again. */
const RECIPE = 1;

/**
 * Writes the minified copy under `distDir` unless the one there was made from the same TypeScript by
 * the same esbuild and recipe (its first line says which); replaces it in one rename.
 */
export async function writeMinifiedTypescript(distDir: string): Promise<'written' | 'fresh'> {
  const source = require.resolve(TYPESCRIPT_MODULE);
  const text = fs.readFileSync(source, 'utf8');
  const stamp = `/* appc: ${TYPESCRIPT_MODULE} (${text.length} characters) minified by esbuild ${esbuildVersion}, recipe ${RECIPE} */\n`;
  const outfile = path.join(distDir, MINIFIED_TYPESCRIPT);
  if (firstLine(outfile) === stamp) return 'fresh';
  const { code } = await transform(text, {
    loader: 'js',
    minify: true,
    target: 'node20',
    // ASCII output lets the loader decode it as Latin-1, the fast way (large-source-read.ts).
    charset: 'ascii',
    // TypeScript's licence header (a /*! comment) stays at the top.
    legalComments: 'inline',
  });
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  const temporary = `${outfile}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, stamp + code);
  fs.renameSync(temporary, outfile);
  return 'written';
}

/** The file's first line with its newline, or undefined when it cannot be read. */
function firstLine(file: string): string | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const head = Buffer.alloc(512);
    const text = head.subarray(0, fs.readSync(fd, head, 0, head.length, 0)).toString('utf8');
    const end = text.indexOf('\n');
    return end < 0 ? undefined : text.slice(0, end + 1);
  } finally {
    fs.closeSync(fd);
  }
}
