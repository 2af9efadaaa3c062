/**
 * The events Lambda's event sources deliver (SNS, SQS, S3, EventBridge/CloudWatch Events,
 * schedules, Kinesis, DynamoDB streams), built from the few fields a test cares about. Every
 * other field has the shape and a fixed value of AWS's samples, so the same call gives the same
 * event. Shapes: https://docs.aws.amazon.com/lambda/latest/dg/lambda-services.html (one page per
 * service, "Example event"); the SAM CLI's `sam local generate-event` samples agree.
 */
import { createHash } from 'node:crypto';
import type {
  RawDynamoDBEvent,
  RawDynamoDBRecord,
  RawKinesisEvent,
  RawS3Event,
  RawSNSEvent,
  RawSQSEvent,
} from '../runtime/events';
import type { RawCloudWatchEvent } from '../runtime/schedule';

/** Where the events say they come from (the account `appc local` plays too). */
export const EVENT_REGION = 'us-east-1';
export const EVENT_ACCOUNT = '123456789012';
/** A fixed time for every event: 2026-01-01T00:00:00Z. */
const EVENT_TIME_MS = Date.UTC(2026, 0, 1);

export interface SnsEventInit {
  subject?: string;
  messageAttributes?: Record<string, { Type: string; Value: string }>;
  /** The topic's name or ARN; default `topic-name`. */
  topic?: string;
}

/** An SNS notification of `message`: one record, as Lambda delivers it. */
export function snsEvent(message: string, init: SnsEventInit = {}): RawSNSEvent {
  const topicArn = arnOf('sns', init.topic ?? 'topic-name');
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: `${topicArn}:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55`,
        Sns: {
          Type: 'Notification',
          MessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e',
          TopicArn: topicArn,
          Subject: init.subject ?? null,
          Message: message,
          Timestamp: new Date(EVENT_TIME_MS).toISOString(),
          SignatureVersion: '1',
          Signature: 'EXAMPLE',
          SigningCertUrl: 'EXAMPLE',
          UnsubscribeUrl: 'EXAMPLE',
          MessageAttributes: init.messageAttributes ?? {},
        },
      },
    ],
  };
}

export interface SqsEventInit {
  /** The queue's name or ARN; default `queue-name`. */
  queue?: string;
}

/** A batch of SQS messages, one record per body. */
export function sqsEvent(bodies: string | readonly string[], init: SqsEventInit = {}): RawSQSEvent {
  const queueArn = arnOf('sqs', init.queue ?? 'queue-name');
  const sent = String(EVENT_TIME_MS);
  return {
    Records: list(bodies).map((body, index) => ({
      messageId: fixedUuid('sqs', index),
      receiptHandle: `receipt-handle-${index}`,
      body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: sent,
        SenderId: EVENT_ACCOUNT,
        ApproximateFirstReceiveTimestamp: sent,
      },
      messageAttributes: {},
      md5OfBody: createHash('md5').update(body).digest('hex'),
      eventSource: 'aws:sqs',
      eventSourceARN: queueArn,
      awsRegion: EVENT_REGION,
    })),
  };
}

export interface S3EventInit {
  /** Default `ObjectCreated:Put`. */
  eventName?: string;
  /** Default 0. */
  size?: number;
}

/** An S3 notification for object `key` of `bucket`; the key is URL-encoded as S3 sends it (space as `+`). */
export function s3Event(bucket: string, key: string, init: S3EventInit = {}): RawS3Event {
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: EVENT_REGION,
        eventTime: new Date(EVENT_TIME_MS).toISOString(),
        eventName: init.eventName ?? 'ObjectCreated:Put',
        userIdentity: { principalId: 'EXAMPLE' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': 'EXAMPLE123456789', 'x-amz-id-2': 'EXAMPLE123/abcdefghijklmnopqrst' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'appc-test',
          bucket: { name: bucket, ownerIdentity: { principalId: 'EXAMPLE' }, arn: `arn:aws:s3:::${bucket}` },
          object: {
            key: key.split('/').map(encodeS3KeySegment).join('/'),
            size: init.size ?? 0,
            eTag: 'd41d8cd98f00b204e9800998ecf8427e',
            sequencer: '0A1B2C3D4E5F678901',
          },
        },
      },
    ],
  };
}

export interface CloudWatchEventInit {
  /** Default `appc.test`. */
  source?: string;
  /** Default `Test Event`. */
  detailType?: string;
  detail?: unknown;
  resources?: string[];
}

/** An EventBridge (CloudWatch Events) event, as `app.onCWEvent` handlers receive. */
export function cloudWatchEvent(init: CloudWatchEventInit = {}): RawCloudWatchEvent {
  return {
    version: '0',
    id: fixedUuid('cloudwatch', 0),
    'detail-type': init.detailType ?? 'Test Event',
    source: init.source ?? 'appc.test',
    account: EVENT_ACCOUNT,
    time: new Date(EVENT_TIME_MS).toISOString().replace('.000Z', 'Z'),
    region: EVENT_REGION,
    resources: init.resources ?? [],
    detail: init.detail ?? {},
  };
}

export interface ScheduledEventInit {
  /** The rule's name; default `schedule-rule`. */
  rule?: string;
}

/** The event a schedule rule sends (`app.schedule` handlers). */
export function scheduledEvent(init: ScheduledEventInit = {}): RawCloudWatchEvent {
  return cloudWatchEvent({
    source: 'aws.events',
    detailType: 'Scheduled Event',
    resources: [`arn:aws:events:${EVENT_REGION}:${EVENT_ACCOUNT}:rule/${init.rule ?? 'schedule-rule'}`],
  });
}

export interface KinesisEventInit {
  /** The stream's name; default `stream-name`. */
  stream?: string;
}

/** A batch of Kinesis records, one per item; `data` is base64, as Kinesis sends it. */
export function kinesisEvent(data: ReadonlyArray<string | Uint8Array>, init: KinesisEventInit = {}): RawKinesisEvent {
  const stream = init.stream ?? 'stream-name';
  return {
    Records: data.map((item, index) => {
      const sequenceNumber = sequence(index);
      return {
        kinesis: {
          kinesisSchemaVersion: '1.0',
          partitionKey: String(index + 1),
          sequenceNumber,
          data: Buffer.from(item).toString('base64'),
          approximateArrivalTimestamp: EVENT_TIME_MS / 1000,
        },
        eventSource: 'aws:kinesis',
        eventVersion: '1.0',
        eventID: `shardId-000000000000:${sequenceNumber}`,
        eventName: 'aws:kinesis:record',
        invokeIdentityArn: `arn:aws:iam::${EVENT_ACCOUNT}:role/lambda-role`,
        awsRegion: EVENT_REGION,
        eventSourceARN: `arn:aws:kinesis:${EVENT_REGION}:${EVENT_ACCOUNT}:stream/${stream}`,
      };
    }),
  };
}

/** One change of a DynamoDB stream; images are in DynamoDB's typed JSON (`{ id: { S: '1' } }`). */
export interface DynamoDBChange {
  /** Default `INSERT`. */
  eventName?: 'INSERT' | 'MODIFY' | 'REMOVE';
  keys: Record<string, unknown>;
  newImage?: Record<string, unknown>;
  oldImage?: Record<string, unknown>;
}

export interface DynamoDBEventInit {
  /** The table's name; default `table-name`. */
  table?: string;
}

/** A batch of DynamoDB stream records, one per change. */
export function dynamodbEvent(changes: readonly DynamoDBChange[], init: DynamoDBEventInit = {}): RawDynamoDBEvent {
  const table = init.table ?? 'table-name';
  return {
    Records: changes.map((change, index): RawDynamoDBRecord => {
      const images = { Keys: change.keys, NewImage: change.newImage, OldImage: change.oldImage };
      const dynamodb = Object.fromEntries(Object.entries(images).filter(([, v]) => v !== undefined));
      return {
        eventID: fixedUuid('dynamodb', index).replace(/-/g, ''),
        eventName: change.eventName ?? 'INSERT',
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: EVENT_REGION,
        dynamodb: {
          ApproximateCreationDateTime: EVENT_TIME_MS / 1000,
          ...dynamodb,
          SequenceNumber: sequence(index),
          SizeBytes: Buffer.byteLength(JSON.stringify(dynamodb)),
          StreamViewType: streamViewType(changes),
        },
        eventSourceARN: `arn:aws:dynamodb:${EVENT_REGION}:${EVENT_ACCOUNT}:table/${table}/stream/2026-01-01T00:00:00.000`,
      };
    }),
  };
}

/** The view a stream needs to deliver these changes. */
function streamViewType(changes: readonly DynamoDBChange[]): string {
  const hasNew = changes.some((c) => c.newImage !== undefined);
  const hasOld = changes.some((c) => c.oldImage !== undefined);
  if (hasNew && hasOld) return 'NEW_AND_OLD_IMAGES';
  return hasNew ? 'NEW_IMAGE' : hasOld ? 'OLD_IMAGE' : 'KEYS_ONLY';
}

/** `name` in this region and account, unless it is already an ARN. */
function arnOf(service: 'sns' | 'sqs', name: string): string {
  return name.startsWith('arn:') ? name : `arn:aws:${service}:${EVENT_REGION}:${EVENT_ACCOUNT}:${name}`;
}

function list(bodies: string | readonly string[]): readonly string[] {
  return typeof bodies === 'string' ? [bodies] : bodies;
}

/** A UUID-shaped id that is the same for the same source and index. */
function fixedUuid(source: string, index: number): string {
  const hex = createHash('sha1').update(`${source}:${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Kinesis and DynamoDB sequence numbers are long decimal strings that grow with the record. */
function sequence(index: number): string {
  return `4959000000000000000000000000000000000000000000${String(index).padStart(8, '0')}`;
}

/** S3 event keys are URL-encoded with spaces as `+` (the runtime's S3Event decodes them). */
function encodeS3KeySegment(segment: string): string {
  return encodeURIComponent(segment).replace(/%20/g, '+');
}
