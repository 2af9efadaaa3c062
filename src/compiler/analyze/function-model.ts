import type { FunctionModel, PureFunction } from '../model/app-model';
import { REGISTRATIONS } from '../../runtime/registrations';
import { assertNever } from '../assert-never';
import { defined } from './defined';
import type { Options } from './options';
import { readOptions } from './registration-options';
import type { FunctionMethod } from './registration';

/** What every function entry has: its name (docs/api.md "Names"), handler, location, unknown options. */
export type FunctionBase = Omit<PureFunction, 'kind'>;

/**
 * The model entry of a function registration: its options read per the table
 * (src/runtime/registrations.ts), laid out in the model's key order.
 */
export function functionModel(
  method: FunctionMethod,
  options: Options,
  base: (name: string | undefined) => FunctionBase,
  expression: string,
): FunctionModel {
  switch (method) {
    case 'authorizer': {
      const o = readOptions(method, options);
      const { ttlSeconds, executionRole } = o;
      return { ...base(o.name), kind: 'authorizer', header: o.header, ...defined({ ttlSeconds, executionRole }) };
    }
    case 'schedule': {
      const o = readOptions(method, options);
      return { ...base(o.name), kind: 'schedule', expression, ...defined({ description: o.description }) };
    }
    case 'lambdaFunction':
      return { ...base(readOptions(method, options).name), kind: 'lambda' };
    case 'onWsConnect':
    case 'onWsMessage':
    case 'onWsDisconnect':
      return { ...base(undefined), kind: REGISTRATIONS[method].kind };
    default:
      return eventSourceModel(method, options, base);
  }
}

/** The registrations whose function an event source invokes (SNS, SQS, EventBridge, Kinesis, DynamoDB, S3). */
type EventSourceMethod = Exclude<
  FunctionMethod,
  'authorizer' | 'schedule' | 'lambdaFunction' | 'onWsConnect' | 'onWsMessage' | 'onWsDisconnect'
>;

function eventSourceModel(
  method: EventSourceMethod,
  options: Options,
  base: (name: string | undefined) => FunctionBase,
): FunctionModel {
  switch (method) {
    case 'onSnsMessage': {
      const o = readOptions(method, options);
      return { ...base(o.name), kind: 'sns', topic: o.topic ?? '' };
    }
    case 'onSqsMessage': {
      const o = readOptions(method, options);
      const { name, queue, queueArn, maximumConcurrency, batchSize, maximumBatchingWindowInSeconds } = o;
      const optional = defined({ queue, queueArn, maximumConcurrency });
      return { ...base(name), kind: 'sqs', batchSize, maximumBatchingWindowInSeconds, ...optional };
    }
    case 'onCWEvent': {
      const o = readOptions(method, options);
      return { ...base(o.name), kind: 'cw-event', eventPattern: o.eventPattern };
    }
    case 'onKinesisRecord': {
      const { name, stream, ...settings } = readOptions(method, options);
      return { ...base(name), kind: 'kinesis', stream: stream ?? '', ...streamSettings(settings) };
    }
    case 'onDynamoDBRecord': {
      const { name, streamArn, ...settings } = readOptions(method, options);
      return { ...base(name), kind: 'dynamodb', streamArn: streamArn ?? '', ...streamSettings(settings) };
    }
    case 'onS3Event': {
      const { name, bucket, events, prefix, suffix } = readOptions(method, options);
      return { ...base(name), kind: 's3', bucket: bucket ?? '', events, ...defined({ prefix, suffix }) };
    }
    default:
      return assertNever(method);
  }
}

/** A stream's settings in the model's key order. */
function streamSettings(o: { startingPosition: string; batchSize: number; maximumBatchingWindowInSeconds: number }) {
  const { startingPosition, batchSize, maximumBatchingWindowInSeconds } = o;
  return { startingPosition, batchSize, maximumBatchingWindowInSeconds };
}
