import * as fs from 'node:fs';
import * as path from 'node:path';

/** One entry of package-lock.json's `packages` map (lockfile v2 and v3). */
export interface LockedPackage {
  version?: string;
  link?: boolean;
  dev?: boolean;
  optional?: boolean;
}

/** package-lock.json's `packages`, keyed by install path (`node_modules/a/node_modules/b`). */
export type Lock = ReadonlyMap<string, LockedPackage>;

/** The project's lock, or `undefined` when absent, unreadable or older than lockfile v2. */
export function readLock(projectDir: string): Lock | undefined {
  try {
    const lock = JSON.parse(fs.readFileSync(path.join(projectDir, 'package-lock.json'), 'utf8'));
    const packages: unknown = lock?.packages;
    if (typeof packages !== 'object' || packages === null) return undefined;
    return new Map(Object.entries(packages as Record<string, LockedPackage>));
  } catch {
    return undefined;
  }
}

/**
 * Where the lock says `name` required from the package at `fromKey` is installed, by
 * Node's lookup (the nearest `node_modules/<name>` going up), or `undefined` if nowhere.
 * @example lockedPath(lock, 'node_modules/a', 'b') // 'node_modules/a/node_modules/b' or 'node_modules/b'
 */
export function lockedPath(lock: Lock, fromKey: string, name: string): string | undefined {
  let key = fromKey;
  for (;;) {
    const candidate = `${key ? `${key}/` : ''}node_modules/${name}`;
    if (lock.has(candidate)) return candidate;
    if (!key) return undefined;
    key = key.slice(0, Math.max(0, key.lastIndexOf('node_modules/') - 1));
  }
}
