import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectProjectFiles } from '../../../src/compiler/package/project-files';
import { plant, runUnprivileged, tempDir, writeProject } from './zip-project';

const listing = (dir: string, outDir?: string) => {
  const { files, excluded, diagnostics } = collectProjectFiles({ projectDir: dir, outDir });
  return {
    files: files.map((f) => f.zipPath),
    excluded: excluded.map((e) => `${e.path} (${e.reason})`),
    diagnostics: diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`),
  };
};

/** Every secret and piece of junk the issue found shipping from lib/ and vendor/, and more. */
const PLANTED_SECRETS = [
  'lib/keys/id_rsa',
  'lib/keys/id_rsa.pub',
  'lib/keys/id_ed25519',
  'lib/.ssh/config',
  'lib/.aws/credentials',
  'lib/.npmrc',
  'lib/.netrc',
  'lib/.htpasswd',
  'lib/cert.p12',
  'lib/cert.pfx',
  'lib/tls.pem',
  'lib/tls.key',
  'lib/service-account.json',
  'lib/gcp/service_account_prod.json',
  'lib/credentials.json',
  'lib/.env',
  'lib/.env.production',
  'lib/.envrc',
  'lib/npm-debug.log.1234',
  'lib/server.log',
  'lib/tsconfig.tsbuildinfo',
  'lib/.DS_Store',
  'lib/Thumbs.db',
  'lib/.data.json.swp',
  'lib/data.json~',
  'lib/sub/.git/config',
  'lib/.idea/workspace.xml',
  'vendor/.env',
  'vendor/deploy.pem',
  'vendor/pkg/.git/HEAD',
  'vendor/.aws/config',
  'vendor/yarn-error.log',
];

describe('collectProjectFiles', () => {
  it('ships lib/ assets and vendor/ contents at the root, never code or tests', () => {
    const dir = writeProject(tempDir('files'));
    const { files } = collectProjectFiles({ projectDir: dir });
    expect(files.map((f) => f.zipPath)).to.deep.equal(['lib/data.json', 'vendored.js']);
    expect(files[0]).to.deep.include({ diskPath: path.join(fs.realpathSync(dir), 'lib', 'data.json'), size: 17 });
  });

  it('leaves out every file of the deny list in lib/ and vendor/, and lists each with its reason', () => {
    const dir = tempDir('files-deny');
    plant(dir, [
      'lib/keep.txt',
      'lib/keys/readme.txt',
      'vendor/pkg/mod.js',
      'lib/test/t.js',
      'lib/x.ts',
      ...PLANTED_SECRETS,
    ]);
    expect(listing(dir)).to.deep.equal({
      files: ['lib/keep.txt', 'lib/keys/readme.txt', 'pkg/mod.js'],
      excluded: [
        'lib/.DS_Store (OS file)',
        'lib/.aws (credentials directory)',
        'lib/.data.json.swp (editor or merge leftover)',
        'lib/.env (environment file)',
        'lib/.env.production (environment file)',
        'lib/.envrc (environment file)',
        'lib/.htpasswd (credentials or token file)',
        'lib/.idea (editor settings)',
        'lib/.netrc (credentials or token file)',
        'lib/.npmrc (credentials or token file)',
        'lib/.ssh (credentials directory)',
        'lib/Thumbs.db (OS file)',
        'lib/cert.p12 (key or certificate material)',
        'lib/cert.pfx (key or certificate material)',
        'lib/credentials.json (credentials file)',
        'lib/data.json~ (editor or merge leftover)',
        'lib/gcp/service_account_prod.json (credentials file)',
        'lib/keys/id_ed25519 (SSH key)',
        'lib/keys/id_rsa (SSH key)',
        'lib/keys/id_rsa.pub (SSH key)',
        'lib/npm-debug.log.1234 (log file)',
        'lib/server.log (log file)',
        'lib/service-account.json (credentials file)',
        'lib/sub/.git (version control)',
        'lib/test (test folder)',
        'lib/tls.key (key or certificate material)',
        'lib/tls.pem (key or certificate material)',
        'lib/tsconfig.tsbuildinfo (build info)',
        'vendor/.aws (credentials directory)',
        'vendor/.env (environment file)',
        'vendor/deploy.pem (key or certificate material)',
        'vendor/pkg/.git (version control)',
        'vendor/yarn-error.log (log file)',
      ],
      diagnostics: [],
    });
  });

  it('follows links that stay inside the project, to a file or a directory, and keeps executables', () => {
    const dir = tempDir('files-inside');
    plant(dir, ['shared/assets/logo.txt', 'data/a.txt', 'lib/real.txt']);
    fs.writeFileSync(path.join(dir, 'shared/assets/tool.sh'), '#!/bin/sh\n', { mode: 0o755 });
    fs.symlinkSync('../shared/assets', path.join(dir, 'lib/assets'));
    fs.symlinkSync(path.join(dir, 'data/a.txt'), path.join(dir, 'lib/a.txt'));
    fs.symlinkSync('real.txt', path.join(dir, 'lib/alias.txt'));
    const { files, diagnostics } = collectProjectFiles({ projectDir: dir });
    expect(diagnostics).to.deep.equal([]);
    expect(files.map((f) => [f.zipPath, f.executable])).to.deep.equal([
      ['lib/a.txt', false],
      ['lib/alias.txt', false],
      ['lib/assets/logo.txt', false],
      ['lib/assets/tool.sh', true],
      ['lib/real.txt', false],
    ]);
  });

  it('never follows a link out of the project, to a file or a directory, and says which link and where it points', () => {
    const dir = tempDir('files-outside');
    const outside = tempDir('files-elsewhere');
    plant(outside, ['etc/passwd', 'etc/shadow', 'secret.txt']);
    plant(dir, ['lib/ok.txt', 'vendor/v.js']);
    fs.symlinkSync(path.join(outside, 'etc'), path.join(dir, 'lib/etc'));
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'vendor/secret.txt'));
    expect(listing(dir)).to.deep.equal({
      files: ['lib/ok.txt', 'v.js'],
      excluded: [],
      diagnostics: [
        `error APPC422: lib/etc is a symlink to ${path.join(outside, 'etc')}, which is outside the project: deployment.zip never follows a link out of the project`,
        `error APPC422: vendor/secret.txt is a symlink to ${path.join(outside, 'secret.txt')}, which is outside the project: deployment.zip never follows a link out of the project`,
      ],
    });
  });

  it('refuses lib/ itself linked out of the project (lib -> /etc)', () => {
    const dir = tempDir('files-lib-etc');
    const outside = tempDir('files-etc');
    plant(outside, ['passwd', 'shadow']);
    fs.symlinkSync(outside, path.join(dir, 'lib'));
    const { files, diagnostics } = collectProjectFiles({ projectDir: dir });
    expect(files).to.deep.equal([]);
    expect(diagnostics.map((d) => [d.code, d.message, d.remedy])).to.deep.equal([
      [
        'APPC422',
        `lib is a symlink to ${outside}, which is outside the project: deployment.zip never follows a link out of the project`,
        'Copy the files the app needs into the project instead of linking to them, or remove the link.',
      ],
    ]);
  });

  it('reports loops (lib/up -> .., a link to its own folder, a link cycle) instead of hanging', () => {
    const dir = tempDir('files-loops');
    plant(dir, ['lib/a/file.txt', 'app.ts', '.env']);
    fs.symlinkSync('..', path.join(dir, 'lib/up'));
    fs.symlinkSync('.', path.join(dir, 'lib/a/here'));
    fs.symlinkSync('ping', path.join(dir, 'lib/pong'));
    fs.symlinkSync('pong', path.join(dir, 'lib/ping'));
    expect(listing(dir)).to.deep.equal({
      files: ['lib/a/file.txt'],
      excluded: [],
      diagnostics: [
        'error APPC423: lib/a/here is a symlink to ., a directory that contains the link: following it would never end',
        'error APPC423: lib/ping is a symlink to pong, which leads back to itself (ELOOP)',
        'error APPC423: lib/pong is a symlink to ping, which leads back to itself (ELOOP)',
        'error APPC423: lib/up is a symlink to .., a directory that contains the link: following it would never end',
      ],
    });
  });

  it("applies the deny list to a link's target too, and warns about a broken link", () => {
    const dir = tempDir('files-link-deny');
    plant(dir, ['.env', '.git/config', 'lib/ok.txt']);
    fs.symlinkSync('../.env', path.join(dir, 'lib/settings'));
    fs.symlinkSync('../.git', path.join(dir, 'lib/meta'));
    fs.symlinkSync('missing.txt', path.join(dir, 'lib/gone'));
    expect(listing(dir)).to.deep.equal({
      files: ['lib/ok.txt'],
      excluded: ['lib/meta (version control)', 'lib/settings (environment file)'],
      diagnostics: [
        'warning APPC427: lib/gone is a symlink to missing.txt, which does not exist: it is left out of deployment.zip',
      ],
    });
  });

  it('never packs OUT, even inside lib/ or vendor/, however it is named', () => {
    const dir = tempDir('files-out');
    plant(dir, ['lib/data.json', 'lib/out/deployment.zip', 'lib/out/sam.json', 'vendor/build/sam.json']);
    expect(listing(dir, path.join(dir, 'lib/out')).files).to.deep.equal(['build/sam.json', 'lib/data.json']);
    expect(listing(dir, path.join(dir, 'lib/out')).excluded).to.deep.equal(['lib/out (the output directory (OUT))']);
    fs.symlinkSync(path.join(dir, 'vendor'), path.join(dir, 'vendor-link'));
    expect(listing(dir, path.join(dir, 'vendor-link/build')).files).to.deep.equal([
      'lib/data.json',
      'lib/out/deployment.zip',
      'lib/out/sam.json',
    ]);
    expect(listing(dir, path.join(dir, 'vendor-link/build')).excluded).to.deep.equal([
      'vendor/build (the output directory (OUT))',
    ]);
  });

  it('never packs the staging directory of a concurrent run beside an OUT inside lib/', () => {
    const dir = tempDir('files-out-staging');
    plant(dir, ['lib/data.json', 'lib/.out.appc-Ab12Cd/deployment.zip', 'lib/.output.appc-x/keep.txt']);
    expect(listing(dir, path.join(dir, 'lib/out'))).to.deep.equal({
      files: ['lib/.output.appc-x/keep.txt', 'lib/data.json'],
      excluded: ['lib/.out.appc-Ab12Cd (a staging directory of OUT)'],
      diagnostics: [],
    });
  });

  it('ignores an OUT outside the project, or above it', () => {
    const dir = tempDir('files-out-above');
    plant(dir, ['lib/data.json']);
    expect(listing(dir, path.dirname(dir)).files).to.deep.equal(['lib/data.json']);
  });

  it('reports lib or vendor that is a file, not a folder', () => {
    const dir = tempDir('files-not-dirs');
    plant(dir, ['lib', 'vendor']);
    expect(listing(dir).diagnostics).to.deep.equal([
      'error APPC428: lib is not a directory: deployment.zip takes lib/ and vendor/ as folders',
      'error APPC428: vendor is not a directory: deployment.zip takes lib/ and vendor/ as folders',
    ]);
  });

  it('is empty without lib/ and vendor/', () => {
    expect(listing(tempDir('files-none'))).to.deep.equal({ files: [], excluded: [], diagnostics: [] });
  });

  it('reports unreadable files and directories (EACCES) with their path', () => {
    const dir = tempDir('files-eacces');
    plant(dir, ['lib/ok.txt', 'lib/locked.txt', 'lib/closed/inner.txt', 'vendor/v.js']);
    fs.chmodSync(path.join(dir, 'lib/locked.txt'), 0o000);
    fs.chmodSync(path.join(dir, 'lib/closed'), 0o000);
    const result = runUnprivileged(dir, 'collectProjectFiles');
    expect(result).to.deep.equal({
      files: ['lib/ok.txt', 'v.js'],
      diagnostics: [
        'APPC424 cannot read lib/closed: permission denied (EACCES)',
        'APPC424 cannot read lib/locked.txt: permission denied (EACCES)',
      ],
    });
  });
});
