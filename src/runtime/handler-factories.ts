import type { App } from './app';
import { handleApiEvent } from './api-handler';
import { AuthRequest, AuthResponse } from './authorizers';
import { DynamoDBEvent, KinesisEvent, LambdaFunctionEvent, S3Event, SNSEvent, SQSEvent } from './event-sources';
import type { APIGatewayTokenAuthorizerEvent, LambdaContext } from './events';
import type { FunctionEntry, FunctionKind } from './functions';
import { middlewareFor, runMiddleware } from './middleware';
import type { MiddlewareKind } from './registrations';
import { CloudWatchEvent } from './schedule';
import { handleWebsocketEvent } from './websocket-handler';

/**
 * The Lambda entry point of each kind of function, one factory a kind, each importing only what its
 * kind needs: the entry module `appc package` generates imports the factories of the kinds the app
 * has (`HANDLER_FACTORIES`), so that a deployment.zip carries no code for the others and its cold
 * start compiles none of it. `lambdaHandler` picks among them by the function's name.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Lambda hands each function the JSON its source sends
export type LambdaHandler = (event: any, context: LambdaContext) => Promise<unknown>;

/** The API handler: every route. */
export function apiHandler(app: App): LambdaHandler {
  return (event: unknown, context) => handleApiEvent(app, event, context);
}

/** A built-in authorizer: the handler's `AuthResponse` as the policy API Gateway expects. */
export function authorizerHandler(app: App, name: string): LambdaHandler {
  const fn = functionOf(app, name, 'authorizer');
  return withContext(app, fn, async (event: APIGatewayTokenAuthorizerEvent) => {
    const request = AuthRequest.fromEvent(event);
    const result = await fn.authorizer.handler(request);
    return result instanceof AuthResponse ? result.toDict(request) : result;
  });
}

/** A schedule's handler. */
export function scheduleHandler(app: App, name: string): LambdaHandler {
  const fn = functionOf(app, name, 'schedule');
  return eventHandler(app, fn, 'scheduled', CloudWatchEvent, fn.handler);
}

/** An EventBridge (CloudWatch Events) handler. */
export function cwEventHandler(app: App, name: string): LambdaHandler {
  const fn = functionOf(app, name, 'cw-event');
  return eventHandler(app, fn, 'cloudwatch', CloudWatchEvent, fn.handler);
}

/** A pure Lambda function: `(event, context)` as Lambda passes them. */
export function pureLambdaHandler(app: App, name: string): LambdaHandler {
  const fn = functionOf(app, name, 'lambda');
  return eventHandler(app, fn, 'pure_lambda', LambdaFunctionEvent, (e) => fn.handler(e.event, e.context!));
}

export function snsHandler(app: App, name: string): LambdaHandler {
  const fn = functionOf(app, name, 'sns');
  return eventHandler(app, fn, 'sns', SNSEvent, fn.handler);
}

export function sqsHandler(app: App, name: string): LambdaHandler {
  const fn = functionOf(app, name, 'sqs');
  return eventHandler(app, fn, 'sqs', SQSEvent, fn.handler);
}

export function kinesisHandler(app: App, name: string): LambdaHandler {
  const fn = functionOf(app, name, 'kinesis');
  return eventHandler(app, fn, 'kinesis', KinesisEvent, fn.handler);
}

export function dynamodbHandler(app: App, name: string): LambdaHandler {
  const fn = functionOf(app, name, 'dynamodb');
  return eventHandler(app, fn, 'dynamodb', DynamoDBEvent, fn.handler);
}

export function s3Handler(app: App, name: string): LambdaHandler {
  const fn = functionOf(app, name, 's3');
  return eventHandler(app, fn, 's3', S3Event, fn.handler);
}

/** `$connect`, `$default` (messages) or `$disconnect` of the websocket API. */
export function websocketHandler(app: App, name: string): LambdaHandler {
  const fn = functionOf(app, name, 'ws-connect', 'ws-message', 'ws-disconnect');
  return withContext(app, fn, (event, context) => handleWebsocketEvent(app, fn.handler, event, context));
}

/** The name of the function that serves every route. */
export const API_HANDLER = 'api_handler';

/** The app's function `name`, which must be of one of `kinds`. */
function functionOf<K extends FunctionKind>(
  app: App,
  name: string,
  ...kinds: K[]
): Extract<FunctionEntry, { kind: K }> {
  const fn = app.functions.get(name);
  if (!fn) return noSuchFunction(app, name);
  if (!(kinds as FunctionKind[]).includes(fn.kind)) {
    throw new Error(`app ${app.appName}'s function ${name} is a ${fn.kind} function, not ${kinds.join(' or ')}`);
  }
  return fn as Extract<FunctionEntry, { kind: K }>;
}

export function noSuchFunction(app: App, name: string): never {
  const known = [API_HANDLER, ...app.functions.keys()].join(', ');
  throw new Error(`app ${app.appName} has no Lambda function named ${name} (it has: ${known})`);
}

/**
 * An event source's, schedule's or pure function's handler: the Lambda event wrapped as its handler takes it, through
 * the app's middleware of `kind` (docs/api.md).
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
const RECORDS: Partial<Record<FunctionKind, 'any' | 'first'>> = {
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
