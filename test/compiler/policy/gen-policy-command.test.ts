import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { expect } from 'chai';
import { main } from '../../../src/cli/main';
import { ERROR_FIXTURES_DIR, FIXTURES_DIR } from '../../support/fixtures';

/** Runs `appc ...args` in-process, collecting stdout and stderr. */
async function appc(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const [stdout, stderr] = [new PassThrough(), new PassThrough()];
  const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  stdout.on('data', (c: Buffer) => chunks.stdout.push(c));
  stderr.on('data', (c: Buffer) => chunks.stderr.push(c));
  const status = await main(args, { stdout, stderr });
  return { status, stdout: Buffer.concat(chunks.stdout).toString(), stderr: Buffer.concat(chunks.stderr).toString() };
}

describe('appc gen-policy', function () {
  this.timeout(30000);

  it('prints the generated policy (the golden policy.json) and nothing on stderr', async () => {
    const dir = path.join(FIXTURES_DIR, 'policy-three-clients');
    const result = await appc(['gen-policy', '--project-dir', dir]);
    expect(result).to.deep.equal({
      status: 0,
      stdout: fs.readFileSync(path.join(dir, 'expected', 'policy.json'), 'utf8'),
      stderr: '',
    });
  });

  it('prints the generated policy whatever the role settings, for the stage asked', async () => {
    const dir = path.join(FIXTURES_DIR, 'policy-role-none');
    const result = await appc(['gen-policy', '--stage', 'prod', '--project-dir', dir]);
    expect(result.status).to.equal(0);
    expect(JSON.parse(result.stdout).Statement.map((s: { Sid?: string }) => s.Sid)).to.deep.equal([
      'Dynamodb',
      'S3',
      undefined,
      undefined,
    ]);
  });

  it('puts the warnings of calls it cannot map on stderr and still exits 0', async () => {
    const dir = path.join(FIXTURES_DIR, 'policy-unmappable');
    const result = await appc(['gen-policy', '--project-dir', dir]);
    expect(result.status).to.equal(0);
    expect(result.stdout).to.equal(fs.readFileSync(path.join(dir, 'expected', 'policy.json'), 'utf8'));
    expect(result.stderr).to.equal(fs.readFileSync(path.join(dir, 'expected', 'diagnostics.txt'), 'utf8'));
  });

  it('exits 1 with the diagnostics when the project has errors, printing no policy', async () => {
    const result = await appc(['gen-policy', '--project-dir', path.join(ERROR_FIXTURES_DIR, 'validate-many-problems')]);
    expect(result.status).to.equal(1);
    expect(result.stdout).to.equal('');
    expect(result.stderr).to.contain('error APPC303').and.contain('Found 3 errors.');
  });

  it('exits 2 on bad usage and 0 on --help', async () => {
    for (const args of [
      ['gen-policy', 'extra'],
      ['gen-policy', '--bogus'],
      ['gen-policy', '--project-dir', path.join(FIXTURES_DIR, 'nope')],
    ]) {
      const result = await appc(args);
      expect(result.status, args.join(' ')).to.equal(2);
      expect(result.stderr, args.join(' ')).to.match(/^appc: .+\n\nUsage: appc gen-policy \[options\]\n/);
    }
    const help = await appc(['gen-policy', '--help']);
    expect(help.status).to.equal(0);
    expect(help.stdout).to.contain('Usage: appc gen-policy').and.contain('--stage NAME');
    expect((await appc(['--help'])).stdout).to.contain('appc gen-policy');
  });
});
