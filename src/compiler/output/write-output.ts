import * as fs from 'node:fs';
import * as path from 'node:path';
import { filesystemProblem, foreignEntries, realOutPath, type OutProblem } from './out-dir';
import { lockOut, LOCK_WAIT_MS, type LockResult } from './out-lock';

export interface OutputFile {
  name: string;
  data: Uint8Array | string;
}

export interface WriteOptions {
  /** How long to wait for another run that is writing the same OUT (default 60 s). */
  lockWaitMs?: number;
  /** The files the command writes to OUT, which a previous OUT may hold (default: `appc package`'s). */
  outputs?: readonly string[];
}

/**
 * Writes OUT as one unit. Under a lock beside OUT: every file goes to a new sibling directory,
 * then the old OUT is renamed aside and the new one renamed into its place; if that fails the old
 * one is put back, and it is deleted only once the new one is in place. Readers see the old OUT or
 * the new one (or, for the instant between the two renames, none), never a mix.
 * OUT is appc's directory: `outDirProblem` refused an OUT holding other files before the run, and
 * that is checked again here, under the lock.
 */
export async function writeOutput(
  outDir: string,
  files: readonly OutputFile[],
  options: WriteOptions = {},
): Promise<OutProblem | undefined> {
  const resolved = realOutPath(path.resolve(outDir));
  if ('problem' in resolved) return resolved.problem;
  const target = resolved.path;
  const parent = path.dirname(target);
  try {
    fs.mkdirSync(parent, { recursive: true });
  } catch (e) {
    return filesystemProblem(e, parent);
  }
  let lock: LockResult;
  try {
    lock = await lockOut(target, options.lockWaitMs ?? LOCK_WAIT_MS);
  } catch (e) {
    return filesystemProblem(e, parent);
  }
  if (!lock.held) {
    return {
      code: 'APPC445',
      kind: 'filesystem',
      message: `another appc run (${lock.owner}) is writing ${outDir}: its lock ${lock.lockPath} was not released within ${Math.round((options.lockWaitMs ?? LOCK_WAIT_MS) / 1000)} s; OUT was left as it was`,
      remedy: `Wait for that run to finish; if no appc is running, delete ${lock.lockPath}.`,
    };
  }
  try {
    return swapIn(outDir, target, files, options.outputs);
  } finally {
    lock.release();
  }
}

function swapIn(
  shown: string,
  target: string,
  files: readonly OutputFile[],
  outputs: readonly string[] | undefined,
): OutProblem | undefined {
  const existing = fs.statSync(target, { throwIfNoEntry: false });
  if (existing && !existing.isDirectory())
    return {
      code: 'APPC441',
      kind: 'usage',
      message: `OUT ${shown} is a file`,
      remedy: 'Pass the path of a directory as OUT.',
    };
  const foreign = existing && foreignEntries(shown, target, outputs);
  if (foreign) return foreign;
  const prefix = path.join(path.dirname(target), `.${path.basename(target)}.appc-`);
  removeLeftovers(prefix);
  let staging: string | undefined;
  try {
    staging = fs.mkdtempSync(`${prefix}new-`);
    // mkdtemp makes the directory private (0700); OUT gets the mode it had, or a new directory's.
    fs.chmodSync(staging, existing ? existing.mode & 0o7777 : 0o777 & ~process.umask());
    for (const file of files) fs.writeFileSync(path.join(staging, file.name), file.data);
    replace(target, staging, existing !== undefined, `${prefix}old-${process.pid}`);
    staging = undefined;
    return undefined;
  } catch (e) {
    const cause = e as NodeJS.ErrnoException;
    // The user knows OUT, not the staging directory: name the file as it would be in OUT.
    if (staging && cause.path?.startsWith(staging)) cause.path = target + cause.path.slice(staging.length);
    else if (cause.path?.startsWith(prefix)) cause.path = path.dirname(target);
    return filesystemProblem(cause, target);
  } finally {
    if (staging) fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** The two renames: old OUT aside (kept until the new one is in place), new OUT in. */
function replace(target: string, staging: string, exists: boolean, backup: string): void {
  if (!exists) {
    fs.renameSync(staging, target);
    return;
  }
  fs.renameSync(target, backup);
  try {
    fs.renameSync(staging, target);
  } catch (e) {
    fs.renameSync(backup, target);
    throw e;
  }
  fs.rmSync(backup, { recursive: true, force: true });
}

/** Staging and backup directories of a run that was killed mid-write (safe to delete: we hold the lock). */
function removeLeftovers(prefix: string): void {
  const dir = path.dirname(prefix);
  const base = path.basename(prefix);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(`${base}new-`) || name.startsWith(`${base}old-`))
      fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}
