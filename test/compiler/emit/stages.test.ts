/** The emitters for README "Stages": lambda_alias, deployment_preference, and the API stage's settings. */
import { expect } from 'chai';
import { emitSwagger } from '../../../src/compiler/emit/swagger';
import type { ResolvedConfig } from '../../../src/compiler/config/resolved-config';
import { checkReferences } from '../../support/aws-checks';
import { checkAliasedInvokers } from '../../support/aws-checks/alias-check';
import type { Template } from '../../support/aws-checks/template-walk';
import { appModel, authorizerFn, pureFn, resolvedConfig, route, scheduleFn, sqsFn, STAGE_DEFAULTS } from './builders';
import { samFor, type Doc } from './sam-helpers';

const model = appModel({
  routes: [route('/'), route('/private', { authorizer: { kind: 'builtin', name: 'gate', scopes: [] } })],
  functions: [
    authorizerFn('gate'),
    scheduleFn('nightly', 'rate(1 day)'),
    sqsFn('on_order', { queue: 'orders' }),
    pureFn('smoke'),
  ],
});

function config(options: Partial<Omit<ResolvedConfig, 'functions'>> = {}): ResolvedConfig {
  return resolvedConfig(model, options);
}

const resources = (sam: Doc) => sam.Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;
const functionIds = ['Gate', 'Nightly', 'OnOrder', 'Smoke', 'APIHandler'];

describe('emit: lambda_alias', () => {
  const sam = samFor(model, config({ lambdaAlias: 'live' }));

  it('publishes every function to the alias, with its configuration', () => {
    for (const id of functionIds) {
      expect(resources(sam)[id].Properties, id).to.deep.include({
        AutoPublishAlias: 'live',
        AutoPublishAliasAllProperties: true,
      });
      expect(resources(sam)[id].Properties, id).to.not.have.property('DeploymentPreference');
    }
  });

  it('grants API Gateway the alias, never the function, and integrates the alias in the swagger', () => {
    expect(resources(sam).APIHandlerInvokePermission.Properties.FunctionName).to.deep.equal({
      Ref: 'APIHandler.Alias',
    });
    expect(resources(sam).GateInvokePermission.Properties.FunctionName).to.deep.equal({ Ref: 'Gate.Alias' });
    const swagger = JSON.stringify(emitSwagger(model, config({ lambdaAlias: 'live' })));
    expect(swagger)
      .to.contain('/functions/${APIHandler.Alias}/invocations')
      .and.contain('/functions/${Gate.Alias}/invocations');
    expect(swagger).to.not.match(/\.Arn\}/);
    expect(checkReferences(sam as Template)).to.deep.equal([]);
  });

  it('exports the alias as the LAMBDA_ALIAS stage variable, after the configured ones', () => {
    const staged = samFor(model, config({ lambdaAlias: 'live', stageVariables: { TABLE: 'orders' } }));
    expect(resources(staged).RestAPI.Properties.Variables).to.deep.equal({ TABLE: 'orders', LAMBDA_ALIAS: 'live' });
  });

  it('changes nothing without an alias', () => {
    const plain = samFor(model, config());
    for (const id of functionIds) expect(resources(plain)[id].Properties).to.not.have.property('AutoPublishAlias');
    expect(resources(plain).APIHandlerInvokePermission.Properties.FunctionName).to.deep.equal({ Ref: 'APIHandler' });
    expect(resources(plain).RestAPI.Properties).to.have.all.keys(
      'EndpointConfiguration',
      'StageName',
      'DefinitionBody',
    );
  });
});

describe('emit: deployment_preference', () => {
  it('gives every function the preference, alarms by name', () => {
    const preference = {
      type: 'Linear10PercentEvery1Minute',
      alarms: ['errors', 'odd${name}'],
      preTraffic: undefined,
      postTraffic: undefined,
    } as const;
    const sam = samFor(model, config({ lambdaAlias: 'live', deploymentPreference: preference }));
    for (const id of functionIds) {
      expect(resources(sam)[id].Properties.DeploymentPreference, id).to.deep.equal({
        Type: 'Linear10PercentEvery1Minute',
        Alarms: ['errors', 'odd${name}'],
      });
    }
    expect(resources(sam)).to.not.have.property('CodeDeployHooksRole');
  });

  it('runs the hooks by logical ID, with a role that may invoke them; a hook does not wait on itself', () => {
    const preference = {
      type: 'Canary10Percent5Minutes',
      alarms: [],
      preTraffic: 'smoke',
      postTraffic: 'smoke',
    } as const;
    const sam = samFor(model, config({ lambdaAlias: 'live', deploymentPreference: preference }));
    expect(resources(sam).APIHandler.Properties.DeploymentPreference).to.deep.equal({
      Type: 'Canary10Percent5Minutes',
      Hooks: { PreTraffic: { Ref: 'Smoke' }, PostTraffic: { Ref: 'Smoke' } },
      Role: { 'Fn::GetAtt': ['CodeDeployHooksRole', 'Arn'] },
    });
    expect(resources(sam).Smoke.Properties).to.not.have.property('DeploymentPreference');
    expect(resources(sam).Smoke.Properties).to.have.property('AutoPublishAlias', 'live');
    const role = resources(sam).CodeDeployHooksRole;
    expect(role.Type).to.equal('AWS::IAM::Role');
    expect(JSON.stringify(role.Properties.AssumeRolePolicyDocument)).to.contain('codedeploy.amazonaws.com');
    expect(role.Properties.Policies).to.deep.equal([
      {
        PolicyName: 'InvokeDeploymentHooks',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: [{ 'Fn::GetAtt': ['Smoke', 'Arn'] }] },
          ],
        },
      },
    ]);
    expect(checkReferences(sam as Template)).to.deep.equal([]);
  });
});

describe('emit: the API stage settings', () => {
  it('throttles every method, and logs access to a log group it creates', () => {
    const sam = samFor(
      model,
      config({
        apiGatewayThrottling: { rateLimit: 10, burstLimit: undefined },
        apiGatewayAccessLog: { format: '$context.requestId', retentionInDays: 7 },
      }),
    );
    expect(resources(sam).RestAPI.Properties).to.deep.include({
      MethodSettings: [{ ResourcePath: '/*', HttpMethod: '*', ThrottlingRateLimit: 10 }],
      AccessLogSetting: {
        DestinationArn: { 'Fn::GetAtt': ['RestAPIAccessLogGroup', 'Arn'] },
        Format: '$context.requestId',
      },
    });
    expect(resources(sam).RestAPIAccessLogGroup).to.deep.equal({
      Type: 'AWS::Logs::LogGroup',
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Delete',
      Properties: { RetentionInDays: 7 },
    });
    expect(Object.keys(resources(sam)).indexOf('RestAPIAccessLogGroup')).to.equal(
      Object.keys(resources(sam)).indexOf('RestAPI') - 1,
    );
  });

  it("turns on the stage's tracing with the API handler's xray", () => {
    const sam = samFor(model, resolvedConfig(model, { ...STAGE_DEFAULTS, functions: { api_handler: { xray: true } } }));
    expect(resources(sam).RestAPI.Properties.TracingEnabled).to.equal(true);
  });
});

describe('checkAliasedInvokers (test support)', () => {
  const sam: Template = {
    Resources: { Fn: { Type: 'AWS::Serverless::Function', Properties: { AutoPublishAlias: 'live' } } },
  };
  const alias = { Type: 'AWS::Lambda::Alias', Properties: { Name: 'live', FunctionName: { Ref: 'Fn' } } };
  const version = { Type: 'AWS::Lambda::Version', Properties: { FunctionName: { Ref: 'Fn' } } };

  it('accepts invokers of the alias', () => {
    const permission = { Type: 'AWS::Lambda::Permission', Properties: { FunctionName: { Ref: 'FnAliaslive' } } };
    const translated = { Resources: { FnAliaslive: alias, FnVersion1: version, P: permission } };
    expect(checkAliasedInvokers(sam, translated)).to.deep.equal({ problems: [], invokers: 1 });
  });

  it('reports an invoker of the function itself, and a missing alias', () => {
    const permission = {
      Type: 'AWS::Lambda::Permission',
      Properties: { FunctionName: { 'Fn::GetAtt': ['Fn', 'Arn'] } },
    };
    const api = {
      Type: 'AWS::ApiGateway::RestApi',
      Properties: {
        Body: { uri: { 'Fn::Sub': 'arn:${AWS::Partition}:apigateway:x/functions/${Fn.Arn}/invocations' } },
      },
    };
    expect(
      checkAliasedInvokers(sam, { Resources: { FnVersion1: version, P: permission, Api: api } }).problems,
    ).to.deep.equal([
      'Fn: no AWS::Lambda::Alias FnAliaslive named live',
      'P (AWS::Lambda::Permission) invokes Fn unqualified, not its alias',
      'Api (AWS::ApiGateway::RestApi) invokes Fn unqualified, not its alias',
    ]);
  });
});
