import type { Zippable } from 'fflate';

// fflate's browser build (package.json `exports` "./browser"): the same synchronous code as its Node build, without
// loading Node's worker_threads (~8 ms a run) for the asynchronous API appc never calls.
const { zipSync } = require('fflate/browser') as typeof import('fflate');

/** One file of a zip: its path inside the zip (POSIX, no leading `/`) and its bytes. */
export interface ZipEntry {
  path: string;
  data: Uint8Array;
  /** True when the file is executable on disk: stored as 0755 instead of 0644. */
  executable?: boolean;
}

const UNIX = 3;
const REGULAR_FILE = 0o100000;
const DEFLATE_LEVEL = 6;

/**
 * A deterministic zip: entries sorted by path, no directory entries, every date
 * 1980-01-01 00:00, modes 0644 or 0755, fixed deflate level. Same entries, same bytes.
 * @example createZip([{ path: 'app.js', data: code }])
 */
export function createZip(entries: readonly ZipEntry[]): Uint8Array {
  // fflate turns dates into DOS time in local time, so the date is built in local time, per call (TZ may change).
  const mtime = new Date(1980, 0, 1);
  const files: Zippable = {};
  for (const entry of [...entries].sort((a, b) => compareStrings(a.path, b.path))) {
    const mode = REGULAR_FILE | (entry.executable ? 0o755 : 0o644);
    files[entry.path] = [entry.data, { level: DEFLATE_LEVEL, mtime, os: UNIX, attrs: mode * 0x10000 }];
  }
  return zipSync(files);
}

/** Code-unit order, independent of locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
