import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { markUsed, pruneCodeCache, STALE_AFTER_MS } from '../../src/cli/code-cache-prune';

const NOW = Date.UTC(2026, 11, 2, 12);
const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

describe('pruning the compile cache (code-cache-prune.ts)', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-code-cache-prune-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /** A file of `size` bytes last modified `age` ms before NOW. */
  function file(relative: string, size: number, age: number): string {
    const full = path.join(tmp, relative);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, Buffer.alloc(size));
    const when = new Date(NOW - age);
    fs.utimesSync(full, when, when);
    return full;
  }

  const names = (dir: string) => fs.readdirSync(path.join(tmp, dir)).sort();

  it('removes the least recently used entries until the rest fit, never one of this run', () => {
    const dir = path.join(tmp, 'v8');
    file('v8/oldest.js-1.v8cache', 400, 9 * DAY);
    const kept = file('v8/old-but-this-run.js-2.v8cache', 400, 8 * DAY);
    file('v8/older.js-3.v8cache', 400, 7 * DAY);
    file('v8/recent.js-4.v8cache', 400, 1 * DAY);
    file('v8/newest.js-5.v8cache', 400, MINUTE);
    const pruned = pruneCodeCache(dir, { keep: new Set([kept]), limit: 1300, now: NOW });
    expect(names('v8')).to.deep.equal(['newest.js-5.v8cache', 'old-but-this-run.js-2.v8cache', 'recent.js-4.v8cache']);
    expect(pruned.entries.map((entry) => path.basename(entry))).to.deep.equal([
      'oldest.js-1.v8cache',
      'older.js-3.v8cache',
    ]);
    expect(pruneCodeCache(dir, { keep: new Set(), limit: 1300, now: NOW })).to.deep.equal({
      entries: [],
      directories: [],
    });
  });

  it('removes temporary files a dead writer left over an hour ago, and not one being written', () => {
    const dir = path.join(tmp, 'v8');
    file('v8/app.js-1.v8cache.123-abc.tmp', 10, 2 * 60 * MINUTE);
    file('v8/app.js-1.v8cache.456-def.tmp', 10, MINUTE);
    file('v8/app.js-1.v8cache', 10, 2 * DAY);
    pruneCodeCache(dir, { keep: new Set(), now: NOW });
    expect(names('v8')).to.deep.equal(['app.js-1.v8cache', 'app.js-1.v8cache.456-def.tmp']);
  });

  it("removes other versions' directories that no run used for 30 days, and only beside the given ones", () => {
    const v8Dir = path.join(tmp, 'appc', '0.2.0', 'v8-12.4-x64');
    file('appc/0.2.0/v8-12.4-x64/app.js-1.v8cache', 10, 40 * DAY);
    file('appc/0.2.0/v8-11.3-x64/typescript.js-2.v8cache', 10, 31 * DAY);
    file('appc/0.2.0/v8-11.9-x64/typescript.js-2.v8cache', 10, 29 * DAY);
    file('appc/0.1.0/v8-11.3-x64/typescript.js-2.v8cache', 10, 45 * DAY);
    file('appc/0.1.0/node-cache/old.bin', 10, 60 * DAY);
    file('appc/0.1.9/v8-11.3-x64/appc-cli.js-3.v8cache', 10, 50 * DAY);
    file('appc/0.1.9/v8-11.3-x64/typescript.js-2.v8cache', 10, 2 * DAY);
    file('unrelated/old.txt', 10, 400 * DAY);
    const pruned = pruneCodeCache(v8Dir, {
      keep: new Set(),
      siblingsOf: [v8Dir, path.dirname(v8Dir)],
      now: NOW,
      staleAfterMs: STALE_AFTER_MS,
    });
    expect(names('appc/0.2.0')).to.deep.equal(['v8-11.9-x64', 'v8-12.4-x64']);
    expect(names('appc')).to.deep.equal(['0.1.9', '0.2.0']);
    expect(names('.')).to.deep.equal(['appc', 'unrelated']);
    expect(pruned.directories.map((dir) => path.relative(tmp, dir)).sort()).to.deep.equal([
      'appc/0.1.0',
      'appc/0.2.0/v8-11.3-x64',
    ]);
    // Without siblingsOf, nothing outside the directory is looked at.
    file('appc/0.0.1/v8-10-x64/x.v8cache', 10, 90 * DAY);
    pruneCodeCache(v8Dir, { keep: new Set(), now: NOW });
    expect(names('appc')).to.deep.equal(['0.0.1', '0.1.9', '0.2.0']);
  });

  it('marks an entry used now, and throws for none that is gone', () => {
    const entry = file('v8/app.js-1.v8cache', 10, 10 * DAY);
    markUsed(entry, new Date(NOW));
    expect(fs.statSync(entry).mtimeMs).to.equal(NOW);
    expect(() => markUsed(path.join(tmp, 'v8', 'gone.v8cache'))).to.not.throw();
    expect(pruneCodeCache(path.join(tmp, 'missing'), { keep: new Set(), now: NOW })).to.deep.equal({
      entries: [],
      directories: [],
    });
  });
});
