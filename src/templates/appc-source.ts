/**
 * Where the running appc came from, so that a project it scaffolds installs the same appc: a
 * checkout (`npm link`, a clone), a tarball (`npm pack`, then `npm install` or `npx` of the .tgz),
 * or a registry. Until appc is published, the first two are how it is used, and `^<version>`
 * from a registry would make the new project's `npm install` fail with a 404.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertNever } from '../compiler/assert-never';

export type AppcSource =
  /** A directory that is not inside a node_modules (a checkout); npm links it. */
  | { readonly kind: 'checkout'; readonly dir: string }
  /** The .tgz npm installed the running appc from. */
  | { readonly kind: 'tarball'; readonly file: string }
  /** Anything else: appc came from a registry. */
  | { readonly kind: 'registry' };

/**
 * The source of the appc package whose root is `root` (its real path: Node loads a linked
 * package from its target).
 * @example appcSource('/home/me/appc') // { kind: 'checkout', dir: '/home/me/appc' }
 */
export function appcSource(root: string): AppcSource {
  const parts = root.split(path.sep);
  const last = parts.lastIndexOf('node_modules');
  if (last === -1) return { kind: 'checkout', dir: root };
  const prefix = parts.slice(0, last).join(path.sep) || path.sep;
  const resolved = lockedResolution(prefix, path.relative(prefix, root).split(path.sep).join('/'));
  if (resolved?.startsWith('file:') && resolved.endsWith('.tgz')) {
    const file = path.resolve(prefix, resolved.slice('file:'.length));
    if (fs.existsSync(file)) return { kind: 'tarball', file };
  }
  return { kind: 'registry' };
}

/**
 * The `resolved` field npm recorded for the package at `key` (e.g. `node_modules/appc`) under
 * `prefix`: npm keeps it in the hidden lockfile node_modules/.package-lock.json (also written by
 * `npx`, whose installs have no package-lock.json) and in package-lock.json; `file:` paths there
 * are relative to `prefix`.
 */
function lockedResolution(prefix: string, key: string): string | undefined {
  for (const lockfile of ['node_modules/.package-lock.json', 'package-lock.json']) {
    try {
      const lock = JSON.parse(fs.readFileSync(path.join(prefix, lockfile), 'utf8')) as {
        packages?: Record<string, { resolved?: unknown }>;
      };
      const resolved = lock.packages?.[key]?.resolved;
      if (typeof resolved === 'string') return resolved;
    } catch {
      // No lockfile there, or not one npm wrote: try the next.
    }
  }
  return undefined;
}

/**
 * The dependency spec a project in `projectDir` gives appc: `file:` and a path relative to the
 * project (as `npm install ../appc` writes it), or `^version` for a registry.
 * @example appcDependency({ kind: 'checkout', dir: '/src/appc' }, '/src/myapp', '0.1.0') // 'file:../appc'
 */
export function appcDependency(source: AppcSource, projectDir: string, version: string): string {
  switch (source.kind) {
    case 'checkout':
      return fileSpec(projectDir, source.dir);
    case 'tarball':
      return fileSpec(projectDir, source.file);
    case 'registry':
      return `^${version}`;
    default:
      return assertNever(source);
  }
}

function fileSpec(from: string, to: string): string {
  const relative = path.relative(from, to);
  if (path.isAbsolute(relative)) return `file:${to}`;
  return `file:${relative.split(path.sep).join('/')}`;
}
