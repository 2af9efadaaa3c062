import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { appcDependency, appcSource } from '../../src/templates/appc-source';

describe('appcSource and appcDependency', () => {
  let dir: string;
  beforeEach(() => (dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'appc-source-')))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** An install of appc under `prefix` whose lockfile records `resolved`. */
  function installed(prefix: string, resolved: string | undefined, lockfile = 'node_modules/.package-lock.json') {
    const root = path.join(prefix, 'node_modules', 'appc');
    fs.mkdirSync(root, { recursive: true });
    const packages = { '': {}, 'node_modules/appc': resolved === undefined ? {} : { resolved } };
    fs.writeFileSync(path.join(prefix, lockfile), JSON.stringify({ lockfileVersion: 3, packages }));
    return root;
  }

  it('a directory outside node_modules is a checkout: file: and the path from the project', () => {
    const source = appcSource(path.join(dir, 'src', 'appc'));
    expect(source).to.deep.equal({ kind: 'checkout', dir: path.join(dir, 'src', 'appc') });
    expect(appcDependency(source, path.join(dir, 'work', 'myapp'), '0.1.0')).to.equal('file:../../src/appc');
  });

  it('an install from a tarball names the tarball, from the hidden lockfile or package-lock.json', () => {
    fs.writeFileSync(path.join(dir, 'appc-0.1.0.tgz'), '');
    const root = installed(path.join(dir, 'tool'), 'file:../appc-0.1.0.tgz');
    const source = appcSource(root);
    expect(source).to.deep.equal({ kind: 'tarball', file: path.join(dir, 'appc-0.1.0.tgz') });
    expect(appcDependency(source, path.join(dir, 'myapp'), '0.1.0')).to.equal('file:../appc-0.1.0.tgz');
    const other = installed(path.join(dir, 'other'), 'file:../appc-0.1.0.tgz', 'package-lock.json');
    expect(appcSource(other).kind).to.equal('tarball');
  });

  it('a registry install, or a tarball that is gone, is the version range', () => {
    const fromRegistry = installed(path.join(dir, 'a'), 'https://registry.npmjs.org/appc/-/appc-0.1.0.tgz');
    expect(appcSource(fromRegistry)).to.deep.equal({ kind: 'registry' });
    expect(appcDependency(appcSource(fromRegistry), dir, '0.1.0')).to.equal('^0.1.0');
    expect(appcSource(installed(path.join(dir, 'b'), 'file:../gone.tgz'))).to.deep.equal({ kind: 'registry' });
    expect(appcSource(installed(path.join(dir, 'c'), undefined))).to.deep.equal({ kind: 'registry' });
  });
});
