import type { App } from './app';
import { handleApiEvent } from './api-handler';
import { AuthRequest, AuthResponse } from './authorizers';
import { DynamoDBEvent, KinesisEvent, S3Event, SNSEvent, SQSEvent } from './event-sources';
import type { APIGatewayProxyEvent, APIGatewayTokenAuthorizerEvent, LambdaContext } from './events';
import { CloudWatchEvent } from './schedule';

/** The name of the function that serves every route. */
export const API_HANDLER = 'api_handler';

export type LambdaHandler = (event: any, context: LambdaContext) => Promise<unknown>;

/**
 * The Lambda entry point of one function of `app`: `API_HANDLER` for the routes, or the
 * name of an authorizer, schedule, event handler or pure Lambda function. This is the
 * contract between the compiler and the runtime: the compiler's generated entry module
 * exports, for each function of the template, `lambdaHandler(app, '<name>')` under the
 * function's logical ID, and the template's `Handler` is `<module>.<LogicalId>`.
 * @example exports.APIHandler = lambdaHandler(app, 'api_handler');
 */
export function lambdaHandler(app: App, name: string): LambdaHandler {
  if (name === API_HANDLER) {
    return (event: APIGatewayProxyEvent, context) => handleApiEvent(app, event, context);
  }
  const fn = app.functions.get(name);
  if (!fn) {
    const known = [API_HANDLER, ...app.functions.keys()].join(', ');
    throw new Error(`app ${app.appName} has no Lambda function named ${name} (it has: ${known})`);
  }
  switch (fn.kind) {
    case 'authorizer':
      return withContext(app, async (event: APIGatewayTokenAuthorizerEvent) => {
        const request = AuthRequest.fromEvent(event);
        const result = await fn.authorizer.handler(request);
        return result instanceof AuthResponse ? result.toDict(request) : result;
      });
    case 'schedule':
      return withContext(app, (event, context) => fn.handler(new CloudWatchEvent(event, context)));
    case 'cw-event':
      return withContext(app, (event, context) => fn.handler(new CloudWatchEvent(event, context)));
    case 'lambda':
      return withContext(app, (event, context) => fn.handler(event, context));
    case 'sns':
      return withContext(app, (event, context) => fn.handler(new SNSEvent(event, context)));
    case 'sqs':
      return withContext(app, (event, context) => fn.handler(new SQSEvent(event, context)));
    case 'kinesis':
      return withContext(app, (event, context) => fn.handler(new KinesisEvent(event, context)));
    case 'dynamodb':
      return withContext(app, (event, context) => fn.handler(new DynamoDBEvent(event, context)));
    case 's3':
      return withContext(app, (event, context) => fn.handler(new S3Event(event, context)));
    default:
      return assertNever(fn);
  }
}

/** Sets `app.lambdaContext` for the length of one invocation. */
function withContext(app: App, call: (event: any, context: LambdaContext) => unknown): LambdaHandler {
  return async (event, context) => {
    app.lambdaContext = context;
    try {
      return await call(event, context);
    } finally {
      app.lambdaContext = undefined;
    }
  };
}

function assertNever(value: never): never {
  throw new Error(`unexpected function entry ${JSON.stringify(value)}`);
}
