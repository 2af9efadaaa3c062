import { expect } from 'chai';
import type { AppModel, SdkUsage } from '../../../src/compiler/model/app-model';
import type { JsonObject } from '../../../src/compiler/model/json';
import { generatedPolicy, rolePolicyDocument } from '../../../src/compiler/policy/generated-policy';
import { appModel, authorizerFn, dynamodbFn, kinesisFn, pureFn, resolvedConfig, route, sqsFn } from '../emit/builders';
import type { JsonDoc } from '../../support/json-doc';

const LOGS = {
  Effect: 'Allow',
  Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
  Resource: 'arn:*:logs:*:*:*',
};
const at = { file: 'app.ts', line: 3, column: 5, length: 7 };
type Statement = Record<string, JsonDoc>;
const statementsOf = (document: JsonObject) => document.Statement as Statement[];
const documentOf = (model: AppModel, analysis: object[] = [], config = resolvedConfig(model)) =>
  rolePolicyDocument(model, config, analysis as JsonObject[]);

describe("generatedPolicy: model + config -> the shared role's IAM document", () => {
  const model = appModel({ routes: [route('/')] });

  it("maps the model's SDK calls to statements before the logs one, with Sids, and returns their warnings", () => {
    const sdk: SdkUsage = {
      calls: [
        { module: '@aws-sdk/client-s3', operation: 'GetObject', location: at },
        { module: '@aws-sdk/client-nope', operation: 'Go', location: at },
      ],
      unresolved: [],
    };
    const { document, diagnostics } = generatedPolicy({ ...model, sdk }, resolvedConfig(model));
    expect(document).to.deep.equal({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['*'], Sid: 'S3' }, LOGS],
    });
    expect(diagnostics.map((d) => d.code)).to.deep.equal(['APPC501']);
  });

  it('puts analysis statements before the logs statement, with Sids derived from their services', () => {
    const s3 = { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: ['*'] };
    const ddb = { Effect: 'Allow', Action: ['dynamodb:GetItem'], Resource: ['*'] };
    const statements = statementsOf(documentOf(model, [ddb, s3]));
    expect(statements).to.deep.equal([{ ...ddb, Sid: 'Dynamodb' }, { ...s3, Sid: 'S3' }, LOGS]);
    expect(Object.keys(statements[0])).to.deep.equal(['Effect', 'Action', 'Resource', 'Sid']);
  });

  it('gives the same document on every run and numbers Sids that would repeat', () => {
    const analysis = [
      { Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::a/*'] },
      { Effect: 'Allow', Action: ['s3:PutObject'], Resource: ['arn:aws:s3:::b/*'] },
      { Sid: 'Mine', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' },
    ];
    const first = statementsOf(documentOf(model, analysis));
    expect(first.map((s) => s.Sid)).to.deep.equal(['S3', 'S32', 'Mine', undefined]);
    expect(statementsOf(documentOf(model, analysis))).to.deep.equal(first);
  });

  it('never gives a statement twice', () => {
    const s3 = { Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['*'] };
    const statements = statementsOf(documentOf(model, [s3, { ...s3 }, LOGS]));
    expect(statements).to.deep.equal([
      { ...s3, Sid: 'S3' },
      { ...LOGS, Sid: 'Logs' },
    ]);
  });

  it('adds the VPC and X-Ray statements once when any function uses them', () => {
    const withWorker = appModel({ routes: [route('/')], functions: [pureFn('worker'), pureFn('other')] });
    const vpc = { subnetIds: ['subnet-1'], securityGroupIds: ['sg-1'], xray: true };
    const config = resolvedConfig(withWorker, { functions: { worker: vpc, other: vpc } });
    const actions = statementsOf(documentOf(withWorker, [], config)).map((s) => s.Action[0]);
    expect(actions).to.deep.equal(['logs:CreateLogGroup', 'ec2:CreateNetworkInterface', 'xray:PutTraceSegments']);
  });

  it('looks only at functions the template holds: an authorizer without routes is not one', () => {
    const authorizerOnly = appModel({ functions: [authorizerFn('auth'), pureFn('worker')] });
    const config = resolvedConfig(authorizerOnly, { functions: { auth: { xray: true } } });
    expect(statementsOf(documentOf(authorizerOnly, [], config))).to.deep.equal([LOGS]);
  });

  it('adds each polling event source statement once, in order of first use', () => {
    const sources = appModel({
      functions: [
        kinesisFn('k1', 's'),
        sqsFn('q1', { queue: 'a' }),
        sqsFn('q2', { queue: 'b' }),
        dynamodbFn('d1', 'arn:ddb'),
        kinesisFn('k2', 't'),
      ],
    });
    const allow = (actions: string[]) => ({ Effect: 'Allow', Action: actions, Resource: '*' });
    expect(statementsOf(documentOf(sources)).slice(1)).to.deep.equal([
      allow(['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStream', 'kinesis:ListStreams']),
      allow(['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes']),
      allow(['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams']),
    ]);
  });

  it('gives the analysis statements alone, without Sids, when the template holds no function', () => {
    const s3 = { Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['*'] };
    const document = documentOf(appModel({ functions: [authorizerFn('auth')] }), [s3]);
    expect(document).to.deep.equal({ Version: '2012-10-17', Statement: [s3] });
  });
});
