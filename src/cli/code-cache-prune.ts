import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The most one V8 cache directory keeps, in bytes. An install of appc caches about 4 MB (TypeScript's
 * 3.3 MB and appc's bundle), and each install path has its own entries, so this is about sixteen installs.
 */
export const CACHE_LIMIT = 64 * 1024 * 1024;

/** A cache directory of another appc or V8 version that no run has used for this long is removed. */
export const STALE_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

/** A temporary file this old was left by a process that died while writing it. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

export interface PruneOptions {
  /** Entries of this run: kept whatever the limit. */
  keep: ReadonlySet<string>;
  /**
   * Directories whose siblings are other versions' caches: `dir` itself (other V8 versions) and its
   * `<cache>/appc/<version>` (other appc versions). Only compile-cache.ts knows that layout.
   */
  siblingsOf?: readonly string[];
  limit?: number;
  staleAfterMs?: number;
  now?: number;
}

/** What a prune removed, by path (for the tests and `APPC_DEBUG=1`). */
export interface Pruned {
  entries: string[];
  directories: string[];
}

/**
 * Marks a cache entry as used by this run: pruning removes the least recently used first. One
 * `utimes` per entry read; a failure only makes the entry look older.
 */
export function markUsed(cacheFile: string, now = new Date()): void {
  try {
    fs.utimesSync(cacheFile, now, now);
  } catch {
    // Read-only or gone: pruning may then remove it sooner, which costs one slower run.
  }
}

/**
 * Keeps the compile cache bounded (README "Compile cache"), after a run that wrote to `dir`:
 * - in `dir`, the least recently used entries go until the rest fit in `limit`, never one in `keep`,
 *   and temporary files older than an hour go;
 * - beside each of `siblingsOf`, the directories (other V8 versions after a Node upgrade, other
 *   appc versions) go once nothing in them was used for `staleAfterMs`.
 * Never throws: a file it cannot remove stays.
 */
export function pruneCodeCache(dir: string, options: PruneOptions): Pruned {
  const now = options.now ?? Date.now();
  const staleBefore = now - (options.staleAfterMs ?? STALE_AFTER_MS);
  const directories = (options.siblingsOf ?? []).flatMap((self) =>
    otherDirectories(path.dirname(self), self).filter((sibling) => newestUse(sibling) < staleBefore),
  );
  return {
    entries: pruneEntries(dir, options.keep, options.limit ?? CACHE_LIMIT, now),
    directories: directories.filter(removeDirectory),
  };
}

/** In `dir`: abandoned temporary files, then the least recently used entries over `limit`; what went. */
function pruneEntries(dir: string, keep: ReadonlySet<string>, limit: number, now: number): string[] {
  const files = listFiles(dir);
  const abandoned = files.filter((file) => file.name.endsWith('.tmp') && now - file.mtimeMs > ABANDONED_AFTER_MS);
  const removed = abandoned.map((file) => file.path).filter(remove);
  const entries = files.filter((file) => file.name.endsWith('.v8cache')).sort((a, b) => a.mtimeMs - b.mtimeMs);
  let total = entries.reduce((sum, entry) => sum + entry.size, 0);
  for (const entry of entries) {
    if (total <= limit) break;
    if (keep.has(entry.path) || !remove(entry.path)) continue;
    total -= entry.size;
    removed.push(entry.path);
  }
  return removed;
}

interface FileInfo {
  path: string;
  name: string;
  size: number;
  mtimeMs: number;
}

function listFiles(dir: string): FileInfo[] {
  const files: FileInfo[] = [];
  for (const name of readDirectory(dir)) {
    const file = path.join(dir, name);
    try {
      const stat = fs.lstatSync(file);
      if (stat.isFile()) files.push({ path: file, name, size: stat.size, mtimeMs: stat.mtimeMs });
    } catch {
      // Removed by another run meanwhile.
    }
  }
  return files;
}

/** The directories in `parent` other than `self`. */
function otherDirectories(parent: string, self: string): string[] {
  return readDirectory(parent)
    .map((name) => path.join(parent, name))
    .filter((entry) => entry !== self && isDirectory(entry));
}

/** The latest mtime of a file in `dir`, at any depth; the directory's own when it holds no file. */
function newestUse(dir: string): number {
  const newest = newestFileIn(dir);
  if (newest !== undefined) return newest;
  try {
    return fs.lstatSync(dir).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** The latest mtime of a file in `dir`, at any depth; undefined when it holds none, infinite when unsure. */
function newestFileIn(dir: string): number | undefined {
  let newest: number | undefined;
  for (const name of readDirectory(dir)) {
    const entry = path.join(dir, name);
    let used: number | undefined;
    try {
      const stat = fs.lstatSync(entry);
      used = stat.isDirectory() ? newestFileIn(entry) : stat.mtimeMs;
    } catch {
      return Number.POSITIVE_INFINITY;
    }
    if (used !== undefined) newest = Math.max(newest ?? used, used);
  }
  return newest;
}

function readDirectory(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function isDirectory(entry: string): boolean {
  try {
    return fs.lstatSync(entry).isDirectory();
  } catch {
    return false;
  }
}

function remove(file: string): boolean {
  try {
    fs.rmSync(file);
    return true;
  } catch {
    return false;
  }
}

function removeDirectory(dir: string): boolean {
  try {
    fs.rmSync(dir, { recursive: true });
    return true;
  } catch {
    return false;
  }
}
