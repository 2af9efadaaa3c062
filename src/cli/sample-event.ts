/**
 * `appc invoke --sample KIND`: an event of one of Lambda's sources, built by the builders `appc local` and the test
 * client use (src/events). For the function's own source it names what the function listens to (its queue, topic,
 * bucket, stream, table); otherwise the builders' defaults.
 */
import type { ApiIdentity } from '../events/proxy-event';
import {
  cloudWatchEvent,
  dynamodbEvent,
  kinesisEvent,
  s3Event,
  scheduledEvent,
  snsEvent,
  sqsEvent,
} from '../events/source-events';
import { newConnectionId, websocketEvent, type WebsocketOccurrence } from '../events/websocket-event';
import type { FunctionModel } from '../compiler/model/app-model';

export const SAMPLE_KINDS = [
  'sqs',
  'sns',
  's3',
  'schedule',
  'cloudwatch',
  'kinesis',
  'dynamodb',
  'websocket-connect',
  'websocket-message',
  'websocket-disconnect',
] as const;

export type SampleKind = (typeof SAMPLE_KINDS)[number];

/** The message every sample carries where its source carries one. */
const SAMPLE_MESSAGE = '{"hello":"world"}';

type Builder = (fn: FunctionModel | undefined, api: ApiIdentity) => unknown;

const SAMPLES: Record<SampleKind, Builder> = {
  sqs: (fn) => sqsEvent(SAMPLE_MESSAGE, { queue: fn?.kind === 'sqs' ? (fn.queue ?? fn.queueArn) : undefined }),
  sns: (fn) => snsEvent(SAMPLE_MESSAGE, { topic: fn?.kind === 'sns' ? given(fn.topic) : undefined }),
  s3: (fn) =>
    fn?.kind === 's3' && fn.bucket !== ''
      ? s3Event(fn.bucket, `${fn.prefix ?? ''}sample${fn.suffix ?? '.json'}`)
      : s3Event('bucket-name', 'sample.json'),
  schedule: () => scheduledEvent(),
  cloudwatch: (fn) => cloudWatchEvent(fn?.kind === 'cw-event' ? patternInit(fn.eventPattern) : {}),
  kinesis: (fn) => kinesisEvent([SAMPLE_MESSAGE], { stream: fn?.kind === 'kinesis' ? given(fn.stream) : undefined }),
  dynamodb: (fn) => dynamodbEvent([{ keys: { id: { S: '1' } }, newImage: { id: { S: '1' } } }], { table: tableOf(fn) }),
  'websocket-connect': (_, api) => sampleWebsocketEvent({ type: 'connect' }, api),
  'websocket-message': (_, api) =>
    sampleWebsocketEvent({ type: 'message', body: SAMPLE_MESSAGE, isBase64Encoded: false }, api),
  'websocket-disconnect': (_, api) => sampleWebsocketEvent({ type: 'disconnect', statusCode: 1000, reason: '' }, api),
};

/**
 * The sample of `kind`, shaped for `fn` when it is that kind of function.
 * @example sampleEvent('sqs', { kind: 'sqs', queue: 'orders', ... }, api) // one record from queue orders
 */
export function sampleEvent(kind: SampleKind, fn: FunctionModel | undefined, api: ApiIdentity): unknown {
  return SAMPLES[kind](fn, api);
}

/** A name the registration gave (`''` is one it left out). */
function given(name: string): string | undefined {
  return name === '' ? undefined : name;
}

/** The sample a function of this kind receives, for `appc invoke NAME` without `--event` or `--sample`. */
export function ownSampleKind(fn: FunctionModel): SampleKind | undefined {
  switch (fn.kind) {
    case 'sqs':
    case 'sns':
    case 's3':
    case 'schedule':
    case 'kinesis':
    case 'dynamodb':
      return fn.kind;
    case 'cw-event':
      return 'cloudwatch';
    case 'ws-connect':
      return 'websocket-connect';
    case 'ws-message':
      return 'websocket-message';
    case 'ws-disconnect':
      return 'websocket-disconnect';
    case 'lambda':
    case 'authorizer':
      return undefined;
  }
}

/** The first `source` and `detail-type` of a simple event pattern, so that the sample matches the rule. */
function patternInit(pattern: unknown): { source?: string; detailType?: string } {
  const first = (value: unknown) => (Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined);
  const fields = (typeof pattern === 'object' && pattern !== null ? pattern : {}) as Record<string, unknown>;
  const source = first(fields.source);
  const detailType = first(fields['detail-type']);
  return { ...(source ? { source } : {}), ...(detailType ? { detailType } : {}) };
}

/** The table of a DynamoDB stream ARN: `arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/stream/LABEL`. */
function tableOf(fn: FunctionModel | undefined): string | undefined {
  if (fn?.kind !== 'dynamodb') return undefined;
  return /:table\/([^/]+)\//.exec(fn.streamArn)?.[1];
}

function sampleWebsocketEvent(occurrence: WebsocketOccurrence, api: ApiIdentity): unknown {
  const client = {
    connectionId: newConnectionId(),
    connectedAt: Date.now(),
    url: '/',
    rawHeaders: ['Host', 'localhost'],
    sourceIp: '127.0.0.1',
  };
  return websocketEvent(client, occurrence, api);
}
