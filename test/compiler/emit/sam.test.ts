import { expect } from 'chai';
import { emitSam } from '../../../src/compiler/emit/sam';
import { rolePolicyDocument } from '../../../src/compiler/policy/generated-policy';
import { appModel, authorizerFn, pureFn, resolvedConfig, route, scheduleFn } from './builders';
import { samFor } from './sam-helpers';
import type { JsonDoc } from '../../support/json-doc';

const LOGS = {
  Effect: 'Allow',
  Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
  Resource: 'arn:*:logs:*:*:*',
};
const sourceArn = {
  'Fn::Sub': [
    'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${RestAPIId}/*',
    { RestAPIId: { Ref: 'RestAPI' } },
  ],
};

describe('emitSam: template skeleton and the minimal app', () => {
  const model = appModel({ routes: [route('/')] });
  const sam = samFor(model);

  it('writes the header keys, then Outputs before Resources', () => {
    expect(Object.keys(sam)).to.deep.equal(['AWSTemplateFormatVersion', 'Transform', 'Outputs', 'Resources']);
    expect(sam.AWSTemplateFormatVersion).to.equal('2010-09-09');
    expect(sam.Transform).to.equal('AWS::Serverless-2016-10-31');
  });

  it('emits DefaultRole, RestAPI, APIHandler and its permission in that order', () => {
    expect(Object.keys(sam.Resources)).to.deep.equal([
      'DefaultRole',
      'RestAPI',
      'APIHandler',
      'APIHandlerInvokePermission',
    ]);
  });

  it('gives the shared role the trust policy and only the logs statement', () => {
    expect(sam.Resources.DefaultRole).to.deep.equal({
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            { Sid: '', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        },
        Policies: [{ PolicyDocument: { Version: '2012-10-17', Statement: [LOGS] }, PolicyName: 'DefaultRolePolicy' }],
      },
    });
  });

  it('emits the API handler with exactly the default properties', () => {
    expect(sam.Resources.APIHandler).to.deep.equal({
      Type: 'AWS::Serverless::Function',
      Properties: {
        Runtime: 'nodejs24.x',
        Handler: 'appc_entry.APIHandler',
        CodeUri: './deployment.zip',
        Tags: { appc: 'version=0.1.0:stage=dev:app=testapp' },
        Tracing: 'PassThrough',
        Timeout: 60,
        MemorySize: 128,
        Role: { 'Fn::GetAtt': ['DefaultRole', 'Arn'] },
      },
    });
  });

  it('emits RestAPI with the swagger as its body', () => {
    const config = resolvedConfig(model, { all: { lambdaRuntime: 'nodejs22.x' } });
    const swagger = { swagger: '2.0', marker: true };
    const template = emitSam({
      model,
      config,
      swagger,
      appcVersion: '1.2.3',
      handlerModule: 'm',
      policy: { mode: 'autogen', document: rolePolicyDocument(model, config, []) },
    }) as Record<string, JsonDoc>;
    expect(template.Resources.RestAPI).to.deep.equal({
      Type: 'AWS::Serverless::Api',
      Properties: { EndpointConfiguration: { Type: 'EDGE' }, StageName: 'api', DefinitionBody: swagger },
    });
    expect(template.Resources.APIHandler.Properties.Runtime).to.equal('nodejs22.x');
    expect(template.Resources.APIHandler.Properties.Handler).to.equal('m.APIHandler');
  });

  it('lets API Gateway invoke the API handler', () => {
    expect(sam.Resources.APIHandlerInvokePermission).to.deep.equal({
      Type: 'AWS::Lambda::Permission',
      Properties: {
        FunctionName: { Ref: 'APIHandler' },
        Action: 'lambda:InvokeFunction',
        Principal: 'apigateway.amazonaws.com',
        SourceArn: sourceArn,
      },
    });
  });

  it('outputs the API id, handler name and ARN, and the endpoint URL of the stage', () => {
    const outputs = samFor(model, resolvedConfig(model, { apiGatewayStage: 'v1' })).Outputs;
    expect(outputs).to.deep.equal({
      RestAPIId: { Value: { Ref: 'RestAPI' } },
      APIHandlerName: { Value: { Ref: 'APIHandler' } },
      APIHandlerArn: { Value: { 'Fn::GetAtt': ['APIHandler', 'Arn'] } },
      EndpointURL: { Value: { 'Fn::Sub': 'https://${RestAPI}.execute-api.${AWS::Region}.${AWS::URLSuffix}/v1/' } },
    });
  });
});

describe('emitSam: apps and orders', () => {
  it('emits no API resources and empty Outputs for an app without routes', () => {
    const model = appModel({ functions: [pureFn('worker')] });
    const sam = samFor(model);
    expect(sam.Outputs).to.deep.equal({});
    expect(Object.keys(sam.Resources)).to.deep.equal(['DefaultRole', 'Worker']);
    expect(sam.Resources.Worker.Properties.Handler).to.equal('appc_entry.Worker');
  });

  it('emits only the header for an app with no functions', () => {
    expect(samFor(appModel())).to.deep.equal({
      AWSTemplateFormatVersion: '2010-09-09',
      Transform: 'AWS::Serverless-2016-10-31',
      Outputs: {},
      Resources: {},
    });
  });

  it('orders pure functions, event sources, then the API with its authorizers (Chalice order)', () => {
    const model = appModel({
      routes: [route('/', { authorizer: { kind: 'builtin', name: 'my_auth', scopes: [] } })],
      functions: [
        scheduleFn('every_hour', 'rate(1 hour)'),
        authorizerFn('my_auth'),
        pureFn('worker'),
        authorizerFn('plain-auth'),
      ],
    });
    expect(Object.keys(samFor(model).Resources)).to.deep.equal([
      'DefaultRole',
      'Worker',
      'EveryHour',
      'MyAuth',
      'PlainAuth',
      'RestAPI',
      'APIHandler',
      'APIHandlerInvokePermission',
      'MyAuthInvokePermission',
      'PlainAuthInvokePermission',
    ]);
  });

  it('lets API Gateway invoke each built-in authorizer by ARN', () => {
    const model = appModel({ routes: [route('/')], functions: [authorizerFn('my_auth')] });
    expect(samFor(model).Resources.MyAuthInvokePermission.Properties).to.deep.equal({
      FunctionName: { 'Fn::GetAtt': ['MyAuth', 'Arn'] },
      Action: 'lambda:InvokeFunction',
      Principal: 'apigateway.amazonaws.com',
      SourceArn: sourceArn,
    });
  });

  it('leaves built-in authorizers out of an app without routes, as Chalice', () => {
    const model = appModel({ functions: [authorizerFn('my_auth')] });
    expect(Object.keys(samFor(model).Resources)).to.deep.equal([]);
  });

  it('adds MinimumCompressionSize (0 included) and X-Ray tracing to RestAPI', () => {
    const model = appModel({ routes: [route('/')] });
    const config = resolvedConfig(model, {
      minimumCompressionSize: 0,
      apiGatewayEndpointType: 'REGIONAL',
      functions: { api_handler: { xray: true } },
    });
    expect(samFor(model, config).Resources.RestAPI.Properties).to.deep.include({
      EndpointConfiguration: { Type: 'REGIONAL' },
      MinimumCompressionSize: 0,
      TracingEnabled: true,
    });
    expect(Object.keys(samFor(model, config).Resources.RestAPI.Properties)).to.deep.equal([
      'EndpointConfiguration',
      'StageName',
      'DefinitionBody',
      'MinimumCompressionSize',
      'TracingEnabled',
    ]);
  });

  it('refuses two resources with one logical ID', () => {
    const model = appModel({ functions: [pureFn('foo_bar'), pureFn('foo__bar')] });
    expect(() => samFor(model)).to.throw(/duplicate resource name.*FooBar/);
  });
});
