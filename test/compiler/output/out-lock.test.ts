import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lockOut } from '../../../src/compiler/output/out-lock';

/** OUT in a new temporary directory, and the lock path lockOut uses for it. */
function tempOut(): { out: string; lock: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-lock-'));
  return { out: path.join(dir, 'out'), lock: path.join(dir, '.out.appc-lock') };
}

/** A lock directory as another run leaves it; `owner` undefined leaves out the owner file. */
function plantLock(lock: string, owner: string | undefined): void {
  fs.mkdirSync(lock);
  if (owner !== undefined) fs.writeFileSync(path.join(lock, 'owner'), `${owner}\n`);
}

/** The id of a process that has exited. */
function deadPid(): string {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
}

describe('out-lock', () => {
  it('takes the lock beside OUT, writing its process id, and removes it on release', async () => {
    const { out, lock } = tempOut();
    const result = await lockOut(out, 0);
    expect(result.held).to.equal(true);
    expect(fs.readFileSync(path.join(lock, 'owner'), 'utf8')).to.equal(`${process.pid}\n`);
    if (result.held) result.release();
    expect(fs.existsSync(lock)).to.equal(false);
  });

  it('gives up after the wait, naming the lock and its owner', async () => {
    const { out, lock } = tempOut();
    plantLock(lock, String(process.pid));
    const started = Date.now();
    expect(await lockOut(out, 100)).to.deep.equal({ held: false, lockPath: lock, owner: `process ${process.pid}` });
    expect(Date.now() - started).to.be.at.least(100);
    expect(fs.readFileSync(path.join(lock, 'owner'), 'utf8'), 'the live lock is untouched').to.equal(
      `${process.pid}\n`,
    );
  });

  it('waits for a lock that is released meanwhile', async () => {
    const { out, lock } = tempOut();
    plantLock(lock, String(process.pid));
    setTimeout(() => fs.rmSync(lock, { recursive: true }), 100);
    const result = await lockOut(out, 10_000);
    expect(result.held).to.equal(true);
    if (result.held) result.release();
  });

  it('takes over the lock of a process that is gone, leaving nothing of it behind', async () => {
    const { out, lock } = tempOut();
    plantLock(lock, deadPid());
    const result = await lockOut(out, 0);
    expect(result.held).to.equal(true);
    expect(fs.readFileSync(path.join(lock, 'owner'), 'utf8')).to.equal(`${process.pid}\n`);
    expect(fs.readdirSync(path.dirname(out))).to.deep.equal(['.out.appc-lock']);
    if (result.held) result.release();
  });

  it('respects a lock without owner for 10 s (a run taking it), then takes it over', async () => {
    const { out, lock } = tempOut();
    plantLock(lock, undefined);
    expect(await lockOut(out, 50)).to.deep.equal({ held: false, lockPath: lock, owner: 'unknown' });
    const elevenSecondsAgo = new Date(Date.now() - 11_000);
    fs.utimesSync(lock, elevenSecondsAgo, elevenSecondsAgo);
    const result = await lockOut(out, 0);
    expect(result.held).to.equal(true);
    if (result.held) result.release();
  });

  it('reads a garbled owner file as no owner', async () => {
    const { out, lock } = tempOut();
    plantLock(lock, 'not-a-pid');
    expect(await lockOut(out, 0)).to.deep.equal({ held: false, lockPath: lock, owner: 'unknown' });
  });

  it('throws when the lock cannot be created for another reason than an existing lock', async () => {
    const { out } = tempOut();
    const error = await lockOut(path.join(out, 'below-a-missing-dir'), 0).catch((e: NodeJS.ErrnoException) => e);
    expect((error as NodeJS.ErrnoException).code).to.equal('ENOENT');
  });
});
