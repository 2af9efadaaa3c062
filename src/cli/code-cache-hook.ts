import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { cacheFileFor, readCodeCache, writeCodeCache, type SourceKey } from './code-cache-file';
import { markUsed, pruneCodeCache, type Pruned } from './code-cache-prune';
import { installLargeSourceRead } from './large-source-read';

/** What the cache did in this process (for the tests and `APPC_DEBUG=1`). */
export interface CodeCacheStats {
  /** Modules compiled through the cache. */
  compiled: number;
  /** Of which V8 took the stored code for. */
  accepted: number;
  /** Cache files written at exit (missing, stale, corrupt or rejected before). */
  written: number;
  /** What the prune after those writes removed (code-cache-prune.ts); none when nothing was written. */
  pruned?: Pruned;
}

type Compile = (this: Module, content: string, filename: string, format?: string) => unknown;
type WrapperFunction = (
  exports: unknown,
  require: NodeJS.Require,
  module: Module,
  filename: string,
  dirname: string,
) => unknown;

interface Compiled {
  wrapper: WrapperFunction;
  script: vm.Script;
  key: SourceKey;
  cacheFile: string;
  accepted: boolean;
}

/** Node's CommonJS wrapper (Module.wrap); the column offset below keeps first-line stack columns right. */
const WRAPPER_START = '(function (exports, require, module, __filename, __dirname) { ';
const WRAPPER_END = '\n});';

/**
 * Node 20 has no `module.enableCompileCache()`: compiles the CommonJS modules under `roots`
 * (appc's own package and every node_modules) through `vm.Script` with V8's code cache kept in
 * `dir`, and writes the cache of each module compiled without it when the process exits, when
 * it also holds the functions compiled lazily during the run. A module the cache cannot handle
 * (ESM syntax, a hashbang) goes to Node's own compile, as does everything else. An entry used is
 * marked so; a run that wrote entries then prunes the cache (code-cache-prune.ts, with `siblingsOf`).
 */
export function installCodeCache(dir: string, root: string, siblingsOf: readonly string[] = []): CodeCacheStats {
  const stats: CodeCacheStats = { compiled: 0, accepted: 0, written: 0 };
  const fresh: Compiled[] = [];
  const used = new Set<string>();
  const read: string[] = [];
  const prototype = Module.prototype as unknown as { _compile: Compile };
  const compile = prototype._compile;
  prototype._compile = function compileWithCache(this: Module, content: string, filename: string, format?: string) {
    const compiled =
      format === 'module' || !eligible(filename, content, root) ? undefined : compileCached(dir, content, filename);
    if (!compiled) return compile.call(this, content, filename, format);
    stats.compiled++;
    used.add(compiled.cacheFile);
    if (compiled.accepted) {
      stats.accepted++;
      read.push(compiled.cacheFile);
    } else fresh.push(compiled);
    return compiled.wrapper.call(this.exports, this.exports, makeRequire(this), this, filename, path.dirname(filename));
  };
  installLargeSourceRead((filename) => eligibleFile(filename, root));
  process.once('exit', () => {
    // After the run's work: marking what it read as used is a write per entry.
    for (const cacheFile of read) markUsed(cacheFile);
    for (const { script, key, cacheFile } of fresh)
      if (writeCodeCache(cacheFile, key, script.createCachedData())) stats.written++;
    // Only a run that added to the cache can take it over its bounds.
    if (stats.written > 0) stats.pruned = pruneCodeCache(dir, { keep: used, siblingsOf });
  });
  return stats;
}

function eligible(filename: string, content: string, root: string): boolean {
  return eligibleFile(filename, root) && !content.startsWith('#!');
}

/** A CommonJS file of appc's own package or of any node_modules. */
function eligibleFile(filename: string, root: string): boolean {
  if (!/\.c?js$/.test(filename)) return false;
  return filename.startsWith(root + path.sep) || filename.includes(`${path.sep}node_modules${path.sep}`);
}

/**
 * The module's wrapper function, its V8 code from the cache when there is a usable one; undefined when V8 cannot
 * compile it as CommonJS.
 */
function compileCached(dir: string, content: string, filename: string): Compiled | undefined {
  let key: SourceKey;
  try {
    key = { file: filename, length: content.length, mtimeMs: fs.statSync(filename).mtimeMs, v8: process.versions.v8 };
  } catch {
    return undefined;
  }
  const cacheFile = cacheFileFor(dir, filename);
  const cachedData = readCodeCache(cacheFile, key);
  let script: vm.Script;
  try {
    script = new vm.Script(WRAPPER_START + content + WRAPPER_END, {
      filename,
      columnOffset: -WRAPPER_START.length,
      cachedData,
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
  } catch {
    return undefined;
  }
  const wrapper = script.runInThisContext({ displayErrors: true }) as WrapperFunction;
  return { wrapper, script, key, cacheFile, accepted: cachedData !== undefined && !script.cachedDataRejected };
}

/** The `require` Node gives a module (lib/internal/modules/helpers.js makeRequireFunction). */
function makeRequire(module: Module): NodeJS.Require {
  const internals = Module as unknown as {
    _resolveFilename(request: string, parent: Module, isMain: boolean, options?: { paths?: string[] }): string;
    _resolveLookupPaths(request: string, parent: Module): string[] | null;
    _extensions: NodeJS.Require['extensions'];
    _cache: NodeJS.Require['cache'];
  };
  const require = function require(id: string) {
    return module.require(id);
  } as NodeJS.Require;
  const resolve = function resolve(request: string, options?: { paths?: string[] }) {
    return internals._resolveFilename(request, module, false, options);
  } as NodeJS.RequireResolve;
  resolve.paths = (request: string) => internals._resolveLookupPaths(request, module);
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = internals._extensions;
  require.cache = internals._cache;
  return require;
}
