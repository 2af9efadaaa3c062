import { expect } from 'chai';
import type { PolicyInput } from '../../../src/compiler/emit/sam';
import { appModel, dynamodbFn, kinesisFn, pureFn, resolvedConfig, route, sqsFn } from './builders';
import { samFor, type Doc } from './sam-helpers';

const LOGS = { Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: 'arn:*:logs:*:*:*' };
const statementsOf = (sam: Doc) => sam.Resources.DefaultRole.Properties.Policies[0].PolicyDocument.Statement;

describe('emitSam: the generated policy (autogen)', () => {
  const model = appModel({ routes: [route('/')] });
  const autogen = (statements: object[]): PolicyInput => ({ mode: 'autogen', statements: statements as never });

  it('puts analysis statements before the logs statement, with Sids derived from their services', () => {
    const s3 = { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: ['*'] };
    const ddb = { Effect: 'Allow', Action: ['dynamodb:GetItem'], Resource: ['*'] };
    const statements = statementsOf(samFor(model, undefined, { policy: autogen([ddb, s3]) }));
    expect(statements).to.deep.equal([{ ...ddb, Sid: 'Dynamodb' }, { ...s3, Sid: 'S3' }, LOGS]);
    expect(Object.keys(statements[0])).to.deep.equal(['Effect', 'Action', 'Resource', 'Sid']);
  });

  it('gives the same template on every run and numbers Sids that would repeat', () => {
    const input = autogen([
      { Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::a/*'] },
      { Effect: 'Allow', Action: ['s3:PutObject'], Resource: ['arn:aws:s3:::b/*'] },
      { Sid: 'Mine', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' },
    ]);
    const first = statementsOf(samFor(model, undefined, { policy: input }));
    expect(first.map((s: Doc) => s.Sid)).to.deep.equal(['S3', 'S32', 'Mine', undefined]);
    expect(statementsOf(samFor(model, undefined, { policy: input }))).to.deep.equal(first);
  });

  it('never emits a statement twice', () => {
    const s3 = { Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['*'] };
    const statements = statementsOf(samFor(model, undefined, { policy: autogen([s3, { ...s3 }, LOGS]) }));
    expect(statements).to.deep.equal([{ ...s3, Sid: 'S3' }, { ...LOGS, Sid: 'Logs' }]);
  });

  it('adds the VPC and X-Ray statements once when any function uses them', () => {
    const withWorker = appModel({ routes: [route('/')], functions: [pureFn('worker'), pureFn('other')] });
    const vpc = { subnetIds: ['subnet-1'], securityGroupIds: ['sg-1'], xray: true };
    const config = resolvedConfig(withWorker, { functions: { worker: vpc, other: vpc } });
    const actions = statementsOf(samFor(withWorker, config)).map((s: Doc) => s.Action[0]);
    expect(actions).to.deep.equal(['logs:CreateLogGroup', 'ec2:CreateNetworkInterface', 'xray:PutTraceSegments']);
  });

  it('adds each polling event source statement once, in order of first use', () => {
    const sources = appModel({
      functions: [kinesisFn('k1', 's'), sqsFn('q1', { queue: 'a' }), sqsFn('q2', { queue: 'b' }), dynamodbFn('d1', 'arn:ddb'), kinesisFn('k2', 't')],
    });
    const statements = statementsOf(samFor(sources));
    expect(statements.slice(1)).to.deep.equal([
      { Effect: 'Allow', Action: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStream', 'kinesis:ListStreams'], Resource: '*' },
      { Effect: 'Allow', Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'], Resource: '*' },
      { Effect: 'Allow', Action: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'], Resource: '*' },
    ]);
  });
});

describe('emitSam: policy files and existing roles', () => {
  const model = appModel({ routes: [route('/')], functions: [sqsFn('on_q', { queue: 'jobs' })] });
  const apiDoc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] };
  const workerDoc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }] };

  it('gives each function its own role with the file document as is', () => {
    const sam = samFor(model, undefined, { policy: { mode: 'file', documents: { api_handler: apiDoc, on_q: workerDoc } } });
    expect(Object.keys(sam.Resources)).to.deep.equal(['OnQRole', 'OnQ', 'ApiHandlerRole', 'RestAPI', 'APIHandler', 'APIHandlerInvokePermission']);
    expect(sam.Resources.ApiHandlerRole.Properties.Policies).to.deep.equal([{ PolicyDocument: apiDoc, PolicyName: 'ApiHandlerRolePolicy' }]);
    expect(sam.Resources.OnQRole.Properties.Policies[0].PolicyDocument).to.deep.equal(workerDoc);
    expect(sam.Resources.OnQ.Properties.Role).to.deep.equal({ 'Fn::GetAtt': ['OnQRole', 'Arn'] });
    expect(sam.Resources.APIHandler.Properties.Role).to.deep.equal({ 'Fn::GetAtt': ['ApiHandlerRole', 'Arn'] });
  });

  it('fails loudly when a function has no policy document', () => {
    expect(() => samFor(model, undefined, { policy: { mode: 'file', documents: { api_handler: apiDoc } } })).to.throw(/on_q/);
  });

  it('uses each function iam_role_arn and makes no role when roles are not managed', () => {
    const config = resolvedConfig(model, {
      all: { manageIamRole: false, iamRoleArn: 'arn:aws:iam::123:role/shared' },
      functions: { on_q: { manageIamRole: false, iamRoleArn: 'arn:aws:iam::123:role/worker' } },
    });
    const sam = samFor(model, config, { policy: { mode: 'none' } });
    expect(Object.values(sam.Resources).map((r: any) => r.Type)).not.to.include('AWS::IAM::Role');
    expect(sam.Resources.APIHandler.Properties.Role).to.equal('arn:aws:iam::123:role/shared');
    expect(sam.Resources.OnQ.Properties.Role).to.equal('arn:aws:iam::123:role/worker');
  });
});
