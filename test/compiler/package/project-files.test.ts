import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectProjectFiles } from '../../../src/compiler/package/project-files';
import { tempDir, writeProject } from './zip-project';

describe('collectProjectFiles', () => {
  it('ships lib/ assets and vendor/ contents at the root, never code, secrets or tests', () => {
    const dir = writeProject(tempDir('files'));
    const files = collectProjectFiles(dir);
    expect(files.map((f) => f.zipPath)).to.deep.equal(['lib/data.json', 'vendored.js']);
    expect(files[0].diskPath).to.equal(path.join(dir, 'lib', 'data.json'));
  });

  it('leaves out .git, .appc, node_modules, test folders, .env* and keys at any depth', () => {
    const dir = tempDir('files-skip');
    const write = (file: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), 'x');
    };
    ['lib/a/keep.txt', 'lib/a/.git/HEAD', 'lib/.appc/x', 'lib/node_modules/x/index.js', 'lib/__tests__/t.js',
      'lib/test/t.js', 'lib/.env', 'lib/.envrc', 'lib/tls.key', 'lib/x.d.ts', 'lib/y.mts', 'lib/z.tsx', 'lib/w.cts', 'lib/v.js',
      'vendor/pkg/mod.js', 'vendor/.env.local', 'vendor/cert.pem'].forEach(write);
    expect(collectProjectFiles(dir).map((f) => f.zipPath)).to.deep.equal(['lib/a/keep.txt', 'lib/v.js', 'pkg/mod.js']);
  });

  it('follows symlinks, marks executables, and survives a link cycle', () => {
    const dir = tempDir('files-links');
    const shared = path.join(tempDir('files-shared'), 'assets');
    fs.mkdirSync(shared);
    fs.writeFileSync(path.join(shared, 'tool.sh'), '#!/bin/sh\n', { mode: 0o755 });
    fs.mkdirSync(path.join(dir, 'lib'));
    fs.symlinkSync(shared, path.join(dir, 'lib', 'assets'));
    fs.symlinkSync(path.join(dir, 'lib'), path.join(dir, 'lib', 'loop'));
    const files = collectProjectFiles(dir);
    expect(files.map((f) => [f.zipPath, f.executable])).to.deep.equal([['lib/assets/tool.sh', true]]);
  });

  it('is empty without lib/ and vendor/', () => {
    expect(collectProjectFiles(tempDir('files-none'))).to.deep.equal([]);
  });
});
