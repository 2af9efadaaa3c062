import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { REPO_ROOT } from '../support/fixtures';

const HOOK = path.join(REPO_ROOT, 'dist', 'cli', 'code-cache-hook.js');

/** A module that reports what Node's CommonJS loader gives it; line 1 must stay line 1 (stack columns). */
const MODULE = `exports.firstLine = new Error('here').stack.split('\\n')[1];
const other = require('./other');
exports.value = other.value;
exports.filename = __filename;
exports.dirname = __dirname;
exports.thisIsExports = this === module.exports;
exports.resolved = require.resolve('./other');
exports.lookupPaths = Array.isArray(require.resolve.paths('some-package'));
exports.mainIsMain = require.main === process.mainModule;
exports.sharedCache = require.cache[require.resolve('./other')].exports === other;
exports.hashbang = require('./hashbang').hashbang;
exports.outside = require('../../outside/outside').outside;
`;

const NOTHING_PRUNED = { entries: [], directories: [] };

interface Report {
  stats: { compiled: number; accepted: number; written: number; pruned?: { entries: string[]; directories: string[] } };
  mod: Record<string, unknown>;
}

describe('the Node 20 code cache hook (dist/cli/code-cache-hook.js)', function () {
  this.timeout(60000);
  let tmp: string;
  let root: string;

  before(function () {
    if (!fs.existsSync(HOOK))
      throw new Error('dist/ is missing: run `npm run build` (make test does) before these tests');
  });

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-code-cache-hook-'));
    root = path.join(tmp, 'root');
    fs.mkdirSync(path.join(root, 'lib'), { recursive: true });
    fs.mkdirSync(path.join(tmp, 'outside'));
    fs.writeFileSync(path.join(root, 'lib', 'mod.js'), MODULE);
    fs.writeFileSync(path.join(root, 'lib', 'other.js'), 'exports.value = 1;\n');
    fs.writeFileSync(path.join(root, 'lib', 'hashbang.js'), '#!/usr/bin/env node\nexports.hashbang = true;\n');
    fs.writeFileSync(path.join(tmp, 'outside', 'outside.js'), 'exports.outside = true;\n');
    fs.writeFileSync(
      path.join(tmp, 'main.js'),
      `const stats = require(${JSON.stringify(HOOK)}).installCodeCache(${JSON.stringify(path.join(tmp, 'cache'))}, ${JSON.stringify(root)});
const mod = require('./root/lib/mod.js');
process.on('exit', () => console.log(JSON.stringify({ stats, mod })));
`,
    );
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  function run(): Report {
    const result = spawnSync(process.execPath, [path.join(tmp, 'main.js')], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(result.status, result.stderr).to.equal(0);
    return JSON.parse(result.stdout) as Report;
  }

  it("gives a module what Node's loader gives it, and takes its code from the cache on the next run", () => {
    const first = run();
    const lib = path.join(root, 'lib');
    expect(first.mod).to.deep.equal({
      firstLine: `    at Object.<anonymous> (${path.join(lib, 'mod.js')}:1:21)`,
      value: 1,
      filename: path.join(lib, 'mod.js'),
      dirname: lib,
      thisIsExports: true,
      resolved: path.join(lib, 'other.js'),
      lookupPaths: true,
      mainIsMain: true,
      sharedCache: true,
      hashbang: true,
      outside: true,
    });
    // mod.js and other.js; the hashbang module and the one outside the root go to Node's own compile.
    expect(first.stats).to.deep.equal({ compiled: 2, accepted: 0, written: 2, pruned: NOTHING_PRUNED });
    expect(fs.readdirSync(path.join(tmp, 'cache')).sort()).to.have.length(2);

    const second = run();
    expect(second.mod).to.deep.equal(first.mod);
    expect(second.stats).to.deep.equal({ compiled: 2, accepted: 2, written: 0 });
  });

  it('never runs the cached code of a module whose source changed, even at the same length', () => {
    run();
    const other = path.join(root, 'lib', 'other.js');
    fs.writeFileSync(other, 'exports.value = 2;\n');
    const later = new Date(Date.now() + 10_000);
    fs.utimesSync(other, later, later);
    const changed = run();
    expect(changed.mod.value).to.equal(2);
    expect(changed.stats).to.deep.equal({ compiled: 2, accepted: 1, written: 1, pruned: NOTHING_PRUNED });
  });

  it('reads a large module once as bytes, decoded as Node would, and gives fs.readFileSync back', () => {
    const lib = path.join(root, 'lib');
    fs.writeFileSync(path.join(lib, 'big-ascii.js'), `exports.text = '${'a'.repeat(1.2 * 1024 * 1024)}';\n`);
    fs.writeFileSync(path.join(lib, 'big-utf8.js'), `exports.text = '${'é€'.repeat(400 * 1024)}';\n`);
    fs.writeFileSync(
      path.join(tmp, 'main.js'),
      `const fs = require('node:fs');
const reads = [];
const read = fs.readFileSync;
fs.readFileSync = function (file, options) {
  if (/big-[a-z0-9]+\\.js$/.test(String(file))) reads.push([require('node:path').basename(String(file)), options === undefined ? 'bytes' : String(options.encoding ?? options)]);
  return read.apply(this, arguments);
};
require(${JSON.stringify(HOOK)}).installCodeCache(${JSON.stringify(path.join(tmp, 'cache'))}, ${JSON.stringify(root)});
const ascii = require('./root/lib/big-ascii.js').text;
const utf8 = require('./root/lib/big-utf8.js').text;
console.log(JSON.stringify({ reads, ascii: ascii === 'a'.repeat(1.2 * 1024 * 1024), utf8: utf8 === 'é€'.repeat(400 * 1024), restored: fs.readFileSync.toString().includes('reads.push') }));
`,
    );
    const result = spawnSync(process.execPath, [path.join(tmp, 'main.js')], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(result.status, result.stderr).to.equal(0);
    expect(JSON.parse(result.stdout)).to.deep.equal({
      reads: [
        ['big-ascii.js', 'bytes'],
        ['big-utf8.js', 'bytes'],
      ],
      ascii: true,
      utf8: true,
      restored: true,
    });
  });

  it('marks the entries it used, and after writing removes the stale caches beside the ones it is given', () => {
    run();
    const cache = path.join(tmp, 'cache');
    const longAgo = new Date(Date.now() - 90 * 24 * 60 * 60 * 1000);
    for (const name of fs.readdirSync(cache)) fs.utimesSync(path.join(cache, name), longAgo, longAgo);
    const before = Date.now() - 1000;
    expect(run().stats).to.deep.equal({ compiled: 2, accepted: 2, written: 0 });
    for (const name of fs.readdirSync(cache))
      expect(fs.statSync(path.join(cache, name)).mtimeMs, name).to.be.above(before);

    const v8Dir = path.join(tmp, 'versions', 'v8-new');
    const stale = path.join(tmp, 'versions', 'v8-old');
    fs.mkdirSync(stale, { recursive: true });
    fs.writeFileSync(path.join(stale, 'typescript.js-1.v8cache'), 'old');
    fs.utimesSync(path.join(stale, 'typescript.js-1.v8cache'), longAgo, longAgo);
    fs.writeFileSync(
      path.join(tmp, 'main.js'),
      `const stats = require(${JSON.stringify(HOOK)}).installCodeCache(${JSON.stringify(v8Dir)}, ${JSON.stringify(root)}, [${JSON.stringify(v8Dir)}]);
const mod = require('./root/lib/mod.js');
process.on('exit', () => console.log(JSON.stringify({ stats, mod })));
`,
    );
    const report = run();
    expect(report.stats).to.deep.equal({
      compiled: 2,
      accepted: 0,
      written: 2,
      pruned: { entries: [], directories: [stale] },
    });
    expect(fs.readdirSync(path.join(tmp, 'versions'))).to.deep.equal(['v8-new']);
  });

  it('runs every module, writing nothing, when the cache directory cannot be made', () => {
    fs.writeFileSync(path.join(tmp, 'cache'), 'a file where the cache directory would be');
    const report = run();
    expect(report.mod.value).to.equal(1);
    expect(report.stats).to.deep.equal({ compiled: 2, accepted: 0, written: 0 });
    expect(fs.readFileSync(path.join(tmp, 'cache'), 'utf8')).to.equal('a file where the cache directory would be');
  });
});
