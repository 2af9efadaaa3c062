import type { DynamoDBEvent, KinesisEvent, LambdaFunctionEvent, S3Event, SNSEvent, SQSEvent } from './event-sources';
import { LambdaEvent } from './event-sources';
import type { LambdaContext } from './events';
import type { MiddlewareKind } from './registrations';
import { Request } from './request';
import type { Response } from './response';
import type { CloudWatchEvent } from './schedule';
import type { WebsocketEvent } from './websocket-event';

export type { MiddlewareKind } from './registrations';

/** What a middleware of each kind receives, as in Chalice: the handler's own event (`Request` for routes). */
export interface MiddlewareEvents {
  http: Request;
  websocket: WebsocketEvent;
  pure_lambda: LambdaFunctionEvent;
  scheduled: CloudWatchEvent;
  cloudwatch: CloudWatchEvent;
  sns: SNSEvent;
  sqs: SQSEvent;
  s3: S3Event;
  kinesis: KinesisEvent;
  dynamodb: DynamoDBEvent;
}

/** The event of a middleware of `K`: for `all`, any of them (narrow it with `instanceof`). */
export type MiddlewareEvent<K extends MiddlewareKind> = K extends keyof MiddlewareEvents
  ? MiddlewareEvents[K]
  : MiddlewareEvents[keyof MiddlewareEvents];

/** What `next` resolves to: a route's `Response` (errors already answered), else the handler's value. */
export type MiddlewareResult<K extends MiddlewareKind> = K extends 'http' ? Response : unknown;

/**
 * A middleware: `(event, next) => next(event)`. It runs around every handler of its kind, may change the event it
 * passes on, answer without calling `next`, change or replace the answer, or catch what the handler throws.
 */
export type Middleware<K extends MiddlewareKind = 'all'> = (
  event: MiddlewareEvent<K>,
  next: (event: MiddlewareEvent<K>) => Promise<MiddlewareResult<K>>,
) => unknown;

/** A middleware as the chain calls it, whatever its kind. */
export type AnyMiddleware = (event: unknown, next: (event: unknown) => Promise<unknown>) => unknown;

/** A middleware as the app holds it, in registration order. */
export interface MiddlewareEntry {
  readonly kind: MiddlewareKind;
  readonly handler: AnyMiddleware;
}

/** The app's middleware that runs around a handler of `kind`, outermost first. */
export function middlewareFor(registered: readonly MiddlewareEntry[], kind: MiddlewareKind): AnyMiddleware[] {
  const chain: AnyMiddleware[] = [];
  for (const entry of registered) if (entry.kind === kind || entry.kind === 'all') chain.push(entry.handler);
  return chain;
}

/**
 * `handler(event)` inside `chain`: each middleware's `next` calls the next one, the last one's calls the handler.
 * `settle` turns each step's answer into what `next` resolves to (a route's `Response`). Without middleware, the
 * handler's own value, not wrapped in a promise.
 */
export function runMiddleware<E>(
  chain: readonly AnyMiddleware[],
  event: E,
  handler: (event: E) => unknown,
  settle: (value: unknown) => unknown = (value) => value,
): unknown {
  if (chain.length === 0) return handler(event);
  const step = async (index: number, current: unknown): Promise<unknown> => {
    const middleware = chain[index];
    if (middleware === undefined) return settle(await handler(current as E));
    return settle(await middleware(current, (next) => step(index + 1, next)));
  };
  return step(0, event);
}

/** The context of the invocation each route's `Request` belongs to, for `ConvertToMiddleware`. */
const requestContexts = new WeakMap<Request, LambdaContext>();

/** Records the Lambda context of `request`'s invocation (routes with middleware only). */
export function rememberContext(request: Request, context: LambdaContext): void {
  requestContexts.set(request, context);
}

/** A Lambda handler wrapper, e.g. a logging or tracing library's: it takes a handler and returns one. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a wrapper's handler takes whatever event Lambda sends
export type LambdaWrapper = (handler: (event: any, context: LambdaContext) => Promise<any>) => LambdaHandlerLike;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type LambdaHandlerLike = (event: any, context: LambdaContext) => unknown;

/** A middleware for any kind: `ConvertToMiddleware`'s. */
export type ConvertedMiddleware = <E, R>(event: E, next: (event: E) => Promise<R>) => Promise<R>;

/**
 * Adapts a Lambda handler wrapper into a middleware for any kind, as Chalice's `ConvertToMiddleware`: the wrapper
 * gets the raw Lambda event and context, and its handler runs the rest of the chain with the event as it was.
 * @example app.middleware('all', ConvertToMiddleware(logger.wrapHandler))
 */
export function ConvertToMiddleware(wrapper: LambdaWrapper): ConvertedMiddleware {
  return async (event, next) => {
    const [raw, context] = lambdaArguments(event);
    return (await wrapper(() => next(event))(raw, context as LambdaContext)) as never;
  };
}

/** The Lambda event and context a middleware's event was made from. */
function lambdaArguments(event: unknown): [unknown, LambdaContext | undefined] {
  if (event instanceof Request) return [event.toOriginalEvent(), requestContexts.get(event)];
  if (event instanceof LambdaEvent) return [event.toDict(), event.context];
  return [event, undefined];
}
