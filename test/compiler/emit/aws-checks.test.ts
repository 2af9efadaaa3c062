/**
 * The emitted templates of rich apps pass every AWS check, and each check fails on a
 * template broken the way it is meant to catch.
 */
import { expect } from 'chai';
import { emitSam } from '../../../src/compiler/emit/sam';
import { emitSwagger } from '../../../src/compiler/emit/swagger';
import {
  checkReferences,
  checkResourceSpec,
  checkSamSchema,
  checkSwagger,
  samSchemaAvailable,
  samSchemaPath,
} from '../../support/aws-checks';
import { richCases, type RichCase } from './rich-models';
import type { Doc } from './sam-helpers';
import type { JsonDoc } from '../../support/json-doc';

function emit(c: RichCase): { sam: Doc; swagger: Doc } {
  const swagger = emitSwagger(c.model, c.config, { resourcePolicy: c.resourcePolicy });
  const sam = emitSam({
    model: c.model,
    config: c.config,
    swagger,
    appcVersion: '0.1.0',
    handlerModule: 'appc_entry',
    policy: c.policy,
  });
  return { sam, swagger };
}

/** Skips with the reason printed when the shared SAM schema is absent. */
function requireSamSchema(context: Mocha.Context): void {
  if (samSchemaAvailable()) return;
  console.warn(`    SKIPPED: SAM schema missing at ${samSchemaPath}; the template was NOT validated against it`);
  context.skip();
}

describe('AWS checks on emitted templates', function () {
  this.timeout(60000);

  for (const c of richCases) {
    describe(c.name, () => {
      const { sam, swagger } = emit(c);

      it('matches the AWS resource specification', () => {
        expect(checkResourceSpec(sam)).to.deep.equal([]);
      });

      it('references only existing resources and attributes', () => {
        expect(checkReferences(sam)).to.deep.equal([]);
      });

      it('validates against the SAM JSON schema', function () {
        requireSamSchema(this);
        expect(checkSamSchema(sam)).to.deep.equal([]);
      });

      it('has a valid swagger with valid API Gateway extensions', async () => {
        expect(await checkSwagger(swagger)).to.deep.equal([]);
      });
    });
  }

  it('the rich app exercises every resource type the emitters know', () => {
    const types = new Set(Object.values(emit(richCases[0]).sam.Resources).map((r: JsonDoc) => r.Type));
    expect([...types].sort()).to.deep.equal([
      'AWS::IAM::Role',
      'AWS::Lambda::Permission',
      'AWS::Logs::LogGroup',
      'AWS::Serverless::Api',
      'AWS::Serverless::Function',
    ]);
  });
});

describe('AWS checks catch broken templates', function () {
  this.timeout(60000);
  const fresh = () => structuredClone(emit(richCases[0]));

  it('the spec check reports unknown, mistyped, disallowed and missing properties', () => {
    const { sam } = fresh();
    sam.Resources.APIHandler.Properties.Timout = 3;
    sam.Resources.APIHandler.Properties.MemorySize = '128';
    sam.Resources.ApiHandlerLogGroup.Properties.RetentionInDays = 31;
    delete sam.Resources.APIHandlerInvokePermission.Properties.Principal;
    sam.Resources.EveryHour.Properties.Events.EveryHourEvent.Properties = { Shedule: 'x' };
    sam.Resources.DefaultRole.Properties.Policies[0].PolicyName = 7;
    expect(checkResourceSpec(sam)).to.have.members([
      'Resources.APIHandler.Properties: unknown property Timout of AWS::Serverless::Function',
      'Resources.APIHandler.Properties.MemorySize: expected a number, got "128"',
      'Resources.ApiHandlerLogGroup.Properties.RetentionInDays: 31 is not one of [1,3,5,7,14,30,60,90,120,150,180,365,400,545,731,1096,1827,2192,2557,2922,3288,3653]',
      'Resources.APIHandlerInvokePermission.Properties: required property Principal is missing',
      'Resources.EveryHour.Properties.Events.EveryHourEvent.Properties: required property Schedule is missing',
      'Resources.EveryHour.Properties.Events.EveryHourEvent.Properties: unknown property Shedule of ScheduleEvent',
      'Resources.DefaultRole.Properties.Policies[0].PolicyName: expected a string, got 7',
    ]);
  });

  it('the spec check reports unknown resource types', () => {
    const { sam } = fresh();
    sam.Resources.Extra = { Type: 'AWS::Lambda::Functoin', Properties: {} };
    expect(checkResourceSpec(sam)).to.deep.equal(['Resources.Extra: unknown resource type AWS::Lambda::Functoin']);
  });

  it('the reference check reports missing Ref, GetAtt and Sub targets and attributes', () => {
    const { sam } = fresh();
    sam.Resources.ApiHandlerLogGroup.Properties.LogGroupName = { 'Fn::Sub': '/aws/lambda/${ApiHandler}' };
    sam.Outputs.APIHandlerName.Value = { Ref: 'Nope' };
    sam.Outputs.APIHandlerArn.Value = { 'Fn::GetAtt': ['APIHandler', 'Arnn'] };
    sam.Outputs.EndpointURL.Value = { 'Fn::Sub': 'https://${RestAPI}.${AWS::Regoin}/${!Literal}' };
    expect(checkReferences(sam)).to.have.members([
      '$.Resources.ApiHandlerLogGroup.Properties.LogGroupName (Fn::Sub): ApiHandler is not a resource, parameter or pseudo parameter',
      '$.Outputs.APIHandlerName.Value: Nope is not a resource, parameter or pseudo parameter',
      '$.Outputs.APIHandlerArn.Value: AWS::Serverless::Function has no attribute Arnn',
      '$.Outputs.EndpointURL.Value (Fn::Sub): AWS::Regoin is not a resource, parameter or pseudo parameter',
    ]);
  });

  it('the reference check follows ${X.Arn} inside the swagger', () => {
    const { sam } = fresh();
    delete sam.Resources.MyAuth;
    delete sam.Resources.MyAuthInvokePermission;
    expect(checkReferences(sam).join('\n')).to.match(
      /DefinitionBody\.securityDefinitions\.my_auth.* \(Fn::Sub\): GetAtt target MyAuth is not a resource/,
    );
  });

  it('the SAM schema check reports what SAM would reject', function () {
    requireSamSchema(this);
    const { sam } = fresh();
    sam.Resources.OnQueue.Properties.Events.OnQueueSqsEventSource.Properties.MaxBatch = 1;
    sam.Resources.RestAPI.Properties.Bogus = true;
    const errors = checkSamSchema(sam);
    expect(errors.join('\n')).to.include('/Resources/OnQueue').and.to.include('MaxBatch');
    expect(errors.join('\n')).to.include('/Resources/RestAPI').and.to.include('Bogus');
  });

  it('the swagger check reports invalid swagger and extensions', async () => {
    const { swagger } = fresh();
    swagger.paths['/'].get.responses = {};
    swagger.paths['/pool'].get['x-amazon-apigateway-integration'].httpMethod = 'GET';
    swagger.paths['/files/{proxy+}'].options['x-amazon-apigateway-integration'].type = 'mocked';
    swagger.securityDefinitions.Custom['x-amazon-apigateway-authorizer'].authorizerResultTtlInSeconds = 7200;
    swagger.paths['/mine'].post.security = [{ Missing: [] }];
    delete swagger.paths['/'].options.responses['200'].headers['Access-Control-Allow-Origin'];
    const errors = (await checkSwagger(swagger)).join('\n');
    expect(errors).to.match(/swagger-parser: .*responses/s);
    expect(errors).to.include(
      'extensions /paths/~1pool/get/x-amazon-apigateway-integration/httpMethod: must be equal to constant',
    );
    expect(errors).to.include(
      'extensions /paths/~1files~1{proxy+}/options/x-amazon-apigateway-integration/type: must be equal to one of the allowed values',
    );
    expect(errors).to.include('authorizerResultTtlInSeconds: must be <= 3600');
    expect(errors).to.include('paths./mine.post: security Missing has no securityDefinition');
    expect(errors).to.include(
      'paths./.options: response header Access-Control-Allow-Origin is mapped but not declared',
    );
  });
});
