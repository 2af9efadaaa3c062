import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { cacheFileFor, readCodeCache, writeCodeCache, type SourceKey } from '../../src/cli/code-cache-file';

describe('code cache files', () => {
  let dir: string;
  const key: SourceKey = {
    file: '/opt/app/node_modules/x/index.js',
    length: 1234,
    mtimeMs: 1700000000123.5,
    v8: '11.3.244.8-node.38',
  };
  const data = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-code-cache-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads back what it wrote, for the same source and V8 only', () => {
    const file = cacheFileFor(path.join(dir, 'nested'), key.file);
    expect(writeCodeCache(file, key, data)).to.equal(true);
    expect(readCodeCache(file, key)).to.deep.equal(data);
    for (const other of [
      { file: '/opt/app/other.js' },
      { length: 1235 },
      { mtimeMs: 1700000000124 },
      { v8: '12.4.254.21-node.33' },
    ]) {
      expect(readCodeCache(file, { ...key, ...other }), JSON.stringify(other)).to.equal(undefined);
    }
    expect(fs.readdirSync(path.dirname(file))).to.deep.equal([path.basename(file)]);
  });

  it('names a cache file after the module and a hash of its full path', () => {
    const a = cacheFileFor(dir, '/a/node_modules/x/index.js');
    const b = cacheFileFor(dir, '/b/node_modules/x/index.js');
    expect(path.basename(a)).to.match(/^index\.js-[0-9a-f]{8}\.v8cache$/);
    expect(a).to.not.equal(b);
  });

  it('ignores a corrupt, truncated or foreign file instead of handing it to V8', () => {
    const file = cacheFileFor(dir, key.file);
    writeCodeCache(file, key, data);
    const good = fs.readFileSync(file);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 100] ^= 0xff;
    const damaged: Record<string, Buffer> = {
      'a flipped data byte': flipped,
      truncated: good.subarray(0, good.length - 1),
      'only the magic': good.subarray(0, 8),
      'a header length past the end': Buffer.concat([good.subarray(0, 8), Buffer.from([0xff, 0xff, 0xff, 0x7f])]),
      'another format': Buffer.concat([Buffer.from('APPCV8C9'), good.subarray(8)]),
      'not a cache file': Buffer.from('console.log("hello")\n'),
      empty: Buffer.alloc(0),
    };
    for (const [name, bytes] of Object.entries(damaged)) {
      fs.writeFileSync(file, bytes);
      expect(readCodeCache(file, key), name).to.equal(undefined);
    }
    expect(readCodeCache(path.join(dir, 'missing.v8cache'), key)).to.equal(undefined);
  });

  it('reports false, throwing nothing and leaving nothing, when the directory cannot be made', () => {
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, 'not a directory');
    expect(writeCodeCache(cacheFileFor(path.join(blocker, 'cache'), key.file), key, data)).to.equal(false);
    expect(fs.readdirSync(dir)).to.deep.equal(['a-file']);
  });
});
