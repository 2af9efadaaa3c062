import * as fs from 'node:fs';
import * as path from 'node:path';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../model/app-model';
import { isSymlink, refusedLink } from './dependency-links';
import {
  locateDependency,
  readManifest,
  runtimeDependencies,
  type DeclaredDependency,
  type PackageManifest,
} from './package-json';
import { lockedPath, readLock, type Lock } from './package-lock';
import { isInside, unreadable } from './project-files';
import { compareStrings } from './zip';

/** One installed package that ships in deployment.zip. */
export interface ShippedPackage {
  name: string;
  version: string;
  /** Its directory inside the zip, e.g. `node_modules/a/node_modules/b`. */
  zipDir: string;
  /** Its real directory on disk. */
  diskDir: string;
  manifest: PackageManifest;
  /** Installed as a symlink (`file:`, a workspace, `npm link`): a working copy, not an unpacked tarball. */
  linked: boolean;
}

export interface DependencyClosure {
  /** The packages the project's package.json names (installed or not), `appc` aside: what app code may import. */
  declared: string[];
  /** Sorted by `zipDir`; their files are listed by package-files.ts. */
  packages: ShippedPackage[];
  diagnostics: Diagnostic[];
}

export interface DependencyOptions {
  projectDir: string;
  /** Ship `@aws-sdk/*` (and what only it needs) instead of relying on the Lambda runtime's copy. */
  bundleAwsSdk: boolean;
}

/** A package found on disk, with where it goes in the zip. */
interface Node {
  name: string;
  version: string;
  diskDir: string;
  zipDir: string;
  manifest: PackageManifest;
  linked: boolean;
  /** Its key in package-lock.json when its place on disk is its place in the zip. */
  lockKey: string | undefined;
  /** The project dependency it was reached through, then the path to it: for messages. */
  chain: string[];
}

/** An edge to follow: `dependency` as `from` requires it. */
interface Want {
  from: Node;
  dependency: DeclaredDependency;
}

interface Walk {
  options: DependencyOptions;
  projectReal: string;
  packageJsonText: string;
  lock: Lock | undefined;
  byZipDir: Map<string, Node>;
  diagnostics: Diagnostic[];
}

/**
 * The production dependency closure of the project's package.json, found by walking
 * `node_modules` with Node's resolution rules from each requiring package's directory
 * upward, and cross-checked with package-lock.json when there is one.
 * The zip mirrors the disk layout, so Node resolves the same copies at run time.
 * `appc` is never shipped (its runtime is in the bundle) and neither is `@aws-sdk/*`
 * unless `bundleAwsSdk`.
 */
export function collectDependencies(options: DependencyOptions): DependencyClosure {
  const projectReal = fs.realpathSync(options.projectDir);
  const read = readManifest(projectReal);
  if (read && 'error' in read) {
    return {
      declared: [],
      packages: [],
      diagnostics: [error('APPC405', read.error, 'Fix the JSON syntax of package.json.', fileStart('package.json'))],
    };
  }
  const manifest = read?.manifest ?? {};
  const walk: Walk = {
    options,
    projectReal,
    packageJsonText: read?.text ?? '',
    lock: readLock(projectReal),
    byZipDir: new Map(),
    diagnostics: [],
  };
  const project: Node = {
    name: manifest.name ?? '',
    version: '',
    diskDir: projectReal,
    zipDir: '',
    manifest,
    linked: false,
    lockKey: '',
    chain: [],
  };
  const roots = runtimeDependencies({
    dependencies: manifest.dependencies,
    optionalDependencies: manifest.optionalDependencies,
  });
  const queue: Want[] = roots.map((dependency) => ({ from: project, dependency }));
  for (let i = 0; i < queue.length; i++) {
    const reached = visit(walk, queue[i]);
    if (reached) queue.push(...reached.requires.map((dependency) => ({ from: reached.node, dependency })));
  }
  return { declared: roots.map((root) => root.name).filter((name) => name !== 'appc'), ...closure(walk) };
}

/** Resolve one edge; a newly reached package comes back with what it requires. */
function visit(walk: Walk, { from, dependency }: Want): Reached | undefined {
  const { name } = dependency;
  if (name === 'appc' || (!walk.options.bundleAwsSdk && name.startsWith('@aws-sdk/'))) return undefined;
  const found = resolvePackage(name, from.diskDir);
  if (!found) {
    if (!dependency.optional) walk.diagnostics.push(missing(walk, from, name));
    return undefined;
  }
  const diskDir = 'problem' in found ? undefined : realPathOrUndefined(found.dir);
  if (diskDir === undefined) {
    walk.diagnostics.push(unreadableFound(walk, found));
    return undefined;
  }
  const refused = linkProblem(walk, from, found, name, diskDir);
  if (refused) {
    walk.diagnostics.push(refused);
    return undefined;
  }
  const zipDir = placeInZip(walk, from, found.lookupDir, name, diskDir);
  const existing = walk.byZipDir.get(zipDir);
  if (existing) {
    checkLockedPlace(walk, from, existing);
    return undefined;
  }
  return addPackage(walk, from, {
    name,
    version: '',
    diskDir,
    zipDir,
    manifest: {},
    linked: isSymlink(found.dir),
    lockKey: undefined,
    chain: [...from.chain, name],
  });
}

function unreadableFound(walk: Walk, found: Found): Diagnostic {
  return unreadable(
    posixRelative(walk.projectReal, found.dir),
    'problem' in found ? found.problem : new Error('no real path'),
  );
}

/** A linked package appc will not bundle (see dependency-links.ts). */
function linkProblem(walk: Walk, from: Node, found: Found, name: string, diskDir: string): Diagnostic | undefined {
  const refused = refusedLink(walk.projectReal, {
    name,
    installedDir: found.dir,
    lookupDir: found.lookupDir,
    realDir: diskDir,
    fromDir: from.diskDir,
    fromManifest: from.manifest,
  });
  if (!refused) return undefined;
  return error(
    'APPC425',
    `${posixRelative(walk.projectReal, found.dir)} ${refused}`,
    `Run \`npm install ${name}\` to install the published package, or declare it \`"${name}": "file:<path>"\` in package.json.`,
    rootLocation(walk, [...from.chain, name]),
  );
}

type Reached = { node: Node; requires: DeclaredDependency[] };

/** Read a newly reached package's manifest and record it; `lockKey` is set here. */
function addPackage(walk: Walk, from: Node, reached: Node): Reached | undefined {
  const read = readManifest(reached.diskDir);
  if (!read || 'error' in read) {
    const problem = `${reached.zipDir}: ${read ? read.error : 'package.json is missing'}`;
    walk.diagnostics.push(
      error(
        'APPC405',
        problem,
        'Reinstall it: delete node_modules and run `npm install`.',
        rootLocation(walk, reached.chain),
      ),
    );
    return undefined;
  }
  // Only a package whose place on disk is its place in the zip has a lock entry to compare.
  const inPlace = reached.diskDir === path.join(walk.projectReal, reached.zipDir);
  const node: Node = {
    ...reached,
    version: read.manifest.version ?? '',
    manifest: read.manifest,
    lockKey: inPlace ? reached.zipDir : undefined,
  };
  walk.byZipDir.set(node.zipDir, node);
  checkLockedPlace(walk, from, node);
  checkLockedVersion(walk, node);
  return { node, requires: runtimeDependencies(read.manifest) };
}

type Found = { dir: string; lookupDir: string } | { dir: string; lookupDir: string; problem: unknown };

/**
 * Node's lookup: `<dir>/node_modules/<name>` for `startDir` and each parent, skipping
 * `node_modules` folders themselves. A candidate that cannot be read (EACCES, a link loop)
 * is returned with the problem rather than skipped: Node would stop there too.
 */
function resolvePackage(name: string, startDir: string): Found | undefined {
  for (let dir = startDir; ; dir = path.dirname(dir)) {
    if (path.basename(dir) !== 'node_modules') {
      const candidate = path.join(dir, 'node_modules', name);
      try {
        if (fs.statSync(candidate, { throwIfNoEntry: false })?.isDirectory()) return { dir: candidate, lookupDir: dir };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOTDIR') return { dir: candidate, lookupDir: dir, problem: e };
      }
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

function realPathOrUndefined(dir: string): string | undefined {
  try {
    return fs.realpathSync(dir);
  } catch {
    return undefined;
  }
}

/**
 * Where a package goes in the zip. Inside the project its place on disk, as long as the
 * requiring package also sits where it does on disk; a package from outside the project
 * (a workspace root, a linked package's folder) goes to the zip's top `node_modules`,
 * or next to its requirer when that place is taken by another copy.
 */
function placeInZip(walk: Walk, from: Node, lookupDir: string, name: string, diskDir: string): string {
  const nested = `${from.zipDir ? `${from.zipDir}/` : ''}node_modules/${name}`;
  if (lookupDir === from.diskDir) return nested;
  const inside = isInside(walk.projectReal, lookupDir) && from.lockKey !== undefined;
  const place = inside
    ? posixRelative(walk.projectReal, path.join(lookupDir, 'node_modules', name))
    : `node_modules/${name}`;
  const taken = walk.byZipDir.get(place);
  return taken && taken.diskDir !== diskDir ? nested : place;
}

/** The lock must resolve `from`'s requirement to the same place as the disk does. */
function checkLockedPlace(walk: Walk, from: Node, node: Node): void {
  if (!walk.lock || from.lockKey === undefined || node.lockKey === undefined) return;
  const key = lockedPath(walk.lock, from.lockKey, node.name);
  if (key === undefined || key === node.lockKey || walk.lock.get(key)?.link) return;
  const who = from.chain.length ? from.chain.join(' > ') : 'the project';
  walk.diagnostics.push(
    error(
      'APPC404',
      `package-lock.json lists ${node.name} at ${key}, which is not installed (${who} gets ${node.zipDir} instead)`,
      LOCK_REMEDY,
      rootLocation(walk, node.chain),
    ),
  );
}

/** The installed version must be the locked one. */
function checkLockedVersion(walk: Walk, node: Node): void {
  const locked = node.lockKey === undefined ? undefined : walk.lock?.get(node.lockKey);
  if (!locked || locked.link || locked.version === undefined || locked.version === node.version) return;
  walk.diagnostics.push(
    error(
      'APPC403',
      `${node.zipDir} is version ${node.version} but package-lock.json lists ${locked.version}`,
      LOCK_REMEDY,
      rootLocation(walk, node.chain),
    ),
  );
}

const LOCK_REMEDY = 'Run `npm ci` to install exactly what package-lock.json lists.';

function missing(walk: Walk, from: Node, name: string): Diagnostic {
  const chain = [...from.chain, name];
  const key = walk.lock && from.lockKey !== undefined ? lockedPath(walk.lock, from.lockKey, name) : undefined;
  const lockNote = key ? ` (package-lock.json lists it at ${key})` : '';
  const who = from.chain.length ? `${from.chain.join(' > ')} requires ${name}, which` : `dependency ${name}`;
  return error(
    'APPC402',
    `${who} is not installed${lockNote}`,
    'Run `npm install` in the project directory, then package again.',
    rootLocation(walk, chain),
  );
}

/** The project's package.json line declaring the dependency a chain starts from. */
function rootLocation(walk: Walk, chain: string[]): SourceLocation {
  return walk.packageJsonText ? locateDependency(walk.packageJsonText, chain[0]) : fileStart('package.json');
}

function closure(walk: Walk): Omit<DependencyClosure, 'declared'> {
  const nodes = [...walk.byZipDir.values()].sort((a, b) => compareStrings(a.zipDir, b.zipDir));
  return {
    packages: nodes.map(({ name, version, zipDir, diskDir, manifest, linked }) => ({
      name,
      version,
      zipDir,
      diskDir,
      manifest,
      linked,
    })),
    diagnostics: [...new Map(walk.diagnostics.map((d) => [`${d.code} ${d.message}`, d])).values()],
  };
}

function posixRelative(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}

function fileStart(file: string): SourceLocation {
  return { file, line: 1, column: 1, length: 1 };
}
