import type { App } from './app';
import {
  API_HANDLER,
  apiHandler,
  authorizerHandler,
  cwEventHandler,
  dynamodbHandler,
  kinesisHandler,
  noSuchFunction,
  pureLambdaHandler,
  s3Handler,
  scheduleHandler,
  snsHandler,
  sqsHandler,
  websocketHandler,
  type LambdaHandler,
} from './handler-factories';

export { API_HANDLER, type LambdaHandler };

/**
 * The Lambda entry point of one function of `app`: `API_HANDLER` for the routes, or the
 * name of an authorizer, schedule, event handler or pure Lambda function. This is the
 * contract between the compiler and the runtime: the template's `Handler` is
 * `<module>.<LogicalId>`, and the entry module `appc package` generates exports, for each function,
 * what `lambdaHandler(app, '<name>')` returns under the function's logical ID (through the kind's own
 * factory in handler-factories.ts, so that the bundle holds only the kinds the app has).
 * @example exports.APIHandler = lambdaHandler(app, 'api_handler');
 */
export function lambdaHandler(app: App, name: string): LambdaHandler {
  if (name === API_HANDLER) return apiHandler(app);
  const fn = app.functions.get(name);
  if (!fn) return noSuchFunction(app, name);
  switch (fn.kind) {
    case 'authorizer':
      return authorizerHandler(app, name);
    case 'schedule':
      return scheduleHandler(app, name);
    case 'cw-event':
      return cwEventHandler(app, name);
    case 'lambda':
      return pureLambdaHandler(app, name);
    case 'sns':
      return snsHandler(app, name);
    case 'sqs':
      return sqsHandler(app, name);
    case 'kinesis':
      return kinesisHandler(app, name);
    case 'dynamodb':
      return dynamodbHandler(app, name);
    case 's3':
      return s3Handler(app, name);
    case 'ws-connect':
    case 'ws-message':
    case 'ws-disconnect':
      return websocketHandler(app, name);
    default:
      return assertNever(fn);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected function entry ${JSON.stringify(value)}`);
}
