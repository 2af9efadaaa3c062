/** Helpers shared by bench/analyze.ts and bench/package.ts. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = path.resolve(__dirname, '../..');

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const passFail = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
export const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
/** "min-max" of a list of ms values, in seconds. */
export const spread = (ms: number[]) => `${(Math.min(...ms) / 1000).toFixed(2)}-${(Math.max(...ms) / 1000).toFixed(2)}`;

/** Wall time of one child process, in ms, with its output. */
export function timedSpawn(
  args: string[],
  options: SpawnSyncOptions = {},
): { ms: number; status: number | null; stdout: string; stderr: string } {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, status: run.status, stdout: String(run.stdout ?? ''), stderr: String(run.stderr ?? '') };
}

/** `--import <tsx>` for running TypeScript from src/ when dist/ is missing. */
export function tsxImport(): string[] {
  return ['--import', pathToFileURL(require.resolve('tsx', { paths: [ROOT] })).href];
}

/** Newest mtime (ms) of the files under `dir` whose names end with `ext`. */
function newest(dir: string, ext: string): number {
  let best = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(ext)) continue;
    best = Math.max(best, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return best;
}

/**
 * A warning when dist/ is older than src/, or the CLI bundle (dist/cli/appc-cli.js, which bin/appc.js loads)
 * older than dist/ (the figures would describe old code), else ''.
 */
export function staleDistWarning(): string {
  const src = newest(path.join(ROOT, 'src'), '.ts');
  const dist = newest(path.join(ROOT, 'dist'), '.js');
  const bundle = path.join(ROOT, 'dist', 'cli', 'appc-cli.js');
  const stale = src > dist || (fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs < dist);
  return stale
    ? `warning: dist/ is older than src/ (newest src ${new Date(src).toISOString()}) or than its CLI bundle; run \`npm run build\` to measure the current code`
    : '';
}

export function machineLine(): string {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  return `node ${process.version}, ${cpus[0]?.model ?? 'unknown CPU'} x${cpus.length}, load average ${load}`;
}
