/**
 * The first steps of a new user, with appc from its `npm pack` tarball (appc is not on the
 * registry): install the tarball, `appc new-project`, then in the project `npm install`,
 * `npm test` and `npm run package`. The installs read npm's cache first (`--prefer-offline`);
 * the registry is only asked for what the cache lacks.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { REPO_ROOT } from '../support/fixtures';

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A command in `cwd` with only PATH and HOME (npm's cache) from this process's environment. */
function run(command: string, args: string[], cwd: string): Ran {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.homedir() },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function npm(args: string[], cwd: string): Ran {
  return run('npm', [...args, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], cwd);
}

describe('appc new-project from the npm pack tarball', function () {
  this.timeout(300000);
  let workspace: string;

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-tarball-'));
  });
  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('scaffolds a project whose npm install, npm test and npm run package pass', () => {
    const packed = npm(['pack', REPO_ROOT, '--pack-destination', workspace, '--silent'], workspace);
    expect(packed.status, packed.stderr).to.equal(0);
    const tarball = packed.stdout.trim().split('\n').pop() ?? '';
    expect(tarball).to.match(/^appc-\d+\.\d+\.\d+\.tgz$/);

    // appc installed from the tarball, as `npm install ./appc-x.tgz` or npx would.
    const tool = path.join(workspace, 'tool');
    fs.mkdirSync(tool);
    fs.writeFileSync(path.join(tool, 'package.json'), '{ "private": true }\n');
    const installed = npm(['install', path.join('..', tarball)], tool);
    expect(installed.status, installed.stderr).to.equal(0);

    const created = run(
      process.execPath,
      [path.join(tool, 'node_modules', '.bin', 'appc'), 'new-project', 'myapp'],
      workspace,
    );
    expect(created.status, created.stderr).to.equal(0);
    const project = path.join(workspace, 'myapp');
    const manifest = JSON.parse(fs.readFileSync(path.join(project, 'package.json'), 'utf8'));
    expect(manifest.dependencies).to.deep.equal({ appc: `file:../${tarball}` });

    const projectInstall = npm(['install'], project);
    expect(projectInstall.status, projectInstall.stderr).to.equal(0);
    const tested = npm(['test'], project);
    expect(tested.status, tested.stdout + tested.stderr).to.equal(0);
    expect(tested.stdout)
      .to.match(/^# pass 1$/m)
      .and.match(/^# fail 0$/m);

    const packaged = npm(['run', 'package'], project);
    expect(packaged.status, packaged.stderr).to.equal(0);
    expect(fs.readdirSync(path.join(project, 'out')).sort()).to.deep.equal([
      'deployment.zip',
      'sam.json',
      'swagger.json',
    ]);

    // The test is real: a handler that answers something else fails it.
    const app = path.join(project, 'app.ts');
    fs.writeFileSync(app, fs.readFileSync(app, 'utf8').replace("hello: 'world'", "hello: 'moon'"));
    const failing = npm(['test'], project);
    expect(failing.status).to.not.equal(0);
    expect(failing.stdout).to.match(/^# fail 1$/m);
  });
});
