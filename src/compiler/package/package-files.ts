import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { ShippedPackage } from './dependencies';
import { denyRuleFor } from './deny-list';
import { unreadable, type Exclusion, type FileSource } from './project-files';
import { compareStrings } from './zip';

export interface PackageFiles {
  /** Sorted by zip path. */
  files: FileSource[];
  /** Sorted by path (the zip path it would have had). */
  excluded: Exclusion[];
  diagnostics: Diagnostic[];
}

/**
 * What each shipped package contributes to deployment.zip, minus the deny list:
 * - a working copy (installed as a symlink: `file:`, a workspace, `npm link`; or a
 *   directory holding `.git`, `.npmignore` or `.gitignore`, which no published tarball
 *   has): the files `npm pack` would publish, by npm-packlist, the library npm itself uses
 *   (package.json `files`, `.npmignore` or else `.gitignore`, package.json/README/LICENSE
 *   always, `.git` and `.npmrc` never, no symlinks);
 * - an unpacked tarball (a registry install): already `npm pack`'s output, shipped as
 *   installed without its symlinks, so that what its install scripts built (a native
 *   addon's build/) stays. npm-packlist costs ~35 times a plain walk on a big package.
 * Everything else in its directory (its own node_modules aside) is listed as excluded.
 */
export async function collectPackageFiles(packages: readonly ShippedPackage[]): Promise<PackageFiles> {
  const result: PackageFiles = { files: [], excluded: [], diagnostics: [] };
  for (const pkg of packages) await addPackage(result, pkg);
  result.files.sort((a, b) => compareStrings(a.zipPath, b.zipPath));
  result.excluded.sort((a, b) => compareStrings(a.path, b.path));
  return result;
}

/** npm-packlist, loaded on the first working copy: most apps ship none, and loading it costs ~15 ms (issue 18). */
function packlist(): typeof import('npm-packlist') {
  return require('npm-packlist') as typeof import('npm-packlist');
}

async function addPackage(result: PackageFiles, pkg: ShippedPackage): Promise<void> {
  let published: string[];
  try {
    published = isWorkingCopy(pkg)
      ? await packlist()({ path: pkg.diskDir, package: pkg.manifest, isProjectRoot: false, edgesOut: new Map() })
      : installedFiles(pkg.diskDir);
  } catch (e) {
    result.diagnostics.push(unreadable(pkg.zipDir, e));
    return;
  }
  for (const relative of published) {
    const zipPath = `${pkg.zipDir}/${relative}`;
    const rule = denyRuleFor(relative, false);
    if (rule) {
      result.excluded.push({ path: zipPath, reason: rule.reason, denied: true });
      continue;
    }
    addFile(result, pkg, relative);
  }
  const listed = new Set(published);
  for (const relative of unpublished(pkg.diskDir, listed)) {
    result.excluded.push({
      path: `${pkg.zipDir}/${relative}`,
      reason: 'not in the published package (npm pack rules)',
      denied: false,
    });
  }
}

function addFile(result: PackageFiles, pkg: ShippedPackage, relative: string): void {
  const diskPath = path.join(pkg.diskDir, relative);
  try {
    const stat = fs.statSync(diskPath);
    fs.accessSync(diskPath, fs.constants.R_OK);
    result.files.push({
      zipPath: `${pkg.zipDir}/${relative}`,
      diskPath,
      executable: (stat.mode & 0o111) !== 0,
      size: stat.size,
    });
  } catch (e) {
    result.diagnostics.push(unreadable(`${pkg.zipDir}/${relative}`, e));
  }
}

function isWorkingCopy(pkg: ShippedPackage): boolean {
  return pkg.linked || WORKING_COPY_MARKERS.some((name) => fs.existsSync(path.join(pkg.diskDir, name)));
}

const WORKING_COPY_MARKERS = ['.git', '.npmignore', '.gitignore'];

/** Every regular file under `dir` (POSIX, relative), without following links or entering its own node_modules. */
function installedFiles(dir: string, prefix = ''): string[] {
  const entries = fs.readdirSync(path.join(dir, prefix), { withFileTypes: true });
  return entries.flatMap((entry) => {
    const relative = `${prefix}${entry.name}`;
    if (entry.isDirectory())
      return prefix === '' && entry.name === 'node_modules' ? [] : installedFiles(dir, `${relative}/`);
    return entry.isFile() ? [relative] : [];
  });
}

/**
 * What is in `dir` but not in `published` (POSIX, relative), without following links or
 * entering the package's own node_modules: a directory none of whose files is published
 * is listed once, as `dir/`.
 */
function unpublished(dir: string, published: ReadonlySet<string>, prefix = ''): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs
      .readdirSync(path.join(dir, prefix), { withFileTypes: true })
      .sort((a, b) => compareStrings(a.name, b.name));
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const relative = `${prefix}${entry.name}`;
    if (!entry.isDirectory()) return published.has(relative) ? [] : [relative];
    if (entry.name === 'node_modules' && prefix === '') return [];
    const below = `${relative}/`;
    return [...published].some((file) => file.startsWith(below)) ? unpublished(dir, published, below) : [below];
  });
}
