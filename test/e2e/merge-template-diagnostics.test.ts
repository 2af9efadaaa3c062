/**
 * `appc package --merge-template` with broken templates, through the command line: syntax errors at their line and
 * column with a code frame, and a merged result that breaks the AWS resource specification rejected at the merge
 * template's node, with OUT left as it was.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { FIXTURES_DIR } from '../support/fixtures';
import { runMain } from '../support/run-main';

describe('appc package --merge-template: diagnostics in the merge template', function () {
  this.timeout(120000);
  let dir: string;
  let project: string;
  let out: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-merge-diag-'));
    project = path.join(dir, 'project');
    out = path.join(dir, 'out');
    fs.cpSync(path.join(FIXTURES_DIR, 'hello'), project, {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}expected`),
    });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Packages the project with `text` as the merge template `name` inside it; OUT holds a previous run. */
  async function packageWith(name: string, text: string) {
    fs.writeFileSync(path.join(project, name), text);
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'sam.json'), 'previous run');
    const args = ['package', out, '--project-dir', project, '--merge-template', path.join(project, name)];
    return runMain(args);
  }

  it('reports a JSON syntax error at path:line:col with a code frame, not a character position', async () => {
    const result = await packageWith('merge.json', '{\n  "Resources": {\n    "Extra": 1,\n  }\n}\n');
    expect(result.status).to.equal(1);
    expect(result.stderr).to.contain(
      [
        'merge.json:3:15 - error APPC412: merge template merge.json cannot be parsed: trailing comma',
        '  3 |     "Extra": 1,',
        '    |               ^',
        '  Fix the JSON/YAML syntax of the merge template.',
      ].join('\n'),
    );
    expect(result.stderr).to.not.contain('position');
  });

  it('reports a YAML syntax error at path:line:col with a code frame', async () => {
    const result = await packageWith('merge.yaml', 'Resources:\n  Extra:\n    Type: [a, b\n  Other: 1\n');
    expect(result.status).to.equal(1);
    expect(result.stderr).to.match(
      /^merge\.yaml:4:\d+ - error APPC412: merge template merge\.yaml cannot be parsed: /m,
    );
    expect(result.stderr).to.contain('  4 |   Other: 1\n');
  });

  it('rejects "MemorySize": "big" at the property, with the path and the expected type, and writes nothing', async () => {
    const merge = {
      Resources: { APIHandler: { Properties: { MemorySize: 'big', Timeout: 30 } } },
      Outputs: { Extra: { Value: 1 } },
    };
    const result = await packageWith('merge.json', `${JSON.stringify(merge, null, 2)}\n`);
    expect(result.status).to.equal(1);
    expect(result.stderr).to.contain(
      [
        `merge.json:5:23 - error APPC410: the merged template's Resources.APIHandler.Properties.MemorySize: expected a number, got "big"`,
        '  5 |         "MemorySize": "big",',
        '    |                       ^^^^^',
        '  Fix it in the merge template: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-resource-type-ref.html.',
      ].join('\n'),
    );
    expect(result.stderr).to.contain('Found 1 error.');
    expect(fs.readdirSync(out)).to.deep.equal(['sam.json']);
    expect(fs.readFileSync(path.join(out, 'sam.json'), 'utf8')).to.equal('previous run');
  });

  it('checks YAML the same way, and warns (APPC409) about a property the specification does not list', async () => {
    const yaml = [
      'Resources:',
      '  Queue:',
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      '      VisibilityTimeout: !Ref Timeout',
      '      DelaySeconds: soon',
      '      Fifo: true',
      '  Hook:',
      '    Type: Custom::Hook',
      '    Properties:',
      '      ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:hook',
      '      Anything: [1, 2]',
      '',
    ].join('\n');
    const result = await packageWith('merge.yaml', yaml);
    expect(result.status).to.equal(1);
    expect(result.stderr).to.contain(
      [
        'merge.yaml:6:21 - error APPC410: the merged template\'s Resources.Queue.Properties.DelaySeconds: expected an integer, got "soon"',
        '  6 |       DelaySeconds: soon',
        '    |                     ^^^^',
      ].join('\n'),
    );
    expect(result.stderr).to.contain(
      [
        "merge.yaml:7:7 - warning APPC409: the merged template's Resources.Queue.Properties: unknown property Fifo of AWS::SQS::Queue, per the AWS resource specification appc ships",
        '  7 |       Fifo: true',
        '    |       ^^^^',
      ].join('\n'),
    );
    expect(result.stderr).to.not.contain('Hook');
    expect(result.stderr).to.contain('Found 1 error, 1 warning.');
  });

  it('packages a merge template the specification accepts', async () => {
    const merge = { Resources: { APIHandler: { Properties: { MemorySize: 1024 } } } };
    const result = await packageWith('merge.json', JSON.stringify(merge));
    expect(result.status, result.stderr).to.equal(0);
    const sam = JSON.parse(fs.readFileSync(path.join(out, 'sam.json'), 'utf8'));
    expect(sam.Resources.APIHandler.Properties.MemorySize).to.equal(1024);
  });
});
