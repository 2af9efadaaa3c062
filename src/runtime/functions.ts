import type { BuiltinAuthorizer } from './authorizers';
import type { DynamoDBEvent, KinesisEvent, S3Event, SNSEvent, SQSEvent } from './event-sources';
import type { LambdaContext } from './events';
import type { CloudWatchEvent, ScheduleExpression } from './schedule';
import type { WebsocketEvent } from './websocket-event';

/** Options every non-route registration takes. */
export interface FunctionOptions {
  /** The Lambda function's name; defaults to the handler's name (docs/api.md "Names"). */
  name?: string;
}

export interface ScheduleOptions extends FunctionOptions {
  description?: string;
}

/** `app.onSnsMessage({ topic: 'MyTopic' }, handler)`: a topic name or ARN. */
export interface SnsOptions extends FunctionOptions {
  topic: string;
}

interface SqsSettings extends FunctionOptions {
  /** Default 1. */
  batchSize?: number;
  /** Default 0. */
  maximumBatchingWindowInSeconds?: number;
  maximumConcurrency?: number;
}
/** `app.onSqsMessage({ queue: 'my-queue' }, handler)`, or `{ queueArn }` instead of `queue`. */
export type SqsOptions = SqsSettings &
  ({ queue: string; queueArn?: undefined } | { queueArn: string; queue?: undefined });

/** `app.onCWEvent({ eventPattern: { source: ['aws.ec2'] } }, handler)`. */
export interface CWEventOptions extends FunctionOptions {
  eventPattern: Record<string, unknown>;
}

export type StartingPosition = 'TRIM_HORIZON' | 'LATEST';

/** `app.onKinesisRecord({ stream: 'my-stream' }, handler)`. */
export interface KinesisOptions extends FunctionOptions {
  stream: string;
  /** Default 100. */
  batchSize?: number;
  /** Default `'LATEST'`. */
  startingPosition?: StartingPosition;
  /** Default 0. */
  maximumBatchingWindowInSeconds?: number;
}

/** `app.onDynamoDBRecord({ streamArn }, handler)`. */
export interface DynamoDBOptions extends FunctionOptions {
  streamArn: string;
  /** Default 100. */
  batchSize?: number;
  /** Default `'LATEST'`. */
  startingPosition?: StartingPosition;
  /** Default 0. */
  maximumBatchingWindowInSeconds?: number;
}

/** `app.onS3Event({ bucket: 'my-bucket', suffix: '.jpg' }, handler)`. */
export interface S3Options extends FunctionOptions {
  bucket: string;
  /** Default `['s3:ObjectCreated:*']`. */
  events?: string[];
  prefix?: string;
  suffix?: string;
}

export type ScheduleHandler = (event: CloudWatchEvent) => unknown;
// A pure function's event is whatever JSON its caller sends; `any` lets users annotate it with their own type:
// `unknown` would reject `(event: MyEvent) => ...`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type LambdaFunctionHandler = (event: any, context: LambdaContext) => unknown;
/** The handler of an event source: it receives Chalice's wrapper of the Lambda event. */
export type EventHandler<E> = (event: E) => unknown;
/**
 * A websocket handler. Its value is the integration's answer: `{ statusCode: 200 }` when it returns nothing; a
 * `$connect` handler refuses the connection by throwing or answering another status.
 */
export type WebsocketHandler = (event: WebsocketEvent) => unknown;
/** The three websocket registrations' kinds, by route key. */
export type WebsocketKind = 'ws-connect' | 'ws-message' | 'ws-disconnect';

interface Named {
  readonly name: string;
}

/**
 * A Lambda function of the app other than the API handler, with its options'
 * defaults applied. `kind` names match the compiler's `FunctionModel`.
 */
export type FunctionEntry =
  | (Named & { readonly kind: 'authorizer'; readonly authorizer: BuiltinAuthorizer })
  | (Named & {
      readonly kind: 'schedule';
      readonly expression: ScheduleExpression;
      readonly description?: string;
      readonly handler: ScheduleHandler;
    })
  | (Named & { readonly kind: 'lambda'; readonly handler: LambdaFunctionHandler })
  | (Named & { readonly kind: 'sns'; readonly topic: string; readonly handler: EventHandler<SNSEvent> })
  | (Named & {
      readonly kind: 'sqs';
      readonly queue?: string;
      readonly queueArn?: string;
      readonly batchSize: number;
      readonly maximumBatchingWindowInSeconds: number;
      readonly maximumConcurrency?: number;
      readonly handler: EventHandler<SQSEvent>;
    })
  | (Named & {
      readonly kind: 'cw-event';
      readonly eventPattern: Record<string, unknown>;
      readonly handler: EventHandler<CloudWatchEvent>;
    })
  | (Named &
      StreamSettings & {
        readonly kind: 'kinesis';
        readonly stream: string;
        readonly handler: EventHandler<KinesisEvent>;
      })
  | (Named &
      StreamSettings & {
        readonly kind: 'dynamodb';
        readonly streamArn: string;
        readonly handler: EventHandler<DynamoDBEvent>;
      })
  | (Named & {
      readonly kind: 's3';
      readonly bucket: string;
      readonly events: readonly string[];
      readonly prefix?: string;
      readonly suffix?: string;
      readonly handler: EventHandler<S3Event>;
    })
  | (Named & { readonly kind: WebsocketKind; readonly handler: WebsocketHandler });

interface StreamSettings {
  readonly batchSize: number;
  readonly startingPosition: StartingPosition;
  readonly maximumBatchingWindowInSeconds: number;
}

export type FunctionKind = FunctionEntry['kind'];

/** Whether `fn` is one of the websocket API's functions (`websocket_connect`, ...). */
export function isWebsocket(fn: FunctionEntry): fn is Extract<FunctionEntry, { kind: WebsocketKind }> {
  return fn.kind === 'ws-connect' || fn.kind === 'ws-message' || fn.kind === 'ws-disconnect';
}
