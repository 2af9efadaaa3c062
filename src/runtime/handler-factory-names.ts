import type * as factories from './handler-factories';
import type { FunctionKind } from './functions';

/**
 * The export of handler-factories.ts that makes the Lambda entry point of each kind of function:
 * the entry module `appc package` generates calls `<factory>(app, '<name>')` for each function
 * (and `apiHandler(app)` for the routes), importing only the factories the app's kinds need.
 */
export const HANDLER_FACTORIES = {
  authorizer: 'authorizerHandler',
  schedule: 'scheduleHandler',
  'cw-event': 'cwEventHandler',
  lambda: 'pureLambdaHandler',
  sns: 'snsHandler',
  sqs: 'sqsHandler',
  kinesis: 'kinesisHandler',
  dynamodb: 'dynamodbHandler',
  s3: 's3Handler',
  'ws-connect': 'websocketHandler',
  'ws-message': 'websocketHandler',
  'ws-disconnect': 'websocketHandler',
} as const satisfies Record<FunctionKind, keyof typeof factories>;
