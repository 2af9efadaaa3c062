import type { App } from './app';
import { handleApiEvent } from './api-handler';
import { AuthRequest, AuthResponse } from './authorizers';
import { DynamoDBEvent, KinesisEvent, LambdaFunctionEvent, S3Event, SNSEvent, SQSEvent } from './event-sources';
import type { APIGatewayTokenAuthorizerEvent, LambdaContext } from './events';
import type { FunctionEntry } from './functions';
import { middlewareFor, runMiddleware } from './middleware';
import type { MiddlewareKind } from './registrations';
import { CloudWatchEvent } from './schedule';
import { handleWebsocketEvent } from './websocket-handler';

/** The name of the function that serves every route. */
export const API_HANDLER = 'api_handler';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Lambda hands each function the JSON its source sends
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
    return (event: unknown, context) => handleApiEvent(app, event, context);
  }
  const fn = app.functions.get(name);
  if (!fn) {
    const known = [API_HANDLER, ...app.functions.keys()].join(', ');
    throw new Error(`app ${app.appName} has no Lambda function named ${name} (it has: ${known})`);
  }
  switch (fn.kind) {
    case 'authorizer':
      return withContext(app, fn, async (event: APIGatewayTokenAuthorizerEvent) => {
        const request = AuthRequest.fromEvent(event);
        const result = await fn.authorizer.handler(request);
        return result instanceof AuthResponse ? result.toDict(request) : result;
      });
    case 'schedule':
      return eventHandler(app, fn, 'scheduled', CloudWatchEvent, fn.handler);
    case 'cw-event':
      return eventHandler(app, fn, 'cloudwatch', CloudWatchEvent, fn.handler);
    case 'lambda':
      return eventHandler(app, fn, 'pure_lambda', LambdaFunctionEvent, (e) => fn.handler(e.event, e.context!));
    case 'sns':
      return eventHandler(app, fn, 'sns', SNSEvent, fn.handler);
    case 'sqs':
      return eventHandler(app, fn, 'sqs', SQSEvent, fn.handler);
    case 'kinesis':
      return eventHandler(app, fn, 'kinesis', KinesisEvent, fn.handler);
    case 'dynamodb':
      return eventHandler(app, fn, 'dynamodb', DynamoDBEvent, fn.handler);
    case 's3':
      return eventHandler(app, fn, 's3', S3Event, fn.handler);
    case 'ws-connect':
    case 'ws-message':
    case 'ws-disconnect':
      return withContext(app, fn, (event, context) => handleWebsocketEvent(app, fn.handler, event, context));
    default:
      return assertNever(fn);
  }
}

/**
 * An event source's, schedule's or pure function's handler: the Lambda event wrapped as its handler takes it, through
 * the app's middleware of `kind` (DESIGN.md §12).
 */
function eventHandler<E>(
  app: App,
  fn: FunctionEntry,
  kind: MiddlewareKind,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind's wrapper types its own event
  Wrapper: new (event: any, context: LambdaContext) => E,
  handler: (event: E) => unknown,
): LambdaHandler {
  return withContext(app, fn, (event, context) =>
    runMiddleware(middlewareFor(app.registeredMiddleware, kind), new Wrapper(event, context), handler),
  );
}

/**
 * Sets `app.lambdaContext` for the length of one invocation. Async, so that whatever the event,
 * a failure is a rejected promise (Lambda reports it as the invocation's error), never a throw.
 */
function withContext(
  app: App,
  fn: FunctionEntry,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind's handler types its own event
  call: (event: any, context: LambdaContext) => unknown,
): LambdaHandler {
  return async (event, context) => {
    checkEvent(fn, event);
    app.lambdaContext = context;
    try {
      return await call(event, context);
    } finally {
      app.lambdaContext = undefined;
    }
  };
}

/** Event sources deliver `Records`; SNS and S3 handlers read the first one. */
const RECORDS: Partial<Record<FunctionEntry['kind'], 'any' | 'first'>> = {
  sqs: 'any',
  kinesis: 'any',
  dynamodb: 'any',
  sns: 'first',
  s3: 'first',
};

/** The wrappers' shape requirements, as one readable error instead of a TypeError deep inside them. */
function checkEvent(fn: FunctionEntry, event: unknown): void {
  if (fn.kind === 'lambda') return; // a pure Lambda function takes any JSON value
  const where = `${fn.kind} function '${fn.name}'`;
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw new TypeError(
      `${where} received ${event === null ? 'null' : Array.isArray(event) ? 'an array' : `a ${typeof event}`} as its event, not an object`,
    );
  }
  if (fn.kind.startsWith('ws-')) return checkWebsocketEvent(where, event);
  const need = RECORDS[fn.kind];
  if (need === undefined) return;
  const records: unknown = (event as { Records?: unknown }).Records;
  const first: unknown = Array.isArray(records) ? records[0] : undefined;
  if (!Array.isArray(records) || (need === 'first' && (typeof first !== 'object' || first === null))) {
    throw new TypeError(`${where} received an event without ${need === 'first' ? 'a record' : 'a Records list'}`);
  }
}

/** API Gateway's websocket events name their connection in `requestContext`. */
function checkWebsocketEvent(where: string, event: object): void {
  const context: unknown = (event as { requestContext?: unknown }).requestContext;
  const connectionId: unknown = (context as { connectionId?: unknown } | null | undefined)?.connectionId;
  if (typeof context !== 'object' || context === null || typeof connectionId !== 'string') {
    throw new TypeError(`${where} received an event without requestContext.connectionId`);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected function entry ${JSON.stringify(value)}`);
}
