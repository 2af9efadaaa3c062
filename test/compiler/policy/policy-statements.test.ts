import { expect } from 'chai';
import type { SdkCall, SdkUsage } from '../../../src/compiler/model/app-model';
import { actionsOf, curatedActions, operationsOf } from '../../../src/compiler/policy/action-map';
import { policyStatements } from '../../../src/compiler/policy/policy-statements';
import { iamServices, isIamAction } from '../../../src/compiler/policy/iam-data';
import { iamServiceOf } from '../../../src/compiler/policy/service-names';

const at = { file: 'app.ts', line: 3, column: 5, length: 7 };
const call = (module: string, operation: string): SdkCall => ({ module, operation, location: at });
const usage = (...calls: SdkCall[]): SdkUsage => ({ calls, unresolved: [] });
const S3 = '@aws-sdk/client-s3';

describe('policyStatements: SDK calls -> the analysis statements', () => {
  it('gives nothing for an app without SDK calls', () => {
    expect(policyStatements(undefined)).to.deep.equal({ statements: [], diagnostics: [] });
  });

  it('makes one statement per service, sorted by service, actions sorted and each once (Chalice test_policy)', () => {
    const { statements, diagnostics } = policyStatements(
      usage(
        call(S3, 'PutObject'),
        call('@aws-sdk/client-dynamodb', 'GetItem'),
        call(S3, 'GetObject'),
        call(S3, 'PutObject'),
        call('aws-sdk/clients/s3', 'HeadObject'),
      ),
    );
    expect(diagnostics).to.deep.equal([]);
    expect(statements).to.deep.equal([
      { Effect: 'Allow', Action: ['dynamodb:GetItem'], Resource: ['*'] },
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: ['*'] },
    ]);
  });

  it('maps operations whose action has another name from the curated table (Chalice: list_buckets, list_objects, create_multipart_upload)', () => {
    const { statements } = policyStatements(
      usage(
        call(S3, 'ListBuckets'),
        call(S3, 'ListObjects'),
        call(S3, 'ListObjectsV2'),
        call(S3, 'CreateMultipartUpload'),
      ),
    );
    expect(statements[0].Action).to.deep.equal(['s3:ListAllMyBuckets', 's3:ListBucket', 's3:PutObject']);
  });

  it('spells actions as the IAM data does', () => {
    expect(actionsOf('s3', 'GetBucketCors')).to.deep.equal(['s3:GetBucketCORS']);
    expect(actionsOf('s3', 'PutObject')).to.deep.equal(['s3:PutObject']);
    expect(actionsOf('s3', 'NoSuchOperation')).to.equal(undefined);
  });

  it('expands helpers into the operations they issue (iam-policy-autopilot js_v3_libraries)', () => {
    expect(operationsOf('@aws-sdk/lib-storage', 's3', 'Upload')).to.include.members([
      'PutObject',
      'CreateMultipartUpload',
      'AbortMultipartUpload',
      'PutObjectTagging',
    ]);
    expect(operationsOf('aws-sdk/clients/s3', 's3', 'Upload')).to.deep.equal(
      operationsOf('@aws-sdk/lib-storage', 's3', 'Upload'),
    );
    expect(operationsOf('@aws-sdk/lib-dynamodb', 'dynamodb', 'Put')).to.deep.equal(['PutItem']);
    expect(operationsOf('aws-sdk/lib/dynamodb/document_client', 'dynamodb', 'BatchWrite')).to.deep.equal([
      'BatchWriteItem',
    ]);
    expect(operationsOf('@aws-sdk/lib-dynamodb', 'dynamodb', 'Query')).to.deep.equal(['Query']);
    expect(operationsOf(S3, 's3', 'WaitUntilObjectExists')).to.deep.equal(['HeadObject']);
    const upload = policyStatements(usage(call('@aws-sdk/lib-storage', 'Upload')));
    expect(upload.statements[0].Action).to.deep.equal([
      's3:AbortMultipartUpload',
      's3:PutObject',
      's3:PutObjectTagging',
    ]);
  });

  it('warns, with the location, about what it cannot map, and still generates the rest', () => {
    const { statements, diagnostics } = policyStatements({
      calls: [call(S3, 'FooBar'), call('@aws-sdk/client-nope', 'Ping'), call(S3, 'GetObject')],
      unresolved: [{ reason: 'cannot tell which command this sends', location: at }],
    });
    expect(statements).to.deep.equal([{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['*'] }]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.location])).to.deep.equal([
      ['APPC502', 'warning', at],
      ['APPC501', 'warning', at],
      ['APPC503', 'warning', at],
    ]);
    expect(diagnostics[0].message).to.contain('s3 operation FooBar');
    expect(diagnostics[1].message).to.contain('@aws-sdk/client-nope');
    for (const d of diagnostics) expect(d.remedy).to.contain('autogen_policy');
  });
});

describe('IAM data and names', () => {
  it('every action the curated table emits exists in the IAM data', () => {
    const missing = curatedActions().filter((action) => !isIamAction(action));
    expect(missing).to.deep.equal([]);
    expect(curatedActions().length).to.be.greaterThan(60);
  });

  it('names the IAM service of v3 packages and v2 client modules', () => {
    const cases: Array<[string, string | undefined]> = [
      ['@aws-sdk/client-s3', 's3'],
      ['@aws-sdk/client-cloudwatch-logs', 'logs'],
      ['@aws-sdk/client-sfn', 'states'],
      ['@aws-sdk/client-eventbridge', 'events'],
      ['@aws-sdk/client-cloudwatch-events', 'events'],
      ['@aws-sdk/client-cognito-identity-provider', 'cognito-idp'],
      ['@aws-sdk/client-secrets-manager', 'secretsmanager'],
      ['@aws-sdk/client-bedrock-runtime', 'bedrock'],
      ['@aws-sdk/client-apigatewaymanagementapi', 'execute-api'],
      ['@aws-sdk/client-dynamodb-streams', 'dynamodb'],
      ['@aws-sdk/client-iot-data-plane', 'iot'],
      ['@aws-sdk/client-sesv2', 'ses'],
      ['@aws-sdk/client-api-gateway', 'apigateway'],
      ['@aws-sdk/client-efs', 'elasticfilesystem'],
      ['@aws-sdk/client-rds-data', 'rds-data'],
      ['@aws-sdk/lib-dynamodb', 'dynamodb'],
      ['@aws-sdk/lib-storage', 's3'],
      ['aws-sdk/clients/s3', 's3'],
      ['aws-sdk/clients/cloudwatchlogs', 'logs'],
      ['aws-sdk/clients/stepfunctions', 'states'],
      ['aws-sdk/clients/cognitoidentityserviceprovider', 'cognito-idp'],
      ['aws-sdk/clients/dynamodbstreams', 'dynamodb'],
      ['aws-sdk/clients/rdsdataservice', 'rds-data'],
      ['aws-sdk/clients/iotdata', 'iot'],
      ['aws-sdk/clients/apigatewaymanagementapi', 'execute-api'],
      ['aws-sdk/lib/dynamodb/document_client', 'dynamodb'],
      ['@aws-sdk/client-not-a-service', undefined],
      ['@aws-sdk/util-dynamodb', undefined],
    ];
    for (const [module, service] of cases) expect(iamServiceOf(module), module).to.equal(service);
    for (const [, service] of cases) if (service) expect(iamServices().has(service), service).to.equal(true);
  });
});
