import type { FunctionModel } from '../model/app-model';
import type { JsonObject } from '../model/json';

/** What every function needs to write its logs (Chalice's default policy). */
export const LOGS_STATEMENT: JsonObject = {
  Effect: 'Allow',
  Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
  Resource: 'arn:*:logs:*:*:*',
};

/**
 * A function in a VPC creates and deletes its network interfaces (AWS Lambda Developer
 * Guide, "Giving Lambda functions access to resources in an Amazon VPC").
 */
export const VPC_STATEMENT = allowAll([
  'ec2:CreateNetworkInterface',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DetachNetworkInterface',
  'ec2:DeleteNetworkInterface',
]);

/** Active tracing sends segments to X-Ray (AWS Lambda Developer Guide, "Using AWS Lambda with AWS X-Ray"). */
export const XRAY_STATEMENT = allowAll(['xray:PutTraceSegments', 'xray:PutTelemetryRecords']);

/**
 * `app.websocketApi.send` and `close` call the Management API of any of the account's websocket APIs (Chalice's
 * `POST_TO_WEBSOCKET_CONNECTION_POLICY`).
 */
export const MANAGE_CONNECTIONS_STATEMENT: JsonObject = {
  Effect: 'Allow',
  Action: ['execute-api:ManageConnections'],
  Resource: 'arn:*:execute-api:*:*:*/@connections/*',
};

/** What a polling event source's function must be allowed to call (Chalice's constants); others push to Lambda. */
const POLLING_ACTIONS: Readonly<Record<FunctionModel['kind'], readonly string[] | undefined>> = {
  sqs: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
  kinesis: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStream', 'kinesis:ListStreams'],
  dynamodb: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
  authorizer: undefined,
  schedule: undefined,
  lambda: undefined,
  sns: undefined,
  'cw-event': undefined,
  s3: undefined,
  'ws-connect': undefined,
  'ws-message': undefined,
  'ws-disconnect': undefined,
};

/** The statement a polling event source's function needs, or undefined for other functions. */
export function eventSourceStatement(fn: FunctionModel): JsonObject | undefined {
  const actions = POLLING_ACTIONS[fn.kind];
  return actions && allowAll([...actions]);
}

function allowAll(actions: string[]): JsonObject {
  return { Effect: 'Allow', Action: actions, Resource: '*' };
}
