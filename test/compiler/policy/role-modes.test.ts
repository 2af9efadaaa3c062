import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { packageProject } from '../../../src/compiler/compile';
import { FIXTURES_DIR } from '../../support/fixtures';
import type { JsonDoc } from '../../support/json-doc';

type Template = { Resources: Record<string, { Type: string; Properties: Record<string, JsonDoc> }> };

async function packaged(dir: string) {
  const result = await packageProject({ projectDir: dir, stage: 'dev', templateFormat: 'json' });
  const sam = result.files?.find((f) => f.name === 'sam.json');
  return { diagnostics: result.diagnostics, template: sam ? (JSON.parse(sam.data as string) as Template) : undefined };
}

const rolesOf = (template: Template) =>
  Object.entries(template.Resources)
    .filter(([, r]) => r.Type === 'AWS::IAM::Role')
    .map(([id]) => id);
const roleOf = (template: Template, fn: string) => template.Resources[fn].Properties.Role;
const documentOf = (template: Template, role: string) => template.Resources[role].Properties.Policies[0].PolicyDocument;

/** A copy of a fixture app with its `.appc/` replaced by `appc` (file name -> content). */
function variant(fixture: string, appc: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-roles-'));
  fs.cpSync(path.join(FIXTURES_DIR, fixture), dir, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}expected`) && !src.includes(`${path.sep}.appc`),
  });
  fs.mkdirSync(path.join(dir, '.appc'));
  for (const [name, text] of Object.entries(appc)) fs.writeFileSync(path.join(dir, '.appc', name), text);
  return dir;
}

describe('IAM role modes end to end through appc package (README "IAM policy")', function () {
  this.timeout(60000);
  const temps: string[] = [];
  const temp = (dir: string) => (temps.push(dir), dir);
  after(() => temps.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('autogen (default): one DefaultRole shared by every function, generated statements before CloudWatch Logs', async () => {
    const { diagnostics, template } = await packaged(path.join(FIXTURES_DIR, 'policy-three-clients'));
    expect(diagnostics).to.deep.equal([]);
    expect(rolesOf(template!)).to.deep.equal(['DefaultRole']);
    expect(roleOf(template!, 'APIHandler')).to.deep.equal({ 'Fn::GetAtt': ['DefaultRole', 'Arn'] });
    const statements = documentOf(template!, 'DefaultRole').Statement;
    expect(statements.map((s: { Sid?: string }) => s.Sid)).to.deep.equal(['Dynamodb', 'S3', 'Sqs', undefined]);
    expect(statements[1]).to.deep.equal({
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject'],
      Resource: ['*'],
      Sid: 'S3',
    });
    expect(statements[3].Action).to.deep.equal(['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents']);
  });

  it('autogen: the warnings of calls it cannot map come with the package, which still succeeds', async () => {
    const { diagnostics, template } = await packaged(path.join(FIXTURES_DIR, 'policy-unmappable'));
    expect(template).to.not.equal(undefined);
    expect(diagnostics.map((d) => `${d.severity} ${d.code} ${d.location?.line}`)).to.deep.equal([
      'warning APPC502 18',
      'warning APPC503 19',
      'warning APPC503 20',
      'warning APPC502 21',
      'warning APPC501 22',
      'warning APPC503 23',
    ]);
  });

  it('autogen_policy false: one role per function with its policy file, nothing generated, no policy warnings', async () => {
    const { diagnostics, template } = await packaged(path.join(FIXTURES_DIR, 'policy-role-file'));
    expect(diagnostics).to.deep.equal([]);
    expect(rolesOf(template!).sort()).to.deep.equal(['ApiHandlerRole', 'WorkerRole']);
    expect(roleOf(template!, 'Worker')).to.deep.equal({ 'Fn::GetAtt': ['WorkerRole', 'Arn'] });
    const read = (file: string) =>
      JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'policy-role-file', '.appc', file), 'utf8'));
    expect(documentOf(template!, 'ApiHandlerRole')).to.deep.equal(read('policy-dev.json'));
    expect(documentOf(template!, 'WorkerRole')).to.deep.equal(read('worker-policy.json'));

    const unmappable = temp(
      variant('policy-unmappable', {
        'config.json': '{ "autogen_policy": false }',
        'policy-dev.json':
          '{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:*", "Resource": "*" }] }',
      }),
    );
    const quiet = await packaged(unmappable);
    expect(quiet.diagnostics.filter((d) => d.code.startsWith('APPC5'))).to.deep.equal([]);
    expect(rolesOf(quiet.template!)).to.deep.equal(['ApiHandlerRole']);
  });

  it('manage_iam_role false: no role resource; each function uses its iam_role_arn', async () => {
    const { diagnostics, template } = await packaged(path.join(FIXTURES_DIR, 'policy-role-none'));
    expect(diagnostics).to.deep.equal([]);
    expect(rolesOf(template!)).to.deep.equal([]);
    expect(roleOf(template!, 'APIHandler')).to.equal('arn:aws:iam::123456789012:role/existing');
    expect(roleOf(template!, 'Worker')).to.equal('arn:aws:iam::123456789012:role/worker');
  });

  it('a missing or malformed policy file, or a missing iam_role_arn, is an error and nothing is packaged', async () => {
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [
        { 'config.json': '{ "autogen_policy": false }' },
        'APPC407',
        /IAM policy file \.appc\/policy-dev\.json not found/,
      ],
      [
        { 'config.json': '{ "autogen_policy": false }', 'policy-dev.json': '{ "Statement": [' },
        'APPC408',
        /not valid JSON/,
      ],
      [
        { 'config.json': '{ "autogen_policy": false }', 'policy-dev.json': '{ "Version": "2012-10-17" }' },
        'APPC408',
        /not a policy document/,
      ],
      [
        { 'config.json': '{ "autogen_policy": false }', 'policy-dev.json': '{ "Statement": "s3:*" }' },
        'APPC408',
        /not a policy document/,
      ],
      [
        { 'config.json': '{ "autogen_policy": false }', 'policy-dev.json': '{ "Statement": [] }' },
        'APPC408',
        /not a policy document/,
      ],
      [{ 'config.json': '{ "manage_iam_role": false }' }, 'APPC105', /no iam_role_arn/],
    ];
    for (const [files, code, message] of cases) {
      const { diagnostics, template } = await packaged(temp(variant('policy-three-clients', files)));
      expect(template, JSON.stringify(files)).to.equal(undefined);
      const errors = diagnostics.filter((d) => d.severity === 'error');
      expect(
        errors.map((d) => d.code),
        JSON.stringify(files),
      ).to.deep.equal([code]);
      expect(errors[0].message).to.match(message);
    }
  });
});
