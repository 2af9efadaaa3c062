/**
 * Writes `dist/vendor/typescript.js`: the TypeScript compiler appc analyses apps with (the copy that
 * @ts-morph/common bundles, 9.1 MB) without the parts of its language service appc never calls, and
 * minified by esbuild: about 3 MB. Every `appc package` loads it, and even with V8's code cache
 * (compile-cache.ts) loading costs time in proportion to the source's size: it is read, decoded and
 * kept whole for the functions V8 compiles lazily. The command line's bundle loads it in place of the
 * original (cli-bundle.ts); the sources and their tests use the original.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { transform, version as esbuildVersion } from 'esbuild';

/** The module the analysis requires (src/compiler/analyze/typescript.ts). */
export const TYPESCRIPT_MODULE = '@ts-morph/common/dist/typescript.js';

/** The minified copy, relative to dist/. */
export const MINIFIED_TYPESCRIPT = path.join('vendor', 'typescript.js');

/** Bump when the way the copy is made changes, so that an old copy is made again. */
const RECIPE = 2;

/**
 * The modules of TypeScript's bundle (each starts at a `// src/<path>` line) left out: the language
 * server, its typings installer, and the language service's code fixes and refactorings, which only
 * an editor asks for. appc uses the compiler (parser, binder, checker, program, module resolution)
 * and, for node methods such as `getText()`, the rest of the language service. The namespaces that
 * name what is left out stay, so that TypeScript's exports are all there; using one of the left-out
 * functions would throw a ReferenceError.
 */
const LEFT_OUT = ['src/server/', 'src/typingsInstallerCore/', 'src/services/codefixes/', 'src/services/refactors/'];

/**
 * Writes the minified copy under `distDir` unless the one there was made from the same TypeScript by
 * the same esbuild and recipe (its first line says which); replaces it in one rename.
 */
export async function writeMinifiedTypescript(distDir: string): Promise<'written' | 'fresh'> {
  const text = fs.readFileSync(require.resolve(TYPESCRIPT_MODULE), 'utf8');
  const stamp = stampOf(text);
  const outfile = path.join(distDir, MINIFIED_TYPESCRIPT);
  if (firstLine(outfile) === stamp) return 'fresh';
  const { code } = await transform(withoutLeftOut(text), {
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
  try {
    fs.writeFileSync(temporary, stamp + code);
    fs.renameSync(temporary, outfile);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  return 'written';
}

/** The first line of the copy made from TypeScript's `text` today: what it was made from, and how. */
export function minifiedTypescriptStamp(): string {
  return stampOf(fs.readFileSync(require.resolve(TYPESCRIPT_MODULE), 'utf8'));
}

function stampOf(text: string): string {
  const version = /\bversion = "([^"]+)"/.exec(text)?.[1] ?? 'unknown';
  const sha256 = crypto.createHash('sha256').update(text).digest('hex');
  return `/* appc: ${TYPESCRIPT_MODULE} ${version} (sha256 ${sha256}) minified by esbuild ${esbuildVersion}, recipe ${RECIPE} */\n`;
}

/** The file's first line with its newline, or undefined when it cannot be read. */
export function firstLine(file: string): string | undefined {
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

/** `text` less the modules in LEFT_OUT; throws when it does not have them all, as a different bundle would. */
export function withoutLeftOut(text: string): string {
  const kept: string[] = [];
  const found = new Set<string>();
  let leaving = false;
  for (const line of text.split('\n')) {
    const module = /^\/\/ (src\/\S+)$/.exec(line)?.[1];
    const prefix = module === undefined ? undefined : LEFT_OUT.find((left) => module.startsWith(left));
    if (module !== undefined) leaving = prefix !== undefined;
    if (prefix) found.add(prefix);
    if (!leaving) kept.push(line);
  }
  const missing = LEFT_OUT.filter((prefix) => !found.has(prefix));
  if (missing.length > 0) throw new Error(`${TYPESCRIPT_MODULE} has no modules under ${missing.join(', ')}`);
  // The bundle's closing lines follow its last module: it must be one that stays.
  if (leaving) throw new Error(`${TYPESCRIPT_MODULE} ends with a module under ${LEFT_OUT.join(', ')}`);
  return kept.join('\n');
}
