import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { compileCacheDirectory } from '../../src/cli/compile-cache';
import { writeCodeCache } from '../../src/cli/code-cache-file';
import { missingTool } from '../support/aws-checks/tools';
import { FIXTURES_DIR, REPO_ROOT } from '../support/fixtures';
import { runtimeNode } from '../support/runtime-node';

const BIN = path.join(REPO_ROOT, 'bin', 'appc.js');

/** The module a cache file holds the code of, from its header (code-cache-file.ts: magic, length, JSON). */
function cachedSource(file: string): string {
  const bytes = fs.readFileSync(file);
  const length = bytes.readUInt32LE(8);
  return (JSON.parse(bytes.subarray(12, 12 + length).toString('utf8')) as { file: string }).file;
}
const HELLO = path.join(FIXTURES_DIR, 'hello');
const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

type CacheReport =
  | { kind: 'v8'; dir: string; stats: { compiled: number; accepted: number; written: number } }
  | { kind: 'node'; dir: string }
  | { kind: 'off'; reason: string };

interface Run {
  /** OUT's files, name -> bytes. */
  files: Map<string, Buffer>;
  cache: CacheReport;
  stderr: string;
}

describe('compile cache of appc package (bin/appc.js)', function () {
  this.timeout(120000);
  let tmp: string;
  let reference: Map<string, Buffer>;
  let runs = 0;

  /** `appc package` of fixtures/hello in a fresh process; APPC_DEBUG=1 makes bin/appc.js report the cache on exit. */
  function packageHello(env: Record<string, string>, node = process.execPath): Run {
    const out = path.join(tmp, `out${runs++}`);
    const result = spawnSync(node, [BIN, 'package', out, '--project-dir', HELLO, '--quiet'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', APPC_DEBUG: '1', ...env },
    });
    expect(result.status, result.stderr).to.equal(0);
    const report = /^appc: compile cache: (.+)$/m.exec(result.stderr);
    expect(report, result.stderr).to.not.equal(null);
    const files = new Map(fs.readdirSync(out).map((name) => [name, fs.readFileSync(path.join(out, name))]));
    return {
      files,
      cache: JSON.parse(report![1]) as CacheReport,
      stderr: result.stderr.replace(report![0], '').trim(),
    };
  }

  function v8Stats(run: Run): { compiled: number; accepted: number; written: number } {
    if (run.cache.kind !== 'v8') throw new Error(`expected the Node 20 code cache, got ${JSON.stringify(run.cache)}`);
    return run.cache.stats;
  }

  before(function () {
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'cli', 'main.js')))
      throw new Error('dist/ is missing: run `npm run build` (make test does) before the CLI tests');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-compile-cache-'));
    const off = packageHello({ NODE_DISABLE_COMPILE_CACHE: '1', XDG_CACHE_HOME: path.join(tmp, 'unused') });
    expect(off.cache).to.deep.equal({ kind: 'off', reason: 'NODE_DISABLE_COMPILE_CACHE is set' });
    expect(fs.existsSync(path.join(tmp, 'unused'))).to.equal(false);
    reference = off.files;
    expect([...reference.keys()].sort()).to.deep.equal(['deployment.zip', 'sam.json', 'swagger.json']);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('keeps the cache under $XDG_CACHE_HOME/appc/<version>, else $HOME/.cache/appc/<version>', () => {
    expect(compileCacheDirectory({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' }, '1.2.3')).to.equal(
      '/x/cache/appc/1.2.3',
    );
    // The XDG Base Directory spec: a relative path is invalid and is ignored.
    expect(compileCacheDirectory({ XDG_CACHE_HOME: 'relative', HOME: '/home/u' }, '1.2.3')).to.equal(
      '/home/u/.cache/appc/1.2.3',
    );
    expect(compileCacheDirectory({ HOME: '/home/u' }, '1.2.3')).to.equal('/home/u/.cache/appc/1.2.3');
  });

  it('fills an empty cache, then compiles from it, packaging the same bytes each time', function () {
    if (typeof (require('node:module') as { enableCompileCache?: unknown }).enableCompileCache === 'function')
      this.skip(); // Node's own cache: see the Node 24 test
    const xdg = path.join(tmp, 'fresh');
    const first = packageHello({ XDG_CACHE_HOME: xdg });
    const { compiled, accepted, written } = v8Stats(first);
    // appc's command line (one file, dist/cli/appc-cli.js, after the few modules bin/appc.js loads first) and the
    // dependencies a hello run loads: TypeScript, fflate and esbuild.
    expect(compiled).to.be.greaterThan(3);
    expect({ accepted, written }).to.deep.equal({ accepted: 0, written: compiled });
    const cached = fs.readdirSync((first.cache as { dir: string }).dir);
    expect(
      ['appc-cli.js-', 'typescript.js-', 'browser.cjs-'].filter((name) => !cached.some((f) => f.startsWith(name))),
    ).to.deep.equal([]);
    // Which modules: TypeScript as the CLI bundle's minified copy, and no npm-packlist (hello has no dependency).
    const dir = (first.cache as { dir: string }).dir;
    const sources = cached.map((f) =>
      path
        .relative(REPO_ROOT, cachedSource(path.join(dir, f)))
        .split(path.sep)
        .join('/'),
    );
    expect(sources.filter((f) => f.endsWith('/typescript.js'))).to.deep.equal(['dist/vendor/typescript.js']);
    expect(sources.filter((f) => f.includes('npm-packlist'))).to.deep.equal([]);
    expect(first.cache.kind === 'v8' && path.relative(xdg, first.cache.dir).split(path.sep).slice(0, 2)).to.deep.equal([
      'appc',
      VERSION,
    ]);
    expect(first.files).to.deep.equal(reference);
    expect(first.stderr).to.equal('');

    const second = packageHello({ XDG_CACHE_HOME: xdg });
    expect(v8Stats(second)).to.deep.equal({ compiled, accepted: compiled, written: 0 });
    expect(second.files).to.deep.equal(reference);
  });

  it('ignores corrupt and foreign cache files, rewrites them, and packages the same bytes', function () {
    if (typeof (require('node:module') as { enableCompileCache?: unknown }).enableCompileCache === 'function')
      this.skip();
    const xdg = path.join(tmp, 'damaged');
    const first = packageHello({ XDG_CACHE_HOME: xdg });
    const dir = (first.cache as { dir: string }).dir;
    const entries = fs.readdirSync(dir).sort();
    // Every other file gets flipped bytes; the rest become another V8's cache of the same module.
    entries.forEach((name, i) => {
      const file = path.join(dir, name);
      const bytes = fs.readFileSync(file);
      if (i % 2 === 0) {
        for (let at = 12; at < bytes.length; at += 97) bytes[at] ^= 0x5a;
        fs.writeFileSync(file, bytes);
      } else {
        const header = JSON.parse(bytes.subarray(12, 12 + bytes.readUInt32LE(8)).toString('utf8')) as {
          file: string;
          length: number;
          mtimeMs: number;
        };
        writeCodeCache(
          file,
          { file: header.file, length: header.length, mtimeMs: header.mtimeMs, v8: '9.9.9-other' },
          Buffer.from('not V8 code'),
        );
      }
    });
    const damaged = packageHello({ XDG_CACHE_HOME: xdg });
    const stats = v8Stats(damaged);
    expect(stats.accepted).to.equal(0);
    expect(stats.written).to.equal(stats.compiled);
    expect(damaged.files).to.deep.equal(reference);
    expect(damaged.stderr).to.equal('');
    expect(v8Stats(packageHello({ XDG_CACHE_HOME: xdg })).accepted).to.equal(stats.compiled);
  });

  it('packages the same bytes, silently, when the cache directory cannot be written', () => {
    const blocker = path.join(tmp, 'blocker');
    fs.writeFileSync(blocker, 'a file where the cache directory would be');
    const run = packageHello({ XDG_CACHE_HOME: blocker });
    expect(run.files).to.deep.equal(reference);
    expect(run.stderr).to.equal('');
    if (run.cache.kind === 'v8') expect(run.cache.stats.written).to.equal(0);
    expect(fs.readFileSync(blocker, 'utf8')).to.equal('a file where the cache directory would be');
  });

  it("uses Node's own compile cache on Node 24, in the same directory, packaging the same bytes", function () {
    const node = runtimeNode('nodejs24.x');
    if (node.kind !== 'ready')
      return missingTool(this, `cannot run appc on Node 24: ${node.kind === 'unpinned' ? 'not pinned' : node.problem}`);
    const xdg = path.join(tmp, 'node24');
    const first = packageHello({ XDG_CACHE_HOME: xdg }, node.node);
    expect(first.cache).to.deep.equal({ kind: 'node', dir: path.join(xdg, 'appc', VERSION) });
    expect(fs.readdirSync(path.join(xdg, 'appc', VERSION))).to.have.length.greaterThan(0);
    expect(first.files).to.deep.equal(reference);
    expect(packageHello({ XDG_CACHE_HOME: xdg }, node.node).files).to.deep.equal(reference);
  });
});
