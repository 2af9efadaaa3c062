/** Apps that use every feature the emitters know, for the AWS checks. */
import type { AppModel } from '../../../src/compiler/model/app-model';
import type { ResolvedConfig } from '../../../src/compiler/config/resolved-config';
import type { PolicyInput } from '../../../src/compiler/emit/sam';
import type { JsonObject } from '../../../src/compiler/emit/cfn';
import { rolePolicyDocument } from '../../../src/compiler/policy/generated-policy';
import {
  appModel,
  authorizerFn,
  cors,
  cwFn,
  dynamodbFn,
  handler,
  kinesisFn,
  pureFn,
  resolvedConfig,
  route,
  scheduleFn,
  snsFn,
  sqsFn,
} from './builders';

export interface RichCase {
  name: string;
  model: AppModel;
  config: ResolvedConfig;
  policy: PolicyInput;
  resourcePolicy?: JsonObject;
}

const poolArn = 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc';

export const kitchenSink = appModel({
  appName: 'kitchen-sink',
  cors: cors({ allowOrigin: 'https://app.example', maxAge: 600 }),
  binaryTypes: ['application/octet-stream', 'image/png'],
  routes: [
    route('/', { handler: handler({ summary: 'Index.', description: 'Lists\neverything.' }) }),
    route('/users/{id}', { methods: ['GET', 'PUT'], apiKeyRequired: true, authorizer: { kind: 'iam' } }),
    route('/users/{id}', { methods: ['DELETE'], cors: false }),
    route('/pool', {
      authorizer: { kind: 'cognito', name: 'Pool', providerArns: [poolArn], header: 'Authorization', scopes: ['read'] },
    }),
    route('/custom', {
      authorizer: {
        kind: 'custom',
        name: 'Custom',
        ttlSeconds: 0,
        header: 'X-Token',
        scopes: [],
        invokeRoleArn: 'arn:aws:iam::123456789012:role/inv',
        authorizerUri:
          'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:a/invocations',
      },
    }),
    route('/mine', { methods: ['POST'], authorizer: { kind: 'builtin', name: 'my_auth', scopes: ['s'] } }),
    route('/files/{proxy+}', {
      contentTypes: ['image/png'],
      cors: cors({ exposeHeaders: ['X-Id'], allowCredentials: true }),
    }),
  ],
  functions: [
    authorizerFn('my_auth', { ttlSeconds: 60, executionRole: 'arn:aws:iam::123456789012:role/auth' }),
    authorizerFn('unused_auth'),
    scheduleFn('every_hour', 'rate(1 hour)'),
    scheduleFn('nightly', 'cron(0 3 * * ? *)'),
    pureFn('worker'),
    snsFn('on_topic', 'alerts'),
    snsFn('on_topic_arn', 'arn:aws:sns:us-east-1:123456789012:alerts'),
    sqsFn('on_queue', { queue: 'jobs', maximumConcurrency: 5 }),
    sqsFn('on_queue_arn', { queueArn: 'arn:aws:sqs:us-east-1:123456789012:jobs' }),
    cwFn('on_ec2', { source: ['aws.ec2'] }),
    kinesisFn('on_clicks', 'clicks'),
    dynamodbFn('on_table', 'arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2024-01-01T00:00:00.000'),
  ],
});

const kitchenConfig = resolvedConfig(kitchenSink, {
  stage: 'prod',
  appName: 'kitchen-sink',
  apiGatewayStage: 'v1',
  apiGatewayEndpointType: 'REGIONAL',
  minimumCompressionSize: 1024,
  all: { tags: { team: 'web' }, environmentVariables: { STAGE: 'prod' }, logRetentionInDays: 30 },
  functions: {
    api_handler: { xray: true, lambdaMemorySize: 512, reservedConcurrency: 10 },
    worker: {
      subnetIds: ['subnet-1'],
      securityGroupIds: ['sg-1'],
      layers: ['arn:aws:lambda:us-east-1:123456789012:layer:deps:3'],
    },
  },
});

const small = appModel({
  routes: [route('/'), route('/b/{x}', { methods: ['POST'] })],
  functions: [scheduleFn('tick', 'rate(5 minutes)')],
});
const noRoutes = appModel({ functions: [pureFn('worker'), sqsFn('on_q', { queue: 'q' })] });
const filePolicy = (name: string) => ({
  Version: '2012-10-17',
  Statement: [{ Sid: name, Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
});

export const richCases: RichCase[] = [
  {
    name: 'every feature, generated policy',
    model: kitchenSink,
    config: kitchenConfig,
    policy: {
      mode: 'autogen',
      document: rolePolicyDocument(kitchenSink, kitchenConfig, [
        { Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['*'] },
      ]),
    },
  },
  {
    name: 'policy files, PRIVATE endpoint',
    model: small,
    config: resolvedConfig(small, { apiGatewayEndpointType: 'PRIVATE', apiGatewayEndpointVpce: ['vpce-0abc'] }),
    policy: { mode: 'file', documents: { api_handler: filePolicy('Api'), tick: filePolicy('Tick') } },
  },
  {
    name: 'existing role, policy-file resource policy',
    model: small,
    config: resolvedConfig(small, {
      apiGatewayPolicyFile: 'api-policy.json',
      all: { manageIamRole: false, iamRoleArn: 'arn:aws:iam::123456789012:role/r' },
    }),
    policy: { mode: 'none' },
    resourcePolicy: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: '*' }],
    },
  },
  {
    name: 'no routes',
    model: noRoutes,
    config: resolvedConfig(noRoutes),
    policy: { mode: 'autogen', document: rolePolicyDocument(noRoutes, resolvedConfig(noRoutes), []) },
  },
];
