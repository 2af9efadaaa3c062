import * as fs from 'node:fs';
import * as path from 'node:path';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic';
import { denyRuleFor } from './deny-list';
import { compareStrings } from './zip';

/** A file to put in the zip: where it goes (`zipPath`, POSIX) and where it is on disk. */
export interface FileSource {
  zipPath: string;
  diskPath: string;
  executable: boolean;
  /** Bytes on disk: what it adds to the unzipped deployment. */
  size: number;
}

/** A file or directory left out of the zip, and why (listed by `appc package --verbose`). */
export interface Exclusion {
  /** Project-relative POSIX path (a dependency's as `node_modules/<name>/...`). */
  path: string;
  reason: string;
  /** Set when the deny list left it out (as opposed to npm's rules, tests or OUT). */
  denied: boolean;
}

export interface ProjectFiles {
  /** Sorted by zip path. */
  files: FileSource[];
  /** Sorted by path. */
  excluded: Exclusion[];
  diagnostics: Diagnostic[];
}

export interface ProjectFilesOptions {
  projectDir: string;
  /** OUT: never packed, even when it is inside lib/ or vendor/. */
  outDir?: string;
}

/** Already compiled into app.js, so never shipped as source. */
const CODE = /\.(ts|tsx|mts|cts)$/;
const SKIPPED_DIRS: ReadonlyMap<string, string> = new Map([
  ['.appc', 'appc configuration'],
  ['node_modules', "packages ship from the project's node_modules only"],
  ['test', 'test folder'],
  ['tests', 'test folder'],
  ['__tests__', 'test folder'],
]);

interface Walk {
  projectReal: string;
  outReal: string | undefined;
  files: FileSource[];
  excluded: Exclusion[];
  diagnostics: Diagnostic[];
}

/**
 * The project's own files for deployment.zip (README "appc package"): `lib/**` as `lib/...`
 * (assets only: its TypeScript is in the bundle) and the contents of `vendor/` at the root.
 * A symlink is followed only when its target stays inside the project and does not
 * contain the link (else an error); the deny list (deny-list.ts), test folders and OUT
 * are left out and listed in `excluded`; unreadable entries are diagnostics.
 */
export function collectProjectFiles({ projectDir, outDir }: ProjectFilesOptions): ProjectFiles {
  const projectReal = fs.realpathSync(projectDir);
  const outReal = outDir === undefined ? undefined : realOrResolved(outDir);
  // Only an OUT below the project can be met by the walk (an OUT above it is not "inside lib/").
  const outInside =
    outReal !== undefined && outReal !== projectReal && isInside(projectReal, outReal) ? outReal : undefined;
  const walk: Walk = { projectReal, outReal: outInside, files: [], excluded: [], diagnostics: [] };
  visitEntry(walk, {
    diskPath: path.join(projectReal, 'lib'),
    shown: 'lib',
    zipPath: 'lib',
    code: true,
    enclosing: [projectReal],
  });
  visitEntry(walk, {
    diskPath: path.join(projectReal, 'vendor'),
    shown: 'vendor',
    zipPath: '',
    code: false,
    enclosing: [projectReal],
  });
  return {
    files: walk.files.sort((a, b) => compareStrings(a.zipPath, b.zipPath)),
    excluded: walk.excluded.sort((a, b) => compareStrings(a.path, b.path)),
    diagnostics: walk.diagnostics,
  };
}

/** One entry of the walk: its path on disk (through links), as shown to the user, and in the zip. */
interface Entry {
  diskPath: string;
  shown: string;
  zipPath: string;
  /** Under lib/: TypeScript sources are left out (they are in the bundle). */
  code: boolean;
  /** Real paths of the directories that contain it: a link to one of them is a loop. */
  enclosing: readonly string[];
}

function visitEntry(walk: Walk, entry: Entry): void {
  const stat = lstat(walk, entry);
  if (!stat) return;
  if (stat.isSymbolicLink()) {
    const real = followLink(walk, entry);
    if (real) visitTarget(walk, entry, real);
    return;
  }
  visitTarget(walk, entry, { stat, realPath: realOf(entry) });
}

interface Target {
  realPath: string;
  stat: fs.Stats;
}

function visitTarget(walk: Walk, entry: Entry, target: Target): void {
  const { stat, realPath } = target;
  if (walk.outReal !== undefined && isInside(walk.outReal, realPath)) {
    walk.excluded.push({ path: entry.shown, reason: 'the output directory (OUT)', denied: false });
    return;
  }
  if (walk.outReal !== undefined && isStaging(walk.outReal, realPath)) {
    walk.excluded.push({ path: entry.shown, reason: 'a staging directory of OUT', denied: false });
    return;
  }
  const relativeReal = posixRelative(walk.projectReal, realPath);
  const rule = denyRuleFor(entry.shown, stat.isDirectory()) ?? denyRuleFor(relativeReal, stat.isDirectory());
  if (rule) {
    walk.excluded.push({ path: entry.shown, reason: rule.reason, denied: true });
    return;
  }
  if (entry.enclosing.length === 1 && !stat.isDirectory()) {
    walk.diagnostics.push(
      error(
        'APPC428',
        `${entry.shown} is not a directory: deployment.zip takes lib/ and vendor/ as folders`,
        `Rename the file, or make ${entry.shown}/ a folder.`,
      ),
    );
    return;
  }
  if (stat.isDirectory()) visitDirectory(walk, entry, realPath);
  else if (stat.isFile()) addFile(walk, entry, realPath, stat);
  else walk.excluded.push({ path: entry.shown, reason: 'not a regular file', denied: false });
}

function visitDirectory(walk: Walk, entry: Entry, realPath: string): void {
  const skipped = SKIPPED_DIRS.get(path.basename(entry.shown));
  if (skipped) {
    walk.excluded.push({ path: entry.shown, reason: skipped, denied: false });
    return;
  }
  let names: string[];
  try {
    names = fs.readdirSync(entry.diskPath).sort(compareStrings);
  } catch (e) {
    walk.diagnostics.push(unreadable(entry.shown, e));
    return;
  }
  const enclosing = [...entry.enclosing, realPath];
  for (const child of names) {
    visitEntry(walk, {
      diskPath: path.join(entry.diskPath, child),
      shown: `${entry.shown}/${child}`,
      zipPath: entry.zipPath ? `${entry.zipPath}/${child}` : child,
      code: entry.code,
      enclosing,
    });
  }
}

function addFile(walk: Walk, entry: Entry, realPath: string, stat: fs.Stats): void {
  if (entry.code && CODE.test(entry.zipPath)) return;
  try {
    fs.accessSync(realPath, fs.constants.R_OK);
  } catch (e) {
    walk.diagnostics.push(unreadable(entry.shown, e));
    return;
  }
  walk.files.push({
    zipPath: entry.zipPath,
    diskPath: realPath,
    executable: (stat.mode & 0o111) !== 0,
    size: stat.size,
  });
}

function lstat(walk: Walk, entry: Entry): fs.Stats | undefined {
  try {
    return fs.lstatSync(entry.diskPath, { throwIfNoEntry: false });
  } catch (e) {
    walk.diagnostics.push(unreadable(entry.shown, e));
    return undefined;
  }
}

/** A link's target when it may be followed; otherwise a diagnostic and `undefined`. */
function followLink(walk: Walk, entry: Entry): Target | undefined {
  const target = readLink(entry.diskPath);
  let realPath: string;
  try {
    realPath = fs.realpathSync(entry.diskPath);
  } catch (e) {
    walk.diagnostics.push(brokenLink(entry.shown, target, e));
    return undefined;
  }
  if (!isInside(walk.projectReal, realPath)) {
    walk.diagnostics.push(
      error(
        'APPC422',
        `${entry.shown} is a symlink to ${target}, which is outside the project: deployment.zip never follows a link out of the project`,
        'Copy the files the app needs into the project instead of linking to them, or remove the link.',
      ),
    );
    return undefined;
  }
  if (entry.enclosing.some((dir) => dir === realPath)) {
    walk.diagnostics.push(
      error(
        'APPC423',
        `${entry.shown} is a symlink to ${target}, a directory that contains the link: following it would never end`,
        'Remove the link, or point it at a directory that does not contain it.',
      ),
    );
    return undefined;
  }
  try {
    return { realPath, stat: fs.statSync(realPath) };
  } catch (e) {
    walk.diagnostics.push(unreadable(entry.shown, e));
    return undefined;
  }
}

function brokenLink(shown: string, target: string, e: unknown): Diagnostic {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') {
    return error(
      'APPC423',
      `${shown} is a symlink to ${target}, which leads back to itself (ELOOP)`,
      'Remove the link or point it at a file or directory.',
    );
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return warning(
      'APPC427',
      `${shown} is a symlink to ${target}, which does not exist: it is left out of deployment.zip`,
      'Remove the broken link, or create its target inside the project.',
    );
  }
  return unreadable(shown, e);
}

/** An entry that cannot be read: a diagnostic naming it and the system's reason. */
export function unreadable(shown: string, e: unknown): Diagnostic {
  const { code, message } = e as NodeJS.ErrnoException;
  const reason = code ? `${message.split(',')[0].replace(/^\w+: /, '')} (${code})` : String(e);
  const top = shown.split('/')[0];
  const remedy =
    top === 'node_modules' || top === '..'
      ? 'Reinstall the dependencies: delete node_modules and run `npm install`.'
      : `Make it readable by the user running appc (chmod), or move it out of ${top}/.`;
  return error('APPC424', `cannot read ${shown}: ${reason}`, remedy);
}

/** `.OUT.appc-XXXXXX` beside OUT: where writeOutput stages a run's files before renaming them into OUT. */
function isStaging(outReal: string, realPath: string): boolean {
  return (
    path.dirname(realPath) === path.dirname(outReal) &&
    path.basename(realPath).startsWith(`.${path.basename(outReal)}.appc-`)
  );
}

function readLink(diskPath: string): string {
  try {
    return fs.readlinkSync(diskPath);
  } catch {
    return '?';
  }
}

/** Not a link itself: its real path is its (real) parent's plus its name. */
function realOf(entry: Entry): string {
  return path.join(entry.enclosing[entry.enclosing.length - 1], path.basename(entry.diskPath));
}

function realOrResolved(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

export function posixRelative(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}
