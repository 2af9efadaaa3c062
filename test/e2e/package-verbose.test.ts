import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { unzipSync } from 'fflate';
import { packageCommand } from '../../src/cli/package-command';
import { plant, tempDir } from '../compiler/package/zip-project';

/** Runs `appc package ...args` (args after `package`) in-process, capturing what it prints. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const [stdout, stderr] = [new PassThrough(), new PassThrough()];
  const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  stdout.on('data', (c: Buffer) => chunks.stdout.push(c));
  stderr.on('data', (c: Buffer) => chunks.stderr.push(c));
  const code = await packageCommand(args, { stdout, stderr });
  return {
    code,
    stdout: Buffer.concat(chunks.stdout).toString('utf8'),
    stderr: Buffer.concat(chunks.stderr).toString('utf8'),
  };
}

const APP =
  "import { App } from 'appc';\nexport const app = new App({ appName: 'verbose' });\napp.route('/', () => ({}));\n";

describe('appc package --verbose and OUT inside lib/', function () {
  this.timeout(60000);

  function project(): string {
    const dir = tempDir('verbose');
    fs.writeFileSync(path.join(dir, 'app.ts'), APP);
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'verbose', version: '1.0.0', dependencies: {} }),
    );
    plant(dir, ['lib/data.json', 'lib/.env', 'lib/keys/id_rsa', 'vendor/.DS_Store']);
    return dir;
  }

  it('lists every file left out of deployment.zip with its reason', async () => {
    const dir = project();
    const out = path.join(tempDir('verbose-out'), 'out');
    const result = await run([out, '--project-dir', dir, '--verbose']);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr.split('\n').filter((l) => l.startsWith('Left out'))).to.deep.equal([
      'Left out of deployment.zip: lib/.env (environment file)',
      'Left out of deployment.zip: lib/keys/id_rsa (SSH key)',
      'Left out of deployment.zip: vendor/.DS_Store (OS file)',
    ]);
    const quiet = await run([out, '--project-dir', dir]);
    expect(quiet.stderr).not.to.contain('Left out');
    expect(quiet.stdout).to.equal('');
  });

  it('never packs OUT into the next zip when OUT is inside lib/', async () => {
    const dir = project();
    const out = path.join(dir, 'lib', 'out');
    expect((await run([out, '--project-dir', dir])).code).to.equal(0);
    const first = fs.readFileSync(path.join(out, 'deployment.zip'));
    const second = await run([path.relative(process.cwd(), out), '--project-dir', dir, '--verbose']);
    expect(second.code, second.stderr).to.equal(0);
    expect(second.stderr).to.contain('Left out of deployment.zip: lib/out (the output directory (OUT))');
    const zip = fs.readFileSync(path.join(out, 'deployment.zip'));
    expect(Object.keys(unzipSync(zip))).to.deep.equal(['app.js', 'lib/data.json']);
    expect(zip.equals(first)).to.equal(true);
  });
});
