import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ShippedPackage } from '../../../src/compiler/package/dependencies';
import { collectPackageFiles } from '../../../src/compiler/package/package-files';
import { plant, tempDir } from './zip-project';

/** What a careless developer leaves in a package's directory (a `file:` dependency's working copy, say). */
const PLANTED = ['.git/config', '.git/HEAD', '.env', 'certs/server.pem', 'test/index.test.js', 'src/index.ts'];

function writePackage(
  manifest: Record<string, unknown>,
  files: readonly string[],
  extra: Record<string, string> = {},
  linked = false,
): ShippedPackage {
  const dir = path.join(tempDir('pkgfiles'), 'node_modules', String(manifest.name));
  plant(dir, files);
  for (const [file, text] of Object.entries(extra)) fs.writeFileSync(path.join(dir, file), text);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
  return {
    name: String(manifest.name),
    version: '1.0.0',
    zipDir: `node_modules/${manifest.name}`,
    diskDir: dir,
    manifest,
    linked,
  };
}

async function listing(pkg: ShippedPackage) {
  const { files, excluded, diagnostics } = await collectPackageFiles([pkg]);
  return { files: files.map((f) => f.zipPath), excluded: excluded.map((e) => `${e.path} (${e.reason})`), diagnostics };
}

describe('collectPackageFiles: a dependency ships what `npm pack` would publish, minus the deny list', () => {
  it('ships an unpacked tarball as installed (keeping what install scripts built), minus the deny list and symlinks', async () => {
    const pkg = writePackage({ name: 'native', version: '1.0.0', main: 'lib/index.js', files: ['lib'] }, [
      'lib/index.js',
      'build/Release/addon.node',
      'test/t.js',
      '.env',
      'certs/ca.pem',
    ]);
    fs.symlinkSync('/etc/passwd', path.join(pkg.diskDir, 'lib/passwd'));
    expect(await listing(pkg)).to.deep.equal({
      files: [
        'node_modules/native/build/Release/addon.node',
        'node_modules/native/lib/index.js',
        'node_modules/native/package.json',
        'node_modules/native/test/t.js',
      ],
      excluded: [
        'node_modules/native/.env (environment file)',
        'node_modules/native/certs/ca.pem (key or certificate material)',
        'node_modules/native/lib/passwd (not in the published package (npm pack rules))',
      ],
      diagnostics: [],
    });
  });

  it("applies npm pack's rules to a linked package (file:, workspace, npm link) even without .git", async () => {
    const pkg = writePackage(
      { name: 'linked', version: '1.0.0', files: ['lib'] },
      ['lib/index.js', 'test/t.js'],
      {},
      true,
    );
    expect((await listing(pkg)).files).to.deep.equal([
      'node_modules/linked/lib/index.js',
      'node_modules/linked/package.json',
    ]);
  });

  it('follows package.json `files`, always adding package.json, README and LICENSE', async () => {
    const pkg = writePackage({ name: 'with-files', version: '1.0.0', main: 'dist/index.js', files: ['dist'] }, [
      'dist/index.js',
      'dist/util.js',
      'dist/.env.local',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      ...PLANTED,
    ]);
    expect(await listing(pkg)).to.deep.equal({
      files: [
        'node_modules/with-files/LICENSE',
        'node_modules/with-files/README.md',
        'node_modules/with-files/dist/index.js',
        'node_modules/with-files/dist/util.js',
        'node_modules/with-files/package.json',
      ],
      excluded: [
        'node_modules/with-files/.env (not in the published package (npm pack rules))',
        'node_modules/with-files/.git/ (not in the published package (npm pack rules))',
        'node_modules/with-files/CHANGELOG.md (not in the published package (npm pack rules))',
        'node_modules/with-files/certs/ (not in the published package (npm pack rules))',
        'node_modules/with-files/dist/.env.local (environment file)',
        'node_modules/with-files/src/ (not in the published package (npm pack rules))',
        'node_modules/with-files/test/ (not in the published package (npm pack rules))',
      ],
      diagnostics: [],
    });
  });

  it('follows .npmignore, and never ships .git, .env or keys that it lets through', async () => {
    const pkg = writePackage({ name: 'with-npmignore', version: '1.0.0' }, ['index.js', 'lib/a.js', ...PLANTED], {
      '.npmignore': 'test/\nsrc/\n',
    });
    expect(await listing(pkg)).to.deep.equal({
      files: [
        'node_modules/with-npmignore/index.js',
        'node_modules/with-npmignore/lib/a.js',
        'node_modules/with-npmignore/package.json',
      ],
      excluded: [
        'node_modules/with-npmignore/.env (environment file)',
        'node_modules/with-npmignore/.git/ (not in the published package (npm pack rules))',
        'node_modules/with-npmignore/.npmignore (not in the published package (npm pack rules))',
        'node_modules/with-npmignore/certs/server.pem (key or certificate material)',
        'node_modules/with-npmignore/src/ (not in the published package (npm pack rules))',
        'node_modules/with-npmignore/test/ (not in the published package (npm pack rules))',
      ],
      diagnostics: [],
    });
  });

  it('falls back to .gitignore without .npmignore, and ships a package without rules as installed (minus the deny list)', async () => {
    const ignored = writePackage(
      { name: 'with-gitignore', version: '1.0.0' },
      ['index.js', 'build/out.js', 'logs/app.txt'],
      { '.gitignore': 'logs/\n' },
    );
    expect((await listing(ignored)).files).to.deep.equal([
      'node_modules/with-gitignore/build/out.js',
      'node_modules/with-gitignore/index.js',
      'node_modules/with-gitignore/package.json',
    ]);
    const plain = writePackage({ name: 'plain', version: '1.0.0' }, ['index.js', ...PLANTED]);
    expect((await listing(plain)).files).to.deep.equal(
      [
        'node_modules/plain/package.json',
        'node_modules/plain/src/index.ts',
        'node_modules/plain/test/index.test.js',
        'node_modules/plain/index.js',
      ].sort(),
    );
  });

  it('never ships a symlink inside a package (npm pack leaves them out), nor its own node_modules', async () => {
    const pkg = writePackage({ name: 'linky', version: '1.0.0' }, ['index.js', 'node_modules/dep/index.js']);
    fs.symlinkSync('/etc/passwd', path.join(pkg.diskDir, 'passwd'));
    expect(await listing(pkg)).to.deep.equal({
      files: ['node_modules/linky/index.js', 'node_modules/linky/package.json'],
      excluded: ['node_modules/linky/passwd (not in the published package (npm pack rules))'],
      diagnostics: [],
    });
  });
});
