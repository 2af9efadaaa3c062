import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { parse } from 'yaml';
import { ERROR_FIXTURES_DIR, FIXTURES_DIR, REPO_ROOT } from '../support/fixtures';

const BIN = path.join(REPO_ROOT, 'bin', 'appc.js');

/** Runs the built CLI (`npm run build` first; `make test` does) in a fresh process. */
function appc(args: string[], cwd = REPO_ROOT): { status: number | null; stdout: string; stderr: string } {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` (make test does) before the CLI tests');
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `appc-cli-${prefix}-`));
}

describe('appc command line', function () {
  this.timeout(60000);

  it('--version prints the package version; --help lists the commands', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(appc(['--version'])).to.include({ status: 0, stdout: `${version}\n` });
    const help = appc(['--help']);
    expect(help.status).to.equal(0);
    expect(help.stdout).to.contain('appc package OUT').and.contain('Exit codes');
    const packageHelp = appc(['package', '--help']);
    expect(packageHelp.status).to.equal(0);
    expect(packageHelp.stdout).to.contain('--merge-template FILE').and.contain('all or nothing');
  });

  it('exits 2 on bad usage, with the reason and the usage', () => {
    for (const args of [['frobnicate'], ['package'], ['package', 'a', 'b'], ['package', 'out', '--template-format', 'xml'], ['package', 'out', '--bogus']]) {
      const result = appc(args);
      expect(result.status, args.join(' ')).to.equal(2);
      expect(result.stderr, args.join(' ')).to.match(/^appc: .+\n\nappc: AWS Chalice for TypeScript/);
    }
  });

  it('packages an app, printing one line per step with its duration', () => {
    const out = path.join(tempDir('ok'), 'out');
    const result = appc(['package', out, '--project-dir', path.join(FIXTURES_DIR, 'hello')]);
    expect(result.status, result.stderr).to.equal(0);
    // A step over a second prints seconds (a loaded CI machine analyses hello in more than 1000 ms).
    expect(result.stdout).to.match(/^Analyzing the app\.+ (\d+ ms|\d+\.\d\d s)$/m).and.match(/^Building deployment\.zip\.+ (\d+ ms|\d+\.\d\d s)$/m);
    expect(result.stdout).to.match(/^Wrote sam\.json, swagger\.json, deployment\.zip to .+ in \d+/m);
    expect(fs.readdirSync(out).sort()).to.deep.equal(['deployment.zip', 'sam.json', 'swagger.json']);
  });

  it('exits 1 on project errors, prints diagnostics without a stack trace, and leaves OUT as it was', () => {
    const out = path.join(tempDir('bad'), 'out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'sam.json'), 'previous run');
    const result = appc(['package', out, '--project-dir', path.join(ERROR_FIXTURES_DIR, 'validate-many-problems')]);
    expect(result.status).to.equal(1);
    expect(result.stderr).to.contain('app.ts:4:1 - error APPC303').and.contain('Found 3 errors.').and.contain('Nothing was written');
    expect(result.stderr).to.not.match(/\n\s+at /);
    expect(result.stderr).to.not.contain('\x1b[');
    expect(fs.readdirSync(out)).to.deep.equal(['sam.json']);
    expect(fs.readFileSync(path.join(out, 'sam.json'), 'utf8')).to.equal('previous run');
    const missing = path.join(tempDir('bad'), 'never');
    expect(appc(['package', missing, '--project-dir', path.join(ERROR_FIXTURES_DIR, 'analyze-syntax-error')]).status).to.equal(1);
    expect(fs.existsSync(missing)).to.equal(false);
  });

  it('is deterministic: the same project packaged twice, from two places, gives identical bytes', () => {
    const [a, b] = [tempDir('copy-a'), tempDir('copy-b-with-a-longer-name')];
    for (const dir of [a, b]) fs.cpSync(path.join(FIXTURES_DIR, 'blueprints'), path.join(dir, 'project'), { recursive: true });
    const outputs = [path.join(a, 'project'), path.join(b, 'project'), path.join(b, 'project')].map((project, i) => {
      const out = path.join(path.dirname(project), `out${i}`);
      expect(appc(['package', out, '--project-dir', project], path.dirname(project)).status).to.equal(0);
      return out;
    });
    for (const file of ['sam.json', 'swagger.json', 'deployment.zip']) {
      const [first, ...rest] = outputs.map((out) => fs.readFileSync(path.join(out, file)));
      for (const other of rest) expect(Buffer.compare(first, other), file).to.equal(0);
    }
    const zip = fs.readFileSync(path.join(outputs[0], 'deployment.zip'));
    expect(zip.includes(Buffer.from(a)), 'no absolute paths in the zip').to.equal(false);
  });

  it('--template-format yaml writes sam.yaml with the same template', () => {
    const dir = tempDir('yaml');
    const project = path.join(FIXTURES_DIR, 'schedules');
    expect(appc(['package', path.join(dir, 'json'), '--project-dir', project]).status).to.equal(0);
    expect(appc(['package', path.join(dir, 'yaml'), '--project-dir', project, '--template-format', 'yaml']).status).to.equal(0);
    expect(fs.readdirSync(path.join(dir, 'yaml')).sort()).to.deep.equal(['deployment.zip', 'sam.yaml']);
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'json', 'sam.json'), 'utf8'));
    expect(parse(fs.readFileSync(path.join(dir, 'yaml', 'sam.yaml'), 'utf8'))).to.deep.equal(json);
  });

  it('--merge-template deep-merges a YAML template with short-form intrinsics over the generated one', () => {
    const dir = tempDir('merge');
    const merge = path.join(dir, 'extra.yml');
    fs.writeFileSync(merge, [
      'Resources:',
      '  APIHandler:',
      '    Properties:',
      '      MemorySize: 512',
      '      Tags: { owner: platform }',
      '  Table:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      TableName: !Sub "${AWS::StackName}-table"',
      '      BillingMode: PAY_PER_REQUEST',
      '      KeySchema: [{ AttributeName: id, KeyType: HASH }]',
      '      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]',
      'Outputs:',
      '  TableArn:',
      '    Value: !GetAtt Table.Arn',
      '  TableName:',
      '    Value: !Ref Table',
      '',
    ].join('\n'));
    const result = appc(['package', path.join(dir, 'out'), '--project-dir', path.join(FIXTURES_DIR, 'hello'), '--merge-template', merge]);
    expect(result.status, result.stderr).to.equal(0);
    const template = parse(fs.readFileSync(path.join(dir, 'out', 'sam.yaml'), 'utf8'));
    const handler = template.Resources.APIHandler.Properties;
    expect(handler.MemorySize).to.equal(512);
    expect(handler.Runtime).to.match(/^nodejs\d+\.x$/);
    expect(handler.Tags, 'objects merge key by key').to.deep.equal({ appc: handler.Tags.appc, owner: 'platform' });
    expect(template.Resources.Table.Properties.TableName).to.deep.equal({ 'Fn::Sub': '${AWS::StackName}-table' });
    expect(template.Outputs.TableArn.Value).to.deep.equal({ 'Fn::GetAtt': ['Table', 'Arn'] });
    expect(template.Outputs.TableName.Value).to.deep.equal({ Ref: 'Table' });
    expect(template.Outputs.EndpointURL, 'generated outputs stay').to.not.equal(undefined);
  });

  it("checks the config's Lambda runtime against today's date: a blocked runtime fails the package, nothing written", () => {
    const out = path.join(tempDir('runtime-blocked'), 'out');
    const result = appc(['package', out, '--project-dir', path.join(FIXTURES_DIR, '_error_', 'package-runtime-blocked')]);
    expect(result.status).to.equal(1);
    expect(result.stderr).to.contain('.appc/config.json:3:21 - error APPC413: lambda_runtime nodejs20.x can no longer be deployed');
    expect(fs.existsSync(out)).to.equal(false);
  });

  it('reports a missing or broken merge template as a diagnostic', () => {
    const dir = tempDir('merge-bad');
    fs.writeFileSync(path.join(dir, 'bad.json'), '{ "Resources": ');
    const missing = appc(['package', path.join(dir, 'out'), '--project-dir', path.join(FIXTURES_DIR, 'hello'), '--merge-template', path.join(dir, 'nope.json')]);
    expect(missing.status).to.equal(1);
    expect(missing.stderr).to.contain('error APPC411: merge template').and.contain('not found');
    const broken = appc(['package', path.join(dir, 'out'), '--project-dir', path.join(FIXTURES_DIR, 'hello'), '--merge-template', path.join(dir, 'bad.json')]);
    expect(broken.status).to.equal(1);
    expect(broken.stderr).to.contain('error APPC412: merge template bad.json cannot be parsed');
    expect(fs.existsSync(path.join(dir, 'out'))).to.equal(false);
  });
});
