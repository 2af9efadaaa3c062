/**
 * Every registration method of `App` and `Blueprint` as data: its arguments, its options with
 * their types and defaults, which options are required, and how the function it adds is named
 * (docs/api.md). The compiler reads registrations statically from this table; the
 * runtime's registrar applies the same defaults (test/runtime/registrations.test.ts holds them
 * to it).
 *
 * Adding a registration or an option: one entry here, then its emitter (the model entry built in
 * src/compiler/analyze/function-model.ts and its template fragment in src/compiler/emit/) and the
 * registrar method. Option reading, type and required checks, unknown-option validation and the
 * analyzer's symbol lookup follow the table.
 *
 * Imports nothing, so that the compiler can import it as it imports the runtime's CORS helper.
 */

/** How the analyzer reads an option's value. */
export type OptionType = 'string' | 'number' | 'boolean' | 'strings' | 'cors' | 'authorizer' | 'json';

export interface OptionSpec {
  readonly type: OptionType;
  /** The value when the option is left out. */
  readonly default?: string | number | boolean | readonly string[];
  /** Reported when left out (APPC213). */
  readonly required?: true;
}

export interface RegistrationSpec {
  /**
   * The kind of model entry it adds: a route, a Lambda function of that kind, a middleware (no function of its own),
   * or a blueprint's entries.
   */
  readonly kind: string;
  /** `registerBlueprint` is the App's alone; the rest are the `Registrar`'s, shared by both. */
  readonly receivers: 'App' | 'App and Blueprint';
  /** The argument before the options, named as in the call shape: `app.route(path, ...)`. */
  readonly leading?: 'path' | 'expression' | 'blueprint' | 'kind';
  /** Whether the options object may be left out; `none`: the registration takes no options. */
  readonly optionsArgument: 'optional' | 'required' | 'none';
  /** Whether the last argument is the handler. */
  readonly handler: boolean;
  /**
   * docs/api.md "Names": `view` is `options.name`, else the handler's own name; `function` is
   * that, else the `const` the registration is assigned to. `fixed`: always `functionName`. `none`: nothing is
   * named.
   */
  readonly names: 'view' | 'function' | 'fixed' | 'none';
  /** The Lambda function's name when `names` is `fixed`. */
  readonly functionName?: string;
  /** Whether a blueprint's `namePrefix` applies: authorizers keep their own name, as in Chalice. */
  readonly namePrefix: boolean;
  /** In the order diagnostics list them. */
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Options of which exactly one must be given (APPC326). */
  readonly exactlyOneOf?: readonly string[];
}

const NAME = { type: 'string' } as const;
const BATCHING_WINDOW = { type: 'number', default: 0 } as const;
/** Kinesis and DynamoDB streams' settings after the stream itself. */
const STREAM_SETTINGS = {
  batchSize: { type: 'number', default: 100 },
  startingPosition: { type: 'string', default: 'LATEST' },
  maximumBatchingWindowInSeconds: BATCHING_WINDOW,
} as const;
/** An event source: `app.onX(options, handler)`, a function named as docs/api.md says, prefixed in blueprints. */
const EVENT_SOURCE = {
  receivers: 'App and Blueprint',
  optionsArgument: 'required',
  handler: true,
  names: 'function',
  namePrefix: true,
} as const;

/**
 * A websocket handler: `app.onWsConnect(handler)`. Chalice names the three functions itself
 * (`websocket_connect`, ...), whatever the handler is called, and blueprints do not prefix them.
 */
const WEBSOCKET = {
  receivers: 'App and Blueprint',
  optionsArgument: 'none',
  handler: true,
  names: 'fixed',
  namePrefix: false,
  options: {},
} as const;

/**
 * The event kinds a middleware runs around (`app.middleware(kind, fn)`), as Chalice names them; `all` is every
 * kind. Authorizers have no middleware, as in Chalice.
 */
export const MIDDLEWARE_KINDS = [
  'all',
  'http',
  'websocket',
  'pure_lambda',
  'scheduled',
  'sns',
  'sqs',
  's3',
  'cloudwatch',
  'kinesis',
  'dynamodb',
] as const;

/** The registrations, by method name. */
export const REGISTRATIONS = {
  route: {
    kind: 'route',
    receivers: 'App and Blueprint',
    leading: 'path',
    optionsArgument: 'optional',
    handler: true,
    names: 'view',
    namePrefix: false,
    options: {
      methods: { type: 'strings', default: ['GET'] },
      name: NAME,
      authorizer: { type: 'authorizer' },
      contentTypes: { type: 'strings', default: ['application/json'] },
      apiKeyRequired: { type: 'boolean', default: false },
      cors: { type: 'cors' },
    },
  },
  authorizer: {
    kind: 'authorizer',
    receivers: 'App and Blueprint',
    optionsArgument: 'optional',
    handler: true,
    names: 'function',
    namePrefix: false,
    options: {
      name: NAME,
      ttlSeconds: { type: 'number' },
      executionRole: { type: 'string' },
      header: { type: 'string', default: 'Authorization' },
    },
  },
  schedule: {
    kind: 'schedule',
    receivers: 'App and Blueprint',
    leading: 'expression',
    optionsArgument: 'optional',
    handler: true,
    names: 'function',
    namePrefix: true,
    options: { name: NAME, description: { type: 'string' } },
  },
  lambdaFunction: {
    kind: 'lambda',
    receivers: 'App and Blueprint',
    optionsArgument: 'optional',
    handler: true,
    names: 'function',
    namePrefix: true,
    options: { name: NAME },
  },
  onSnsMessage: {
    kind: 'sns',
    ...EVENT_SOURCE,
    options: { name: NAME, topic: { type: 'string', required: true } },
  },
  onSqsMessage: {
    kind: 'sqs',
    ...EVENT_SOURCE,
    options: {
      name: NAME,
      queue: { type: 'string' },
      queueArn: { type: 'string' },
      batchSize: { type: 'number', default: 1 },
      maximumBatchingWindowInSeconds: BATCHING_WINDOW,
      maximumConcurrency: { type: 'number' },
    },
    exactlyOneOf: ['queue', 'queueArn'],
  },
  onCWEvent: {
    kind: 'cw-event',
    ...EVENT_SOURCE,
    options: { name: NAME, eventPattern: { type: 'json', required: true } },
  },
  onKinesisRecord: {
    kind: 'kinesis',
    ...EVENT_SOURCE,
    options: { name: NAME, stream: { type: 'string', required: true }, ...STREAM_SETTINGS },
  },
  onDynamoDBRecord: {
    kind: 'dynamodb',
    ...EVENT_SOURCE,
    options: { name: NAME, streamArn: { type: 'string', required: true }, ...STREAM_SETTINGS },
  },
  onS3Event: {
    kind: 's3',
    ...EVENT_SOURCE,
    options: {
      name: NAME,
      bucket: { type: 'string', required: true },
      events: { type: 'strings', default: ['s3:ObjectCreated:*'] },
      prefix: { type: 'string' },
      suffix: { type: 'string' },
    },
  },
  onWsConnect: { kind: 'ws-connect', ...WEBSOCKET, functionName: 'websocket_connect' },
  onWsMessage: { kind: 'ws-message', ...WEBSOCKET, functionName: 'websocket_message' },
  onWsDisconnect: { kind: 'ws-disconnect', ...WEBSOCKET, functionName: 'websocket_disconnect' },
  middleware: {
    kind: 'middleware',
    receivers: 'App and Blueprint',
    leading: 'kind',
    optionsArgument: 'none',
    handler: true,
    names: 'none',
    namePrefix: false,
    options: {},
  },
  registerBlueprint: {
    kind: 'blueprint',
    receivers: 'App',
    leading: 'blueprint',
    optionsArgument: 'optional',
    handler: false,
    names: 'none',
    namePrefix: false,
    options: { urlPrefix: { type: 'string' }, namePrefix: { type: 'string' } },
  },
} as const satisfies Record<string, RegistrationSpec>;

export type Registrations = typeof REGISTRATIONS;
export type RegistrationMethod = keyof Registrations;
export type RegistrationKind = Registrations[RegistrationMethod]['kind'];
/** The Lambda function kinds, `FunctionEntry['kind']` and the compiler's `FunctionModel['kind']`. */
export type RegisteredFunctionKind = Exclude<RegistrationKind, 'route' | 'blueprint' | 'middleware'>;
/** `app.middleware(kind, ...)`'s first argument. */
export type MiddlewareKind = (typeof MIDDLEWARE_KINDS)[number];

/** Whether `name` is a registration method (`'route'`, `'onSqsMessage'`, ...). */
export function isRegistrationMethod(name: string): name is RegistrationMethod {
  return Object.hasOwn(REGISTRATIONS, name);
}

/** The registration method that adds entries of `kind`: `'sqs'` -> `'onSqsMessage'`. */
export function methodOf(kind: RegistrationKind): RegistrationMethod {
  return (Object.keys(REGISTRATIONS) as RegistrationMethod[]).find((method) => REGISTRATIONS[method].kind === kind)!;
}

/** The options a registration takes, in the table's order. */
export function optionNames(method: RegistrationMethod): string[] {
  return Object.keys(REGISTRATIONS[method].options);
}
