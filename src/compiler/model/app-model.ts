import type { MiddlewareKind } from '../../runtime/registrations';
import type { JsonSchema, SchemaDefinitions } from './json-schema';

/**
 * The AppModel: everything `appc package` needs to know about a user's app, as plain,
 * JSON-serialisable data. The analyzer produces it (the only stage that touches TS
 * nodes); validation and the emitters consume it. Nothing here imports ts-morph.
 *
 * Conventions: paths are POSIX and relative to the project directory; lines and columns
 * are 1-based; lists keep registration order (module evaluation order across files).
 * Every field is `readonly`: the analyzer builds the model once and no later stage
 * changes it (a stage that needs a different list builds its own copy).
 */

/** Where something was written, for diagnostics. */
export interface SourceLocation {
  /** The file, relative to the project directory. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, in characters. */
  readonly column: number;
  /** Characters to underline in the code frame (on the first line). */
  readonly length: number;
}

/**
 * Where the parts of a registration call are written, so that a diagnostic about one part underlines that part
 * rather than the whole call.
 */
export interface CallParts {
  /** The argument before the options and the handler: a route's path, a schedule's expression; absent: none. */
  readonly argument?: SourceLocation;
  /**
   * Each option given, by key: its property (`batchSize: 0`), or the options argument when the key is not written in
   * it (options from a const or a spread).
   */
  readonly options: { readonly [key: string]: SourceLocation };
  /** The elements of each option written as an array literal, by key (`methods: ['GET', 'POST']`). */
  readonly elements: { readonly [key: string]: readonly SourceLocation[] };
}

/** A handler function argument: enough for the entry point and for validation. */
export interface HandlerModel {
  /** The handler expression's location. */
  readonly location: SourceLocation;
  /** Character offset where the handler expression starts in its file (the compiler marks it with its name there). */
  readonly start: number;
  /** Character offset just past the handler expression's end. */
  readonly end: number;
  /**
   * Names destructured from the first parameter (`({ city }) => ...` -> `['city']`); `null` if it is not a
   * destructuring pattern.
   */
  readonly paramNames: readonly string[] | null;
  /**
   * The handler's own name (`function everyHour`, or the declaration a reference resolves to); `null` for an anonymous
   * function.
   */
  readonly ownName: string | null;
  /**
   * JSDoc of the handler or its registration statement: its first paragraph and the rest; each absent when not written.
   */
  readonly docs: { readonly summary?: string; readonly description?: string };
}

/** CORS settings as data (the runtime's `CORSOptions` with defaults applied). */
export interface CorsModel {
  /** `Access-Control-Allow-Origin`. */
  readonly allowOrigin: string;
  /** `Access-Control-Allow-Headers`: the runtime's defaults plus any given. */
  readonly allowHeaders: readonly string[];
  /** `Access-Control-Expose-Headers`; absent: the header is not sent. */
  readonly exposeHeaders?: readonly string[];
  /** `Access-Control-Max-Age`, in seconds; absent: not sent. */
  readonly maxAge?: number;
  /** `Access-Control-Allow-Credentials`; absent: not sent. */
  readonly allowCredentials?: boolean;
}

/** The authorizer a route names. Built-in authorizers refer to a function by name. */
export type AuthorizerUse =
  /** `new IAMAuthorizer()`: SigV4-signed requests (API Gateway's `AWS_IAM`). */
  | { readonly kind: 'iam' }
  | {
      readonly kind: 'cognito';
      /** The authorizer's name in the API (its swagger security definition). */
      readonly name: string;
      /** ARNs of the Cognito user pools whose tokens it accepts. */
      readonly providerArns: readonly string[];
      /** The request header carrying the token (default `Authorization`). */
      readonly header: string;
      /** OAuth scopes the route requires (`authorizer.withScopes([...])`); empty: none. */
      readonly scopes: readonly string[];
    }
  | {
      readonly kind: 'custom';
      /** The authorizer's name in the API (its swagger security definition). */
      readonly name: string;
      /** The Lambda invocation URI API Gateway calls. */
      readonly authorizerUri: string;
      /** How long API Gateway caches the authorizer's answer, in seconds (default 300). */
      readonly ttlSeconds: number;
      /** The request header carrying the token (default `Authorization`). */
      readonly header: string;
      /** The role API Gateway assumes to invoke the authorizer; absent: none given. */
      readonly invokeRoleArn?: string;
      /** OAuth scopes the route requires; empty: none. */
      readonly scopes: readonly string[];
    }
  | {
      readonly kind: 'builtin';
      /** The name of the `app.authorizer(...)` function it refers to (blueprint prefix applied). */
      readonly name: string;
      /** Scopes the route requires (`authorizer.withScopes([...])`); empty: none. */
      readonly scopes: readonly string[];
    };

/** One `app.route(...)` registration (all its methods). */
export interface RouteModel {
  /** Final path, blueprint `urlPrefix` applied. */
  readonly path: string;
  /** Upper-case methods in the order given. */
  readonly methods: readonly string[];
  /** The view's name: `options.name`, else the handler's own name, else `null`. */
  readonly name: string | null;
  /** Request content types the route accepts (default `['application/json']`). */
  readonly contentTypes: readonly string[];
  /** Whether API Gateway requires an API key for it. */
  readonly apiKeyRequired: boolean;
  /** `null`: not set on the route (the app default `AppModel.cors` applies); `false`: disabled. */
  readonly cors: CorsModel | false | null;
  /** The authorizer it names; `null`: none. */
  readonly authorizer: AuthorizerUse | null;
  /** The view function. */
  readonly handler: HandlerModel;
  /** The `app.route(...)` call. */
  readonly location: SourceLocation;
  /** Its path argument and options. */
  readonly parts: CallParts;
  /** Option keys that appc does not know (reported by validation). */
  readonly unknownOptions: readonly string[];
  /** The request and response types the handler declares (README "Models"); absent when it declares none. */
  readonly schemas?: RouteSchemas;
}

/**
 * A route's declared types as JSON Schema (README "Models"). Each schema is `{ $ref: '#/definitions/<Name>' }` into
 * `AppModel.models.definitions`, or `{}` for `unknown`/`any`. Each part is absent when the handler does not declare it.
 */
export interface RouteSchemas {
  /** `TBody` of `Request<TBody, TQuery>` on the handler's second parameter. */
  readonly body?: {
    readonly schema: JsonSchema;
    /** False when the type includes `undefined` (the request may have no body). */
    readonly required: boolean;
  };
  /** `TQuery`: one entry per property of the query type, in declaration order. */
  readonly query?: readonly QueryParameterModel[];
  /** The 200 response body: the declared return type with `Promise<T>` and `Response<T>` unwrapped. */
  readonly response?: JsonSchema;
}

/** One query string parameter of a route's `TQuery` type. */
export interface QueryParameterModel {
  readonly name: string;
  /** False for an optional property. */
  readonly required: boolean;
  /** The property's schema, inlined (no `$ref`): a scalar, an enum, or an array of them for a repeated parameter. */
  readonly schema: JsonSchema;
}

interface FunctionBase {
  /** The function name per docs/api.md "Names" (blueprint `namePrefix` applied); `null` if none could be derived. */
  readonly name: string | null;
  /**
   * The name before a blueprint's `namePrefix`: what the compiler marks the handler with (the runtime adds the prefix).
   */
  readonly localName: string | null;
  /** The function's handler. */
  readonly handler: HandlerModel;
  /** The registration call. */
  readonly location: SourceLocation;
  /** Its arguments and options. */
  readonly parts: CallParts;
  /** Option keys that appc does not know (reported by validation). */
  readonly unknownOptions: readonly string[];
}

/** `app.authorizer(...)`: a built-in authorizer function. */
export interface AuthorizerFunction extends FunctionBase {
  readonly kind: 'authorizer';
  /** How long API Gateway caches its answer, in seconds; absent: the emitter's default. */
  readonly ttlSeconds?: number;
  /** The role ARN API Gateway assumes to invoke it; absent: none. */
  readonly executionRole?: string;
  /** The request header carrying the token. */
  readonly header: string;
}
/** `app.schedule(...)`: an EventBridge schedule. */
export interface ScheduleFunction extends FunctionBase {
  readonly kind: 'schedule';
  /** `rate(...)`, `cron(...)` or the string given. */
  readonly expression: string;
  /** The rule's description; absent: none. */
  readonly description?: string;
}
/** `app.lambdaFunction(...)`: a function with no event source. */
export interface PureFunction extends FunctionBase {
  readonly kind: 'lambda';
}
/** `app.onSnsMessage(...)`. */
export interface SnsFunction extends FunctionBase {
  readonly kind: 'sns';
  /** The topic name or ARN; `''` when not given (reported by validation). */
  readonly topic: string;
}
/** `app.onSqsMessage(...)`. */
export interface SqsFunction extends FunctionBase {
  readonly kind: 'sqs';
  /** The queue name; absent when `queueArn` is given instead. */
  readonly queue?: string;
  /** The queue ARN; absent when `queue` is given instead. */
  readonly queueArn?: string;
  /** Messages per invocation. */
  readonly batchSize: number;
  /** How long to gather a batch, in seconds (0: no waiting). */
  readonly maximumBatchingWindowInSeconds: number;
  /** Concurrent invocations the event source may start; absent: no limit. */
  readonly maximumConcurrency?: number;
}
/** `app.onCWEvent(...)`: an EventBridge rule with an event pattern. */
export interface CloudWatchEventFunction extends FunctionBase {
  readonly kind: 'cw-event';
  /** The event pattern as written (a JSON value). */
  readonly eventPattern: unknown;
}
/** `app.onKinesisRecord(...)`. */
export interface KinesisFunction extends FunctionBase {
  readonly kind: 'kinesis';
  /** The stream name; `''` when not given (reported by validation). */
  readonly stream: string;
  /** Records per invocation. */
  readonly batchSize: number;
  /** `TRIM_HORIZON`, `LATEST` or `AT_TIMESTAMP`. */
  readonly startingPosition: string;
  /** How long to gather a batch, in seconds (0: no waiting). */
  readonly maximumBatchingWindowInSeconds: number;
}
/** `app.onDynamoDBRecord(...)`. */
export interface DynamoDBFunction extends FunctionBase {
  readonly kind: 'dynamodb';
  /** The table stream's ARN; `''` when not given (reported by validation). */
  readonly streamArn: string;
  /** Records per invocation. */
  readonly batchSize: number;
  /** `TRIM_HORIZON` or `LATEST`. */
  readonly startingPosition: string;
  /** How long to gather a batch, in seconds (0: no waiting). */
  readonly maximumBatchingWindowInSeconds: number;
}
/** `app.onS3Event(...)`. */
export interface S3Function extends FunctionBase {
  readonly kind: 's3';
  /** The bucket name; `''` when not given (reported by validation). */
  readonly bucket: string;
  /** S3 event types, e.g. `s3:ObjectCreated:*`. */
  readonly events: readonly string[];
  /** Object key prefix filter; absent: none. */
  readonly prefix?: string;
  /** Object key suffix filter; absent: none. */
  readonly suffix?: string;
}

/**
 * `app.onWsConnect(...)`, `onWsMessage(...)`, `onWsDisconnect(...)`: the function of one route of the websocket API
 * (`$connect`, `$default`, `$disconnect`), named `websocket_connect`, `websocket_message`, `websocket_disconnect`.
 */
export interface WebsocketFunction extends FunctionBase {
  readonly kind: 'ws-connect' | 'ws-message' | 'ws-disconnect';
}

/** Every Lambda function of the app other than the API handler. */
export type FunctionModel =
  | AuthorizerFunction
  | ScheduleFunction
  | PureFunction
  | SnsFunction
  | SqsFunction
  | CloudWatchEventFunction
  | KinesisFunction
  | DynamoDBFunction
  | S3Function
  | WebsocketFunction;

/** `app.middleware(kind, handler)`: runs around every handler of its kind; it adds no Lambda function. */
export interface MiddlewareModel {
  /** The event kind it runs around: `'all'`, `'http'`, `'websocket'`, `'sns'`, ... (docs/api.md). */
  readonly kind: MiddlewareKind;
  /** The middleware function, or the `ConvertToMiddleware(wrapper)` call that makes it. */
  readonly handler: HandlerModel;
  /** The `app.middleware(...)` call. */
  readonly location: SourceLocation;
}

/** The whole app, as the analyzer read it. */
export interface AppModel {
  /** `new App({ appName })`; `''` only when analysis reported it missing. */
  readonly appName: string;
  /** The entry module, `app.ts`. */
  readonly entry: string;
  /** Every module of the app (entry first, then sorted). */
  readonly modules: readonly string[];
  /** `new App({ debug })` or `app.debug = ...`; false when never set. */
  readonly debug: boolean;
  /** `app.api.binaryTypes`: the runtime's defaults unless replaced or pushed to. */
  readonly binaryTypes: readonly string[];
  /** `app.api.cors`: the default for routes whose `cors` is `null`; `false` when never set. */
  readonly cors: CorsModel | false;
  /** Every route, blueprint routes in `registerBlueprint` order. */
  readonly routes: readonly RouteModel[];
  /** Every function other than the API handler, in registration order. */
  readonly functions: readonly FunctionModel[];
  /** Every middleware in registration order (a blueprint's where the app registers it); absent when none. */
  readonly middleware?: readonly MiddlewareModel[];
  /** Where `new App(...)` is. */
  readonly location: SourceLocation;
  /**
   * AWS SDK use in code a registered handler or module top-level code reaches (README "IAM policy");
   * absent when there is none.
   */
  readonly sdk?: SdkUsage;
  /** Named schemas of the routes' declared types (README "Models"); absent when no route declares one. */
  readonly models?: { readonly definitions: SchemaDefinitions };
}

/** What the analyzer saw of the app's AWS SDK calls; `src/compiler/policy` maps it to IAM actions. */
export interface SdkUsage {
  /** In source order. */
  readonly calls: readonly SdkCall[];
  /** SDK uses whose operation cannot be told statically (each a warning when the policy is generated). */
  readonly unresolved: ReadonlyArray<{
    /** Why the operation is unknown, as the warning says it. */
    readonly reason: string;
    /** The SDK use. */
    readonly location: SourceLocation;
  }>;
}

/**
 * One AWS SDK call, e.g. `s3.send(new PutObjectCommand(...))` ->
 * `{ module: '@aws-sdk/client-s3', operation: 'PutObject' }`.
 */
export interface SdkCall {
  /**
   * The SDK module that defines the client, command or helper: `@aws-sdk/client-<service>`,
   * `@aws-sdk/lib-dynamodb`, `@aws-sdk/lib-storage` (v3); `aws-sdk/clients/<service>`,
   * `aws-sdk/lib/dynamodb/document_client` (v2).
   */
  readonly module: string;
  /**
   * The operation in PascalCase (`PutObject`), or a helper's (`Upload`; `Put` of a document client;
   * `WaitUntilObjectExists`).
   */
  readonly operation: string;
  /** The call. */
  readonly location: SourceLocation;
}
