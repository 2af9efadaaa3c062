import { BuiltinAuthorizer, type AuthorizerHandler, type BuiltinAuthorizerOptions } from './authorizers';
import type { DynamoDBEvent, KinesisEvent, S3Event, SNSEvent, SQSEvent } from './event-sources';
import type {
  CWEventOptions,
  DynamoDBOptions,
  EventHandler,
  FunctionEntry,
  FunctionOptions,
  KinesisOptions,
  LambdaFunctionHandler,
  S3Options,
  ScheduleHandler,
  ScheduleOptions,
  SnsOptions,
  SqsOptions,
  WebsocketHandler,
} from './functions';
import { pathParamNames, type RouteEntry, type RouteHandler, type RouteOptions } from './routes';
import type { Middleware, MiddlewareEntry } from './middleware';
import type { MiddlewareKind } from './registrations';
import type { CloudWatchEvent, ScheduleExpression } from './schedule';

/**
 * The compiler marks each non-route handler with the name it derived statically
 * (docs/api.md "Names"), so the runtime and the template agree even when the name
 * comes from the `const` a registration is assigned to.
 */
export const HANDLER_NAME = Symbol.for('appc.name');

/**
 * Registrations shared by `App` and `Blueprint`. The call shapes are part of the
 * contract: the compiler reads them statically (docs/api.md).
 */
export abstract class Registrar {
  /** Register an HTTP route: `app.route('/cities/{city}', ({ city }) => ({ city }))`. */
  route<P extends string, TBody = unknown, TQuery = Record<string, string>>(
    path: P,
    handler: RouteHandler<P, TBody, TQuery>,
  ): void;
  /** Register an HTTP route with options: `app.route('/x', { methods: ['PUT'] }, handler)`. */
  route<P extends string, TBody = unknown, TQuery = Record<string, string>>(
    path: P,
    options: RouteOptions,
    handler: RouteHandler<P, TBody, TQuery>,
  ): void;
  route<P extends string, TBody, TQuery>(
    path: P,
    a: RouteOptions | RouteHandler<P, TBody, TQuery>,
    b?: RouteHandler<P, TBody, TQuery>,
  ): void {
    const [options, handler] =
      typeof a === 'function' ? [{} as RouteOptions, a] : [a, b as RouteHandler<P, TBody, TQuery>];
    const base = {
      path,
      name: options.name ?? handler.name,
      paramNames: pathParamNames(path),
      contentTypes: options.contentTypes ?? ['application/json'],
      authorizer: options.authorizer,
      apiKeyRequired: options.apiKeyRequired ?? false,
      cors: options.cors,
      handler: handler as RouteEntry['handler'],
    };
    for (const method of options.methods ?? ['GET']) this.addRoute({ ...base, method: method.toUpperCase() });
  }

  /** Register a built-in TOKEN authorizer; pass the result as a route's `authorizer`. */
  authorizer(handler: AuthorizerHandler): BuiltinAuthorizer;
  authorizer(options: BuiltinAuthorizerOptions, handler: AuthorizerHandler): BuiltinAuthorizer;
  authorizer(a: BuiltinAuthorizerOptions | AuthorizerHandler, b?: AuthorizerHandler): BuiltinAuthorizer {
    const [options, handler] = typeof a === 'function' ? [{}, a] : [a, b as AuthorizerHandler];
    const authorizer = new BuiltinAuthorizer(functionName(handler, options), handler, options);
    this.addFunction({ kind: 'authorizer', name: authorizer.name, authorizer });
    return authorizer;
  }

  /** Run a handler on a schedule: `app.schedule(new Rate(5, Rate.MINUTES), handler)`. */
  schedule<H extends ScheduleHandler>(expression: ScheduleExpression, handler: H): H;
  schedule<H extends ScheduleHandler>(expression: ScheduleExpression, options: ScheduleOptions, handler: H): H;
  schedule<H extends ScheduleHandler>(expression: ScheduleExpression, a: ScheduleOptions | H, b?: H): H {
    const [options, handler]: [ScheduleOptions, H] = typeof a === 'function' ? [{}, a] : [a, b as H];
    const { description } = options;
    this.addFunction({ kind: 'schedule', name: functionName(handler, options), expression, description, handler });
    return handler;
  }

  /** A plain Lambda function that receives `(event, context)` unchanged. */
  lambdaFunction<H extends LambdaFunctionHandler>(handler: H): H;
  lambdaFunction<H extends LambdaFunctionHandler>(options: FunctionOptions, handler: H): H;
  lambdaFunction<H extends LambdaFunctionHandler>(a: FunctionOptions | H, b?: H): H {
    const [options, handler]: [FunctionOptions, H] = typeof a === 'function' ? [{}, a as H] : [a, b as H];
    this.addFunction({ kind: 'lambda', name: functionName(handler, options), handler });
    return handler;
  }

  /**
   * Handle the messages of an SNS topic (a name or an ARN):
   * `app.onSnsMessage({ topic: 'alerts' }, (event) => event.message)`.
   */
  onSnsMessage<H extends EventHandler<SNSEvent>>(options: SnsOptions, handler: H): H {
    this.addFunction({ kind: 'sns', name: functionName(handler, options), topic: options.topic, handler });
    return handler;
  }

  /**
   * Handle batches of SQS messages:
   * `app.onSqsMessage({ queue: 'jobs' }, (event) => { for (const r of event) r.body })`.
   */
  onSqsMessage<H extends EventHandler<SQSEvent>>(options: SqsOptions, handler: H): H {
    if ((options.queue === undefined) === (options.queueArn === undefined)) {
      throw new TypeError('onSqsMessage needs exactly one of { queue } and { queueArn }');
    }
    this.addFunction({
      kind: 'sqs',
      name: functionName(handler, options),
      queue: options.queue,
      queueArn: options.queueArn,
      batchSize: options.batchSize ?? 1,
      maximumBatchingWindowInSeconds: options.maximumBatchingWindowInSeconds ?? 0,
      maximumConcurrency: options.maximumConcurrency,
      handler,
    });
    return handler;
  }

  /** Handle the EventBridge (CloudWatch Events) events matching a pattern. */
  onCWEvent<H extends EventHandler<CloudWatchEvent>>(options: CWEventOptions, handler: H): H {
    this.addFunction({
      kind: 'cw-event',
      name: functionName(handler, options),
      eventPattern: options.eventPattern,
      handler,
    });
    return handler;
  }

  /** Handle batches of records of a Kinesis stream (by name). */
  onKinesisRecord<H extends EventHandler<KinesisEvent>>(options: KinesisOptions, handler: H): H {
    this.addFunction({
      kind: 'kinesis',
      name: functionName(handler, options),
      stream: options.stream,
      ...streamSettings(options),
      handler,
    });
    return handler;
  }

  /** Handle batches of records of a DynamoDB stream (by ARN). */
  onDynamoDBRecord<H extends EventHandler<DynamoDBEvent>>(options: DynamoDBOptions, handler: H): H {
    this.addFunction({
      kind: 'dynamodb',
      name: functionName(handler, options),
      streamArn: options.streamArn,
      ...streamSettings(options),
      handler,
    });
    return handler;
  }

  /** Handle S3 notifications of a bucket: `app.onS3Event({ bucket: 'b', events: ['s3:ObjectCreated:*'] }, handler)`. */
  onS3Event<H extends EventHandler<S3Event>>(options: S3Options, handler: H): H {
    this.addFunction({
      kind: 's3',
      name: functionName(handler, options),
      bucket: options.bucket,
      events: options.events ?? ['s3:ObjectCreated:*'],
      prefix: options.prefix,
      suffix: options.suffix,
      handler,
    });
    return handler;
  }

  /** Handle new websocket connections: `app.onWsConnect((event) => { ... })`. */
  onWsConnect<H extends WebsocketHandler>(handler: H): H {
    this.addFunction({ kind: 'ws-connect', name: 'websocket_connect', handler });
    return handler;
  }

  /** Handle websocket messages (the `$default` route): `app.onWsMessage((event) => event.body)`. */
  onWsMessage<H extends WebsocketHandler>(handler: H): H {
    this.addFunction({ kind: 'ws-message', name: 'websocket_message', handler });
    return handler;
  }

  /** Handle closed websocket connections. */
  onWsDisconnect<H extends WebsocketHandler>(handler: H): H {
    this.addFunction({ kind: 'ws-disconnect', name: 'websocket_disconnect', handler });
    return handler;
  }

  /**
   * Run `handler` around every handler of `kind` (`'all'`: every kind), in registration order:
   * `app.middleware('http', async (request, next) => { const response = await next(request); ...; return response; })`.
   */
  middleware<K extends MiddlewareKind>(kind: K, handler: Middleware<K>): void {
    // The chain passes each middleware the event of its kind (src/runtime/middleware.ts).
    this.addMiddleware({ kind, handler: handler as unknown as MiddlewareEntry['handler'] });
  }

  protected abstract addRoute(entry: RouteEntry): void;
  protected abstract addFunction(entry: FunctionEntry): void;
  protected abstract addMiddleware(entry: MiddlewareEntry): void;
}

function streamSettings(options: KinesisOptions | DynamoDBOptions) {
  return {
    batchSize: options.batchSize ?? 100,
    startingPosition: options.startingPosition ?? 'LATEST',
    maximumBatchingWindowInSeconds: options.maximumBatchingWindowInSeconds ?? 0,
  } as const;
}

/** docs/api.md "Names": `options.name`, else the name the compiler derived, else the function's own name. */
function functionName(
  handler: ((...args: never[]) => unknown) & { [HANDLER_NAME]?: string },
  options: FunctionOptions,
): string {
  const name = options.name ?? handler[HANDLER_NAME] ?? handler.name;
  if (!name) {
    throw new Error('cannot name this Lambda function: pass { name: "..." } or use a named function');
  }
  return name;
}
