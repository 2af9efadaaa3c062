import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PackageManifest } from './package-json';
import { isInside } from './project-files';

/** A dependency found at `installedDir` (`<lookupDir>/node_modules/<name>`), whose real directory is `realDir`. */
export interface FoundDependency {
  name: string;
  installedDir: string;
  lookupDir: string;
  realDir: string;
  /** The requiring package's directory and manifest (the project's for a direct dependency). */
  fromDir: string;
  fromManifest: PackageManifest;
}

/**
 * Why a dependency may not ship, or `undefined` when it may.
 * Installed packages are real directories, possibly in a node_modules above the project
 * (a workspace root's hoisted install): those ship. A symlink (npm link, `file:`,
 * workspaces) that stays inside the project ships too. A symlink out of the project
 * ships only when a package.json asks for exactly that: the requiring package declares
 * it `file:`/`link:` with that target or `workspace:`, or the package.json beside the
 * link's node_modules or above it (npm's workspace root) lists the target among its `workspaces`. Anything else (an
 * `npm link` to a working copy, a stray link) is refused.
 */
export function refusedLink(projectReal: string, found: FoundDependency): string | undefined {
  if (isInside(projectReal, found.realDir) || !isSymlink(found.installedDir)) return undefined;
  if (declaresLocalPath(found) || declaresWorkspace(found) || isWorkspaceOfAncestor(found.lookupDir, found.realDir))
    return undefined;
  const spec = specOf(found.fromManifest, found.name);
  return `is a symlink to ${found.realDir}, outside the project, but package.json declares it as ${spec === undefined ? 'nothing' : JSON.stringify(spec)}, not as a \`file:\` dependency or a workspace`;
}

export function isSymlink(dir: string): boolean {
  try {
    return fs.lstatSync(dir).isSymbolicLink();
  } catch {
    return false;
  }
}

function specOf(manifest: PackageManifest, name: string): string | undefined {
  return manifest.dependencies?.[name] ?? manifest.optionalDependencies?.[name] ?? manifest.peerDependencies?.[name];
}

/** `"name": "file:../x"` (or `link:`) whose target is the link's. */
function declaresLocalPath(found: FoundDependency): boolean {
  const spec = specOf(found.fromManifest, found.name);
  const local = /^(file|link):(.*)$/.exec(spec ?? '');
  if (!local) return false;
  try {
    return fs.realpathSync(path.resolve(found.fromDir, local[2])) === found.realDir;
  } catch {
    return false;
  }
}

/** `"name": "workspace:*"` (pnpm, yarn): the package manager links it from the workspace. */
function declaresWorkspace(found: FoundDependency): boolean {
  return specOf(found.fromManifest, found.name)?.startsWith('workspace:') ?? false;
}

/** A package.json at or above the link's node_modules lists the target among its `workspaces`. */
function isWorkspaceOfAncestor(lookupDir: string, realDir: string): boolean {
  for (let dir = lookupDir; ; dir = path.dirname(dir)) {
    if (isWorkspace(dir, realDir)) return true;
    if (path.dirname(dir) === dir) return false;
  }
}

/** `rootDir/package.json` lists `realDir` among its `workspaces` globs. */
function isWorkspace(rootDir: string, realDir: string): boolean {
  let manifest: { workspaces?: unknown };
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(rootDir, 'package.json'), 'utf8'));
  } catch {
    return false;
  }
  const raw = manifest.workspaces;
  const globs = Array.isArray(raw) ? raw : (raw as { packages?: unknown } | undefined)?.packages;
  if (!Array.isArray(globs)) return false;
  const relative = path.relative(fs.realpathSync(rootDir), realDir).split(path.sep).join('/');
  return globs.some((glob) => typeof glob === 'string' && globToRegExp(glob).test(relative));
}

/** npm's workspace globs: `*` within one segment, `**` across segments. */
function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/^\.\//, '')
    .replace(/\/+$/, '')
    .split(/(\*\*\/?|\*)/)
    .map((part) => {
      if (part === '**') return '.*';
      if (part === '**/') return '(?:.*/)?';
      if (part === '*') return '[^/]*';
      return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${body}$`);
}
