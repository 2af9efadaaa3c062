import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { policyInput, resourcePolicy } from '../../../src/compiler/output/policy-input';
import type { AppModel } from '../../../src/compiler/model/app-model';
import { appModel, pureFn, resolvedConfig, route, scheduleFn, type ConfigOptions } from '../emit/builders';

const POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };
const at = { file: 'app.ts', line: 3, column: 1, length: 5 };

/** A project directory holding `files` (paths relative to it). */
function project(files: Record<string, string> = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'appc-policy-input-')));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const withFiles = (model: AppModel, options: ConfigOptions = {}) =>
  resolvedConfig(model, { ...options, all: { autogenPolicy: false, ...options.all } });

describe('policy-input', () => {
  describe('policyInput', () => {
    it('no role when manage_iam_role is false, without reading anything', () => {
      const model = appModel({ routes: [route('/')] });
      const config = resolvedConfig(model, { all: { manageIamRole: false, autogenPolicy: false } });
      expect(policyInput('/no/such/project', model, config)).to.deep.equal({
        policy: { mode: 'none' },
        diagnostics: [],
      });
    });

    it("generates the document from the app's SDK calls, with the warnings of what it could not tell", () => {
      const model = appModel({
        sdk: {
          calls: [
            { module: '@aws-sdk/client-s3', operation: 'PutObject', location: at },
            { module: '@aws-sdk/client-s3', operation: 'GetObject', location: at },
          ],
          unresolved: [{ reason: 'the command of s3.send(command) is not known', location: at }],
        },
      });
      const { policy, diagnostics } = policyInput('/no/such/project', model, resolvedConfig(model));
      expect(policy).to.deep.equal({
        mode: 'autogen',
        document: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: ['*'] }],
        },
      });
      expect(diagnostics.map((d) => [d.code, d.severity])).to.deep.equal([['APPC503', 'warning']]);
    });

    it("reads each function's policy file from .appc/: policy-<stage>.json, or its iam_policy_file", () => {
      const other = { ...POLICY, Statement: { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' } };
      const dir = project({
        '.appc/policy-dev.json': JSON.stringify(POLICY),
        // A byte order mark, as some editors write, is skipped.
        'policies/worker.json': `\ufeff${JSON.stringify(other)}`,
      });
      const model = appModel({
        routes: [route('/')],
        functions: [pureFn('worker'), scheduleFn('nightly', 'rate(1 day)')],
      });
      const config = withFiles(model, { functions: { worker: { iamPolicyFile: '../policies/worker.json' } } });
      expect(policyInput(dir, model, config)).to.deep.equal({
        policy: { mode: 'file', documents: { api_handler: POLICY, worker: other, nightly: POLICY } },
        diagnostics: [],
      });
    });

    it('no api_handler policy for an app without routes', () => {
      const dir = project({ '.appc/policy-dev.json': JSON.stringify(POLICY) });
      const model = appModel({ functions: [pureFn('worker')] });
      expect(policyInput(dir, model, withFiles(model)).policy).to.deep.equal({
        mode: 'file',
        documents: { worker: POLICY },
      });
    });

    it('APPC407 once for a missing file several functions share', () => {
      const model = appModel({ routes: [route('/')], functions: [pureFn('a'), pureFn('b')] });
      const { policy, diagnostics } = policyInput(project(), model, withFiles(model));
      expect(policy).to.deep.equal({ mode: 'file', documents: {} });
      expect(diagnostics.map((d) => [d.code, d.severity, d.message, d.remedy])).to.deep.equal([
        [
          'APPC407',
          'error',
          'IAM policy file .appc/policy-dev.json not found',
          'Create .appc/policy-dev.json with the policy document, or change the setting that names it in .appc/config.json.',
        ],
      ]);
    });

    it('APPC408 for a file that is not JSON, with its position, or not a policy document', () => {
      const dir = project({
        '.appc/policy-dev.json': '{"Version": "2012-10-17",\n  "Statement": [}',
        '.appc/empty.json': JSON.stringify({ Version: '2012-10-17', Statement: [] }),
        '.appc/list.json': '[]',
      });
      const model = appModel({ routes: [route('/')], functions: [pureFn('a'), pureFn('b')] });
      const config = withFiles(model, {
        functions: { a: { iamPolicyFile: 'empty.json' }, b: { iamPolicyFile: 'list.json' } },
      });
      const { diagnostics } = policyInput(dir, model, config);
      expect(diagnostics.map((d) => d.code)).to.deep.equal(['APPC408', 'APPC408', 'APPC408']);
      expect(diagnostics[0].message).to.match(/^IAM policy file \.appc\/policy-dev\.json is not valid JSON: /);
      expect(diagnostics[0].location).to.include({ file: '.appc/policy-dev.json', line: 2 });
      const notAPolicy = '"Statement" must be a statement object or a list of them';
      expect(diagnostics[1].message).to.equal(
        `IAM policy file .appc/empty.json is not a policy document (${notAPolicy})`,
      );
      expect(diagnostics[2].message).to.equal(
        `IAM policy file .appc/list.json is not a policy document (${notAPolicy})`,
      );
    });

    it('APPC447 for a policy file outside the project, by its path or through a symbolic link', () => {
      const outside = project({ 'policy.json': JSON.stringify(POLICY) });
      const dir = project();
      fs.mkdirSync(path.join(dir, '.appc'));
      fs.symlinkSync(path.join(outside, 'policy.json'), path.join(dir, '.appc', 'linked.json'));
      const model = appModel({ functions: [pureFn('a'), pureFn('b')] });
      const config = withFiles(model, {
        functions: { a: { iamPolicyFile: '../../policy.json' }, b: { iamPolicyFile: 'linked.json' } },
      });
      const { policy, diagnostics } = policyInput(dir, model, config);
      expect(policy).to.deep.equal({ mode: 'file', documents: {} });
      expect(diagnostics.map((d) => [d.code, d.message])).to.deep.equal([
        ['APPC447', 'IAM policy file .appc/../../policy.json leaves the project directory'],
        [
          'APPC447',
          `IAM policy file .appc/linked.json is a symbolic link to ${path.join(outside, 'policy.json')}, outside the project`,
        ],
      ]);
    });
  });

  describe('resourcePolicy', () => {
    it('nothing without api_gateway_policy_file', () => {
      const model = appModel({ routes: [route('/')] });
      expect(resourcePolicy('/no/such/project', resolvedConfig(model))).to.deep.equal({ diagnostics: [] });
    });

    it('reads api_gateway_policy_file from .appc/', () => {
      const dir = project({ '.appc/api-policy.json': JSON.stringify(POLICY) });
      const config = resolvedConfig(appModel(), { apiGatewayPolicyFile: 'api-policy.json' });
      expect(resourcePolicy(dir, config)).to.deep.equal({ policy: POLICY, diagnostics: [] });
    });

    it('APPC447 for a file outside .appc/, even inside the project', () => {
      const dir = project({ 'api-policy.json': JSON.stringify(POLICY) });
      const config = resolvedConfig(appModel(), { apiGatewayPolicyFile: '../api-policy.json' });
      const { policy, diagnostics } = resourcePolicy(dir, config);
      expect(policy).to.equal(undefined);
      expect(diagnostics.map((d) => [d.code, d.message, d.remedy])).to.deep.equal([
        [
          'APPC447',
          'IAM policy file .appc/../api-policy.json leaves .appc/',
          'Keep policy files in .appc/ and name them relative to .appc/.',
        ],
      ]);
    });
  });
});
