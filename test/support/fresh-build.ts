/**
 * Mocha global setup (registered in .mocharc.json): before the run, rebuilds dist/ when a source is
 * newer than its output, so the tests that run the command line from dist/ (bin/appc.js) test the
 * sources as they are, not the last build. A fresh dist/ costs one stat per file.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where a TypeScript project keeps its sources, outputs and build settings; paths relative to `root`. */
export interface BuildLayout {
  root: string;
  /** tsconfig `rootDir`: every `.ts` below it (but `.d.ts`) compiles to the same path under `outDir`. */
  srcDir: string;
  outDir: string;
  /** The tsconfig that `tsc -p` builds. */
  tsconfig: string;
  /** Build settings every output depends on. */
  configFiles: string[];
  /** tsc's incremental state, kept out of `outDir` so that it is not published with it. */
  buildInfo: string;
  /**
   * A file made from `outDir` after tsc (appc's CLI bundle), the script in `outDir` that makes it, and the files the
   * script also makes, which the bundle loads (the minified TypeScript).
   */
  bundle?: { output: string; script: string; alongside?: string[] };
}

export const APPC_BUILD: BuildLayout = {
  root: path.resolve(__dirname, '../..'),
  srcDir: 'src',
  outDir: 'dist',
  tsconfig: 'tsconfig.build.json',
  configFiles: ['tsconfig.json', 'tsconfig.build.json'],
  buildInfo: 'node_modules/.cache/appc-tests/tsconfig.build.tsbuildinfo',
  bundle: {
    output: 'dist/cli/appc-cli.js',
    script: 'dist/cli/cli-bundle.js',
    alongside: ['dist/vendor/typescript.js'],
  },
};

/**
 * Why `outDir` is out of date (a missing output, or a source or setting newer than it; the bundle missing or
 * older than an output), or undefined when fresh.
 */
export function staleReason(layout: BuildLayout): string | undefined {
  return compileReason(layout) ?? bundleReason(layout);
}

/** Why tsc must run, or undefined. */
function compileReason(layout: BuildLayout): string | undefined {
  const abs = (file: string) => path.resolve(layout.root, file);
  let oldestOutput = Infinity;
  for (const source of sourceFiles(abs(layout.srcDir))) {
    const output = path.join(abs(layout.outDir), path.relative(abs(layout.srcDir), source)).replace(/\.ts$/, '.js');
    const outputTime = mtimeOf(output);
    const shown = (file: string) => path.relative(layout.root, file);
    if (outputTime === undefined) return `${shown(output)} is missing`;
    if (mtimeOf(source)! > outputTime) return `${shown(source)} is newer than ${shown(output)}`;
    oldestOutput = Math.min(oldestOutput, outputTime);
  }
  const changedSetting = layout.configFiles.find((file) => (mtimeOf(abs(file)) ?? 0) > oldestOutput);
  return changedSetting === undefined ? undefined : `${changedSetting} is newer than ${layout.outDir}/`;
}

/** Why the bundle must be made again (tsc's outputs are fresh), or undefined. */
function bundleReason(layout: BuildLayout): string | undefined {
  if (!layout.bundle) return undefined;
  const { output, alongside = [] } = layout.bundle;
  const bundleTime = mtimeOf(path.resolve(layout.root, output));
  if (bundleTime === undefined) return `${output} is missing`;
  const missing = alongside.find((file) => mtimeOf(path.resolve(layout.root, file)) === undefined);
  if (missing !== undefined) return `${missing} is missing`;
  const bundle = path.resolve(layout.root, output);
  const outputs = outputFiles(path.resolve(layout.root, layout.outDir)).filter((file) => file !== bundle);
  const newer = outputs.find((file) => mtimeOf(file)! > bundleTime);
  return newer === undefined ? undefined : `${path.relative(layout.root, newer)} is newer than ${output}`;
}

export interface BuildResult {
  /** Why it built, or undefined when `outDir` was fresh. */
  reason?: string;
  /** What tsc printed (type errors; tsc emits despite them). */
  tscOutput: string;
}

/**
 * Builds `outDir` with tsc when it is stale: incrementally first; from scratch when that leaves it stale
 * (tsc's incremental state can claim a source is built when `outDir` was rebuilt or edited since).
 * Throws when `outDir` is still stale after that.
 */
export function ensureFreshBuild(layout: BuildLayout): BuildResult {
  const reason = staleReason(layout);
  if (reason === undefined) return { tscOutput: '' };
  let tscOutput = compileReason(layout) === undefined ? '' : runTsc(layout);
  if (compileReason(layout) !== undefined) {
    fs.rmSync(path.resolve(layout.root, layout.buildInfo), { force: true });
    tscOutput = runTsc(layout);
  }
  if (layout.bundle && compileReason(layout) === undefined) tscOutput += runBundle(layout, layout.bundle.script);
  const still = staleReason(layout);
  if (still !== undefined)
    throw new Error(`the build (tsc -p ${layout.tsconfig}) left ${layout.outDir}/ stale: ${still}\n${tscOutput}`);
  return { reason, tscOutput };
}

/** The hook mocha calls once before the first test. */
export function mochaGlobalSetup(): void {
  const started = Date.now();
  const { reason, tscOutput } = ensureFreshBuild(APPC_BUILD);
  if (reason === undefined) return;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(`Built ${APPC_BUILD.outDir}/ before the tests (${reason}) in ${seconds} s\n${tscOutput}`);
}

/** `tsc -p` with this repository's TypeScript; type errors are printed, not thrown (tsc still emits). */
function runTsc(layout: BuildLayout): string {
  const tsc = require.resolve('typescript/bin/tsc');
  const args = [tsc, '-p', layout.tsconfig, '--incremental', '--tsBuildInfoFile', layout.buildInfo];
  try {
    return execFileSync(process.execPath, args, { cwd: layout.root, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
  }
}

/** `node <script>` (the bundle's); what it printed. */
function runBundle(layout: BuildLayout, script: string): string {
  try {
    return execFileSync(process.execPath, [script], { cwd: layout.root, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
  }
}

/** The `.js` files under `dir`. */
function outputFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => path.join(dir, file));
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .sort()
    .map((file) => path.join(dir, file));
}

function mtimeOf(file: string): number | undefined {
  return fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;
}
