import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectDependencies } from '../../../src/compiler/package/dependencies';
import { collectPackageFiles } from '../../../src/compiler/package/package-files';
import { plant, PROJECT_FILES, projectLock, tempDir, writeProject } from './zip-project';

function project(edit: (files: Record<string, string>) => void = () => {}): string {
  const files = { ...PROJECT_FILES };
  edit(files);
  return writeProject(tempDir('deps'), files);
}

function setLock(dir: string, edit: (packages: Record<string, { version?: string }>) => void): void {
  const lock = projectLock() as { packages: Record<string, { version?: string }> };
  edit(lock.packages);
  fs.writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify(lock));
}

const messages = (dir: string) =>
  collectDependencies({ projectDir: dir, bundleAwsSdk: false }).diagnostics.map((d) => `${d.code} ${d.message}`);

describe('collectDependencies', () => {
  it('ships the production closure, nested copies where they are installed, without dev, appc or the AWS SDK', async () => {
    const closure = collectDependencies({ projectDir: project(), bundleAwsSdk: false });
    expect(closure.diagnostics).to.deep.equal([]);
    expect(closure.declared).to.deep.equal(['@aws-sdk/client-s3', 'not-installed', 'padder']);
    expect(closure.packages.map(({ name, version, zipDir }) => ({ name, version, zipDir }))).to.deep.equal([
      { name: 'padder', version: '1.0.0', zipDir: 'node_modules/padder' },
      { name: 'tiny-version', version: '2.0.0', zipDir: 'node_modules/padder/node_modules/tiny-version' },
      { name: 'repeat-str', version: '1.0.0', zipDir: 'node_modules/repeat-str' },
    ]);
    expect((await collectPackageFiles(closure.packages)).files.map((f) => [f.zipPath, f.executable])).to.deep.equal([
      ['node_modules/padder/bin/cli.js', true],
      ['node_modules/padder/index.js', false],
      ['node_modules/padder/node_modules/tiny-version/index.js', false],
      ['node_modules/padder/node_modules/tiny-version/package.json', false],
      ['node_modules/padder/package.json', false],
      ['node_modules/repeat-str/index.js', false],
      ['node_modules/repeat-str/package.json', false],
    ]);
  });

  it('ships @aws-sdk/* and what only it needs with bundleAwsSdk', () => {
    const closure = collectDependencies({ projectDir: project(), bundleAwsSdk: true });
    expect(closure.packages.map((p) => p.zipDir)).to.include.members([
      'node_modules/@aws-sdk/client-s3',
      'node_modules/@smithy/stub',
    ]);
    expect(closure.packages).to.have.length(5);
  });

  it('reports a missing dependency at its line in package.json, with the remedy', () => {
    const dir = project((files) => delete files['node_modules/repeat-str/package.json']);
    fs.rmSync(path.join(dir, 'node_modules/repeat-str'), { recursive: true });
    const [diagnostic, ...rest] = collectDependencies({ projectDir: dir, bundleAwsSdk: false }).diagnostics;
    expect(rest).to.deep.equal([]);
    expect(diagnostic.code).to.equal('APPC402');
    expect(diagnostic.message).to.equal(
      'padder requires repeat-str, which is not installed (package-lock.json lists it at node_modules/repeat-str)',
    );
    expect(diagnostic.remedy).to.match(/npm install/);
    const line = PROJECT_FILES['package.json'].split('\n').findIndex((l) => l.includes('"padder"')) + 1;
    expect(diagnostic.location).to.include({ file: 'package.json', line, column: 5 });
  });

  it('reports a missing direct dependency without a lock, and tolerates missing optional ones', () => {
    const dir = project((files) => {
      files['package.json'] = JSON.stringify({ dependencies: { ghost: '1' }, optionalDependencies: { gone: '1' } });
    });
    fs.rmSync(path.join(dir, 'package-lock.json'));
    expect(messages(dir)).to.deep.equal(['APPC402 dependency ghost is not installed']);
  });

  it('reports a version that differs from package-lock.json', () => {
    const dir = project();
    setLock(dir, (packages) => {
      packages['node_modules/repeat-str'].version = '1.2.0';
    });
    expect(messages(dir)).to.deep.equal([
      'APPC403 node_modules/repeat-str is version 1.0.0 but package-lock.json lists 1.2.0',
    ]);
  });

  it('reports a package the lock lists that is not installed where the lock puts it', () => {
    const dir = project();
    setLock(dir, (packages) => {
      packages['node_modules/padder/node_modules/repeat-str'] = { version: '1.0.0' };
    });
    expect(messages(dir)).to.deep.equal([
      'APPC404 package-lock.json lists repeat-str at node_modules/padder/node_modules/repeat-str, which is not installed (padder gets node_modules/repeat-str instead)',
    ]);
  });

  it('reports a malformed package.json', () => {
    const dir = project((files) => {
      files['package.json'] = '{ "dependencies": ';
    });
    expect(messages(dir)[0]).to.match(/^APPC405 package.json is not valid JSON/);
  });

  it('follows a linked workspace package and places its hoisted dependencies at the top of the zip', async () => {
    const root = tempDir('workspace');
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    write('package.json', JSON.stringify({ workspaces: ['packages/*'] }));
    write('packages/app/package.json', JSON.stringify({ dependencies: { shared: '*' } }));
    write(
      'packages/shared/package.json',
      JSON.stringify({ name: 'shared', version: '0.0.1', dependencies: { hoisted: '*' } }),
    );
    write('packages/shared/index.js', '');
    write('node_modules/hoisted/package.json', JSON.stringify({ name: 'hoisted', version: '2.0.0' }));
    fs.mkdirSync(path.join(root, 'packages/app/node_modules'));
    fs.symlinkSync(path.join(root, 'packages/shared'), path.join(root, 'packages/app/node_modules/shared'));
    const closure = collectDependencies({ projectDir: path.join(root, 'packages/app'), bundleAwsSdk: false });
    expect(closure.diagnostics).to.deep.equal([]);
    expect((await collectPackageFiles(closure.packages)).files.map((f) => f.zipPath)).to.deep.equal([
      'node_modules/hoisted/package.json',
      'node_modules/shared/index.js',
      'node_modules/shared/package.json',
    ]);
  });

  it('reports an installed package without a valid package.json, once', () => {
    const dir = project((files) => {
      files['node_modules/repeat-str/package.json'] = 'nope';
    });
    const [only, ...rest] = messages(dir);
    expect(rest).to.deep.equal([]);
    expect(only).to.match(/^APPC405 node_modules\/repeat-str: package.json is not valid JSON: /);
  });

  it('never follows a dependency name that is not a package name', () => {
    const dir = project((files) => {
      files['node_modules/padder/package.json'] = JSON.stringify({
        name: 'padder',
        version: '1.0.0',
        dependencies: { '../../lib': '*', '..': '*' },
      });
    });
    const closure = collectDependencies({ projectDir: dir, bundleAwsSdk: false });
    expect(closure.diagnostics).to.deep.equal([]);
    expect(closure.packages.map((p) => p.zipDir)).to.deep.equal(['node_modules/padder']);
  });

  describe('a dependency that is a symlink out of the project', () => {
    /** A project whose node_modules/shared links to a package's working copy elsewhere, declared as `spec`. */
    function linked(spec: string): { dir: string; target: string } {
      const root = tempDir('deps-link');
      const target = path.join(root, 'shared');
      plant(target, ['index.js', '.git/config', '.env', 'key.pem', 'test/t.js']);
      fs.writeFileSync(
        path.join(target, 'package.json'),
        JSON.stringify({ name: 'shared', version: '1.0.0', files: ['index.js'] }),
      );
      const dir = path.join(root, 'app');
      fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
      fs.writeFileSync(
        path.join(dir, 'package.json'),
        JSON.stringify({ name: 'app', dependencies: { shared: spec } }, null, 2),
      );
      fs.symlinkSync(path.relative(path.join(dir, 'node_modules'), target), path.join(dir, 'node_modules/shared'));
      return { dir, target };
    }

    it('is refused when package.json declares a registry version (npm link), with the fix', () => {
      const { dir, target } = linked('^1.0.0');
      const [only, ...rest] = collectDependencies({ projectDir: dir, bundleAwsSdk: false }).diagnostics;
      expect(rest).to.deep.equal([]);
      expect([only.code, only.message, only.remedy, only.location?.line]).to.deep.equal([
        'APPC425',
        `node_modules/shared is a symlink to ${target}, outside the project, but package.json declares it as "^1.0.0", not as a \`file:\` dependency or a workspace`,
        'Run `npm install shared` to install the published package, or declare it `"shared": "file:<path>"` in package.json.',
        4,
      ]);
    });

    it('ships, as its published files only, when package.json declares it `file:` (or `workspace:`)', async () => {
      for (const spec of ['file:../shared', 'workspace:*']) {
        const closure = collectDependencies({ projectDir: linked(spec).dir, bundleAwsSdk: false });
        expect(closure.diagnostics, spec).to.deep.equal([]);
        expect(
          (await collectPackageFiles(closure.packages)).files.map((f) => f.zipPath),
          spec,
        ).to.deep.equal(['node_modules/shared/index.js', 'node_modules/shared/package.json']);
      }
    });

    it('is refused when `file:` names another directory', () => {
      const { dir } = linked('file:../elsewhere');
      expect(messages(dir).map((m) => m.slice(0, 7))).to.deep.equal(['APPC425']);
    });
  });

  it('refuses a linked package out of the project that no workspaces list declares', () => {
    const root = tempDir('workspace-undeclared');
    plant(root, ['packages/shared/index.js']);
    fs.writeFileSync(
      path.join(root, 'packages/shared/package.json'),
      JSON.stringify({ name: 'shared', version: '0.0.1' }),
    );
    fs.mkdirSync(path.join(root, 'packages/app/node_modules'), { recursive: true });
    fs.writeFileSync(path.join(root, 'packages/app/package.json'), JSON.stringify({ dependencies: { shared: '*' } }));
    fs.symlinkSync(path.join(root, 'packages/shared'), path.join(root, 'packages/app/node_modules/shared'));
    expect(messages(path.join(root, 'packages/app'))).to.deep.equal([
      `APPC425 node_modules/shared is a symlink to ${fs.realpathSync(path.join(root, 'packages/shared'))}, outside the project, but package.json declares it as "*", not as a \`file:\` dependency or a workspace`,
    ]);
  });

  it('reports a dependency that is a link loop, instead of crashing', () => {
    const dir = project();
    fs.rmSync(path.join(dir, 'node_modules/padder'), { recursive: true });
    fs.symlinkSync('padder', path.join(dir, 'node_modules/padder'));
    const [only, ...rest] = collectDependencies({ projectDir: dir, bundleAwsSdk: false }).diagnostics;
    expect(rest).to.deep.equal([]);
    expect([only.code, only.message, only.remedy]).to.deep.equal([
      'APPC424',
      'cannot read node_modules/padder: too many symbolic links encountered (ELOOP)',
      'Reinstall the dependencies: delete node_modules and run `npm install`.',
    ]);
  });

  it('ships nothing for a project without package.json', () => {
    expect(collectDependencies({ projectDir: tempDir('deps-none'), bundleAwsSdk: false })).to.deep.equal({
      declared: [],
      packages: [],
      diagnostics: [],
    });
  });
});
