import * as fs from 'node:fs';
import * as path from 'node:path';
import packlist from 'npm-packlist';
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
 * What each shipped package contributes to deployment.zip: the files `npm pack` would put
 * in its published tarball (npm-packlist, the library npm itself uses: package.json
 * `files`, `.npmignore` or else `.gitignore`, package.json/README/LICENSE always, `.git`
 * and `.npmrc` never, no symlinks), minus the deny list. Everything else in its directory
 * (its own node_modules aside) is listed as excluded.
 */
export async function collectPackageFiles(packages: readonly ShippedPackage[]): Promise<PackageFiles> {
  const result: PackageFiles = { files: [], excluded: [], diagnostics: [] };
  for (const pkg of packages) await addPackage(result, pkg);
  result.files.sort((a, b) => compareStrings(a.zipPath, b.zipPath));
  result.excluded.sort((a, b) => compareStrings(a.path, b.path));
  return result;
}

async function addPackage(result: PackageFiles, pkg: ShippedPackage): Promise<void> {
  let published: string[];
  try {
    published = await packlist({ path: pkg.diskDir, package: pkg.manifest, isProjectRoot: false, edgesOut: new Map() });
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
    result.excluded.push({ path: `${pkg.zipDir}/${relative}`, reason: 'not in the published package (npm pack rules)', denied: false });
  }
}

function addFile(result: PackageFiles, pkg: ShippedPackage, relative: string): void {
  const diskPath = path.join(pkg.diskDir, relative);
  try {
    const stat = fs.statSync(diskPath);
    fs.accessSync(diskPath, fs.constants.R_OK);
    result.files.push({ zipPath: `${pkg.zipDir}/${relative}`, diskPath, executable: (stat.mode & 0o111) !== 0, size: stat.size });
  } catch (e) {
    result.diagnostics.push(unreadable(`${pkg.zipDir}/${relative}`, e));
  }
}

/**
 * What is in `dir` but not in `published` (POSIX, relative), without following links or
 * entering the package's own node_modules: a directory none of whose files is published
 * is listed once, as `dir/`.
 */
function unpublished(dir: string, published: ReadonlySet<string>, prefix = ''): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).sort((a, b) => compareStrings(a.name, b.name));
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
