import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** How long a second run into the same OUT waits for the first before giving up. */
export const LOCK_WAIT_MS = 60_000;
const POLL_MS = 25;
/** A lock directory without its owner file this long is from a run that died while taking it. */
const OWNERLESS_STALE_MS = 10_000;

export type LockResult = { held: true; release(): void } | { held: false; lockPath: string; owner: string };

/**
 * A lock beside OUT (`.<OUT>.appc-lock`, a directory: mkdir is atomic) so two runs into one OUT
 * cannot interleave their writes. The second run waits up to `waitMs`; a lock whose owner
 * process is gone (a run that was killed) is taken over.
 */
export async function lockOut(outDir: string, waitMs = LOCK_WAIT_MS): Promise<LockResult> {
  const lockPath = path.join(path.dirname(outDir), `.${path.basename(outDir)}.appc-lock`);
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (tryCreate(lockPath))
      return { held: true, release: () => fs.rmSync(lockPath, { recursive: true, force: true }) };
    const owner = readOwner(lockPath);
    if (isStale(lockPath, owner)) takeOver(lockPath, owner);
    else if (Date.now() >= deadline)
      return { held: false, lockPath, owner: owner === undefined ? 'unknown' : `process ${owner}` };
    else await sleep(POLL_MS);
  }
}

function tryCreate(lockPath: string): boolean {
  try {
    fs.mkdirSync(lockPath);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  fs.writeFileSync(path.join(lockPath, 'owner'), `${process.pid}\n`);
  return true;
}

function readOwner(lockPath: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(lockPath, 'owner'), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isStale(lockPath: string, owner: number | undefined): boolean {
  if (owner === undefined) {
    const stat = fs.statSync(lockPath, { throwIfNoEntry: false });
    return stat !== undefined && Date.now() - stat.mtimeMs > OWNERLESS_STALE_MS;
  }
  try {
    process.kill(owner, 0);
    return false;
  } catch (e) {
    // EPERM: the process exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Moves the stale lock aside under a name of our own, then checks it is the one judged stale: if another
 * run took it over and locked again in between, its fresh lock is put back.
 */
function takeOver(lockPath: string, staleOwner: number | undefined): void {
  const aside = `${lockPath}.stale-${process.pid}-${Date.now()}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch {
    return; // someone else moved it first; try again
  }
  if (readOwner(aside) !== staleOwner) {
    try {
      fs.renameSync(aside, lockPath);
      return;
    } catch {
      // a third run locked meanwhile; the moved lock's owner will fail to release it, which is harmless
    }
  }
  fs.rmSync(aside, { recursive: true, force: true });
}
