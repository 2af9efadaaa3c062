import type { App } from './app';
import { handleApiEvent } from './api-handler';
import { AuthRequest, AuthResponse } from './authorizers';
import type { APIGatewayProxyEvent, APIGatewayTokenAuthorizerEvent, LambdaContext } from './events';
import { CloudWatchEvent, type RawCloudWatchEvent } from './schedule';

/** The name of the function that serves every route. */
export const API_HANDLER = 'api_handler';

export type LambdaHandler = (event: any, context: LambdaContext) => Promise<unknown>;

/**
 * The Lambda entry point of one function of `app`: `API_HANDLER` for the routes, or the
 * name of an authorizer, schedule or pure Lambda function. This is the contract between
 * the compiler and the runtime: the compiler's generated entry module exports, for each
 * function of the template, `lambdaHandler(app, '<name>')` under the function's logical
 * ID, and the template's `Handler` is `<module>.<LogicalId>`.
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
      return async (event: APIGatewayTokenAuthorizerEvent) => {
        const request = AuthRequest.fromEvent(event);
        const result = await fn.authorizer.handler(request);
        return result instanceof AuthResponse ? result.toDict(request) : result;
      };
    case 'schedule':
      return async (event: RawCloudWatchEvent, context) => {
        app.lambdaContext = context;
        return fn.handler(new CloudWatchEvent(event));
      };
    case 'lambda':
      return async (event: unknown, context) => {
        app.lambdaContext = context;
        return fn.handler(event, context);
      };
    default:
      return assertNever(fn);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected function entry ${JSON.stringify(value)}`);
}
