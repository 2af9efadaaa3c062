import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { appcVersion } from '../compiler/version';
import { installCodeCache, type CodeCacheStats } from './code-cache-hook';

/** How appc's own code (and the TypeScript compiler it loads) is compiled in this process. */
export type CompileCache =
  { kind: 'node'; dir: string } | { kind: 'v8'; dir: string; stats: CodeCacheStats } | { kind: 'off'; reason: string };

/** appc's package root, above both src/cli and dist/cli. */
const ROOT = path.resolve(__dirname, '../..');

/**
 * Keeps the V8 code of appc and its dependencies between runs, in the per-user cache directory
 * (see `compileCacheDirectory`): loading TypeScript compiles 9 MB of JavaScript on every run
 * without it. Node 22.1+ does it itself (`module.enableCompileCache`, see Node's module docs);
 * on Node 20, `installCodeCache`. Call before loading anything else; never throws, and a cache
 * that cannot be read or written only costs the time it would have saved.
 * `NODE_DISABLE_COMPILE_CACHE=1` turns it off, as it does Node's.
 */
export function enableCompileCache(env: NodeJS.ProcessEnv = process.env): CompileCache {
  if (env.NODE_DISABLE_COMPILE_CACHE) return { kind: 'off', reason: 'NODE_DISABLE_COMPILE_CACHE is set' };
  try {
    const dir = compileCacheDirectory(env, appcVersion());
    if (!dir) return { kind: 'off', reason: 'no cache directory (XDG_CACHE_HOME and the home directory are unset)' };
    const nodeCache = (Module as { enableCompileCache?: (dir: string) => { status: number; message?: string } })
      .enableCompileCache;
    if (nodeCache) {
      const { status, message } = nodeCache(dir);
      const { FAILED } = (Module as unknown as { constants: { compileCacheStatus: { FAILED: number } } }).constants
        .compileCacheStatus;
      return status === FAILED
        ? { kind: 'off', reason: message ?? 'Node could not enable its compile cache' }
        : { kind: 'node', dir };
    }
    const v8Dir = path.join(dir, `v8-${process.versions.v8}-${process.arch}`);
    // Beside v8Dir, other V8 versions' caches; beside dir, other appc versions' (code-cache-prune.ts).
    return { kind: 'v8', dir: v8Dir, stats: installCodeCache(v8Dir, ROOT, [v8Dir, dir]) };
  } catch (e) {
    return { kind: 'off', reason: (e as Error).message };
  }
}

/**
 * `$XDG_CACHE_HOME/appc/<version>`, else `$HOME/.cache/appc/<version>`; undefined when neither
 * is known. A relative XDG_CACHE_HOME is ignored, as the XDG Base Directory spec says.
 */
export function compileCacheDirectory(env: NodeJS.ProcessEnv, version: string): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'appc', version);
  const home = env.HOME || homeDirectory();
  return home ? path.join(home, '.cache', 'appc', version) : undefined;
}

/** The passwd entry's home when HOME is unset (os.homedir() throws when there is none). */
function homeDirectory(): string | undefined {
  try {
    return os.homedir() || undefined;
  } catch {
    return undefined;
  }
}
