/**
 * `appc new-project NAME`, then the new project used as a user would: appc linked into its
 * node_modules (a symlink to this checkout, as `npm link` makes), `node_modules/.bin/appc
 * package out` and `appc local`.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { REPO_ROOT } from '../support/fixtures';
import { send } from './support/local-http';
import { BIN, spawnCli, STARTED } from './support/spawn-local';

function run(args: string[], cwd: string, command = BIN): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [command, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What `npm install` of a linked appc leaves: node_modules/appc -> the checkout, and the bin link. */
function linkAppc(project: string): string {
  fs.mkdirSync(path.join(project, 'node_modules', '.bin'), { recursive: true });
  fs.symlinkSync(REPO_ROOT, path.join(project, 'node_modules', 'appc'), 'dir');
  const bin = path.join(project, 'node_modules', '.bin', 'appc');
  fs.symlinkSync(path.join('..', 'appc', 'bin', 'appc.js'), bin);
  return bin;
}

describe('appc new-project', function () {
  this.timeout(60000);
  let workspace: string;

  beforeEach(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-new-project-'));
  });
  afterEach(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('scaffolds a project that packages and serves once appc is linked', async () => {
    const created = run(['new-project', 'myapp'], workspace);
    expect(created.status, created.stderr).to.equal(0);
    expect(created.stdout).to.contain('Created myapp/');
    const project = path.join(workspace, 'myapp');
    const files = fs
      .readdirSync(project, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(project, path.join(e.parentPath, e.name)))
      .sort();
    expect(files).to.deep.equal([
      '.appc/config.json',
      '.gitignore',
      'README.md',
      'app.ts',
      'package.json',
      'test/app.test.ts',
      'tsconfig.json',
    ]);
    const manifest = JSON.parse(fs.readFileSync(path.join(project, 'package.json'), 'utf8'));
    // Run from this checkout, the project depends on it (appc is not on the registry).
    expect(manifest.dependencies).to.deep.equal({
      appc: `file:${path.relative(project, fs.realpathSync(REPO_ROOT)).split(path.sep).join('/')}`,
    });
    const own = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(manifest.devDependencies).to.deep.equal({
      '@types/node': own.devDependencies['@types/node'],
      tsx: own.devDependencies.tsx,
      typescript: own.devDependencies.typescript,
    });
    expect(Object.keys(manifest.scripts).sort()).to.deep.equal(['local', 'package', 'test']);
    const tsconfig = JSON.parse(fs.readFileSync(path.join(project, 'tsconfig.json'), 'utf8'));
    expect(tsconfig.compilerOptions.types).to.deep.equal(['node']);
    expect(JSON.parse(fs.readFileSync(path.join(project, '.appc/config.json'), 'utf8'))).to.include({
      app_name: 'myapp',
      lambda_runtime: 'nodejs24.x',
      lambda_architecture: 'x86_64',
    });

    const bin = linkAppc(project);
    const packaged = run(['package', 'out', '--typecheck'], project, bin);
    expect(packaged.status, packaged.stderr).to.equal(0);
    expect(packaged.stdout).to.equal('');
    expect(packaged.stderr).to.match(/^Wrote sam\.json, swagger\.json, deployment\.zip to out in /m);
    expect(packaged.stderr).to.not.match(/warning|error/);
    expect(fs.readdirSync(path.join(project, 'out')).sort()).to.deep.equal([
      'deployment.zip',
      'sam.json',
      'swagger.json',
    ]);
    const sam = JSON.parse(fs.readFileSync(path.join(project, 'out', 'sam.json'), 'utf8'));
    expect(sam.Resources.APIHandler.Properties.Tags.appc).to.match(/:app=myapp$/);
    expect(sam.Resources.APIHandler.Properties.Runtime).to.equal('nodejs24.x');

    const local = spawnCli(['local', '--port', '0'], project, bin);
    try {
      const [, url] = await local.waitFor(STARTED);
      expect(local.stdout()).to.match(/^Serving myapp \(stage dev\)/);
      const reply = await send(url, '/');
      expect(reply.status).to.equal(200);
      expect(reply.json()).to.deep.equal({ hello: 'world' });
    } finally {
      expect(await local.stop()).to.equal(0);
    }
    expect(local.stderr()).to.equal('');
  });

  it('refuses to touch an existing directory (exit 1), and checks NAME (exit 2)', () => {
    fs.mkdirSync(path.join(workspace, 'taken'));
    fs.writeFileSync(path.join(workspace, 'taken', 'keep.txt'), 'mine');
    const result = run(['new-project', 'taken'], workspace);
    expect(result.status).to.equal(1);
    expect(result.stderr).to.contain('taken already exists');
    expect(fs.readdirSync(path.join(workspace, 'taken'))).to.deep.equal(['keep.txt']);
    for (const args of [
      ['new-project'],
      ['new-project', 'a', 'b'],
      ['new-project', '../escape'],
      ['new-project', 'has space'],
    ]) {
      expect(run(args, workspace).status, args.join(' ')).to.equal(2);
    }
    expect(fs.readdirSync(workspace)).to.deep.equal(['taken']);
  });
});
