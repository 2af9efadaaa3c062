/**
 * The AppModel: everything `appc package` needs to know about a user's app, as plain,
 * JSON-serialisable data. The analyzer produces it (the only stage that touches TS
 * nodes); validation and the emitters consume it. Nothing here imports ts-morph.
 *
 * Conventions: paths are POSIX and relative to the project directory; lines and columns
 * are 1-based; lists keep registration order (module evaluation order across files).
 */

/** Where something was written, for diagnostics. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  /** Characters to underline in the code frame (on the first line). */
  length: number;
}

/** A handler function argument: enough for the entry point and for validation. */
export interface HandlerModel {
  /** The handler expression's location. */
  location: SourceLocation;
  /** Character offsets of the handler expression in its file (the compiler marks it with its name there). */
  start: number;
  end: number;
  /** Names destructured from the first parameter (`({ city }) => ...` -> `['city']`); `null` if it is not a destructuring pattern. */
  paramNames: string[] | null;
  /** The handler's own name (`function everyHour`, or the declaration a reference resolves to). */
  ownName: string | null;
  /** JSDoc of the handler or its registration statement. */
  docs: { summary?: string; description?: string };
}

/** CORS settings as data (the runtime's `CORSOptions` with defaults applied). */
export interface CorsModel {
  allowOrigin: string;
  allowHeaders: string[];
  exposeHeaders?: string[];
  maxAge?: number;
  allowCredentials?: boolean;
}

/** The authorizer a route names. Built-in authorizers refer to a function by name. */
export type AuthorizerUse =
  | { kind: 'iam' }
  | { kind: 'cognito'; name: string; providerArns: string[]; header: string; scopes: string[] }
  | {
      kind: 'custom';
      name: string;
      authorizerUri: string;
      ttlSeconds: number;
      header: string;
      invokeRoleArn?: string;
      scopes: string[];
    }
  | { kind: 'builtin'; name: string; scopes: string[] };

/** One `app.route(...)` registration (all its methods). */
export interface RouteModel {
  /** Final path, blueprint `urlPrefix` applied. */
  path: string;
  /** Upper-case methods in the order given. */
  methods: string[];
  /** The view's name: `options.name`, else the handler's own name, else `null`. */
  name: string | null;
  contentTypes: string[];
  apiKeyRequired: boolean;
  /** `null`: not set on the route (the app default `AppModel.cors` applies); `false`: disabled. */
  cors: CorsModel | false | null;
  authorizer: AuthorizerUse | null;
  handler: HandlerModel;
  location: SourceLocation;
  /** Option keys that appc does not know (reported by validation). */
  unknownOptions: string[];
}

interface FunctionBase {
  /** The function name per DESIGN.md §2 "Names" (blueprint `namePrefix` applied); `null` if none could be derived. */
  name: string | null;
  /** The name before a blueprint's `namePrefix`: what the compiler marks the handler with (the runtime adds the prefix). */
  localName: string | null;
  handler: HandlerModel;
  location: SourceLocation;
  unknownOptions: string[];
}

export interface AuthorizerFunction extends FunctionBase {
  kind: 'authorizer';
  ttlSeconds?: number;
  executionRole?: string;
  header: string;
}
export interface ScheduleFunction extends FunctionBase {
  kind: 'schedule';
  /** `rate(...)`, `cron(...)` or the string given. */
  expression: string;
  description?: string;
}
export interface PureFunction extends FunctionBase {
  kind: 'lambda';
}
export interface SnsFunction extends FunctionBase {
  kind: 'sns';
  topic: string;
}
export interface SqsFunction extends FunctionBase {
  kind: 'sqs';
  queue?: string;
  queueArn?: string;
  batchSize: number;
  maximumBatchingWindowInSeconds: number;
  maximumConcurrency?: number;
}
export interface CloudWatchEventFunction extends FunctionBase {
  kind: 'cw-event';
  eventPattern: unknown;
}
export interface KinesisFunction extends FunctionBase {
  kind: 'kinesis';
  stream: string;
  batchSize: number;
  startingPosition: string;
  maximumBatchingWindowInSeconds: number;
}
export interface DynamoDBFunction extends FunctionBase {
  kind: 'dynamodb';
  streamArn: string;
  batchSize: number;
  startingPosition: string;
  maximumBatchingWindowInSeconds: number;
}
export interface S3Function extends FunctionBase {
  kind: 's3';
  bucket: string;
  events: string[];
  prefix?: string;
  suffix?: string;
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
  | S3Function;

export interface AppModel {
  appName: string;
  /** The entry module, `app.ts`. */
  entry: string;
  /** Every module of the app (entry first, then sorted). */
  modules: string[];
  debug: boolean;
  binaryTypes: string[];
  /** `app.api.cors`: the default for routes whose `cors` is `null`. */
  cors: CorsModel | false;
  routes: RouteModel[];
  functions: FunctionModel[];
  /** Where `new App(...)` is. */
  location: SourceLocation;
  /** AWS SDK use in code a registered handler or module top-level code reaches (DESIGN.md §7); absent when there is none. */
  sdk?: SdkUsage;
}

/** What the analyzer saw of the app's AWS SDK calls; `src/compiler/policy` maps it to IAM actions. */
export interface SdkUsage {
  /** In source order. */
  calls: SdkCall[];
  /** SDK uses whose operation cannot be told statically (each a warning when the policy is generated). */
  unresolved: Array<{ reason: string; location: SourceLocation }>;
}

/** One AWS SDK call, e.g. `s3.send(new PutObjectCommand(...))` -> `{ module: '@aws-sdk/client-s3', operation: 'PutObject' }`. */
export interface SdkCall {
  /**
   * The SDK module that defines the client, command or helper: `@aws-sdk/client-<service>`,
   * `@aws-sdk/lib-dynamodb`, `@aws-sdk/lib-storage` (v3); `aws-sdk/clients/<service>`,
   * `aws-sdk/lib/dynamodb/document_client` (v2).
   */
  module: string;
  /** The operation in PascalCase (`PutObject`), or a helper's (`Upload`; `Put` of a document client; `WaitUntilObjectExists`). */
  operation: string;
  location: SourceLocation;
}
