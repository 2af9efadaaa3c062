/**
 * What event-source handlers receive: Chalice's wrappers of the Lambda events, with
 * camelCase fields. Each keeps the raw event (`toDict()`) and the Lambda `context`.
 */
import type {
  LambdaContext,
  RawDynamoDBEvent,
  RawDynamoDBRecord,
  RawKinesisEvent,
  RawKinesisRecord,
  RawS3Event,
  RawSNSEvent,
  RawSQSEvent,
  RawSQSRecord,
} from './events';

/** The common part of every wrapper: the raw event and the Lambda context. */
export abstract class LambdaEvent<Raw> {
  constructor(
    protected readonly event: Raw,
    readonly context: LambdaContext | undefined,
  ) {}

  /** The event exactly as Lambda delivered it. */
  toDict(): Raw {
    return this.event;
  }
}

/**
 * What a `pure_lambda` middleware receives (`app.lambdaFunction` handlers keep their `(event, context)`): the
 * event as sent, and the context, as Chalice's `LambdaFunctionEvent`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a pure function's event is any JSON
export class LambdaFunctionEvent extends LambdaEvent<any> {
  /** The event exactly as sent; what the handler receives. */
  declare readonly event: unknown;
}

/** `app.onSnsMessage` handlers: the first (only) record's message. */
export class SNSEvent extends LambdaEvent<RawSNSEvent> {
  readonly message: string;
  readonly subject: string | null | undefined;
  readonly messageAttributes: Record<string, { Type: string; Value: string }>;

  constructor(event: RawSNSEvent, context?: LambdaContext) {
    super(event, context);
    const sns = event.Records[0].Sns;
    this.message = sns.Message;
    this.subject = sns.Subject;
    this.messageAttributes = sns.MessageAttributes ?? {};
  }
}

/** `app.onS3Event` handlers: the bucket and (URL-decoded) key of the first record. */
export class S3Event extends LambdaEvent<RawS3Event> {
  readonly bucket: string;
  readonly key: string;

  constructor(event: RawS3Event, context?: LambdaContext) {
    super(event, context);
    const s3 = event.Records[0].s3;
    this.bucket = s3.bucket.name;
    this.key = unquotePlus(s3.object.key);
  }
}

/** An event whose records are iterated: `for (const record of event) ...`. */
abstract class BatchEvent<Raw extends { Records: R[] }, R, W> extends LambdaEvent<Raw> implements Iterable<W> {
  protected abstract wrap(record: R): W;

  /** The wrapped records, in delivery order. */
  get records(): W[] {
    return this.event.Records.map((record) => this.wrap(record));
  }

  [Symbol.iterator](): Iterator<W> {
    return this.records[Symbol.iterator]();
  }
}

/** `app.onSqsMessage` handlers: iterate the messages. */
export class SQSEvent extends BatchEvent<RawSQSEvent, RawSQSRecord, SQSRecord> {
  constructor(event: RawSQSEvent, context?: LambdaContext) {
    super(event, context);
  }
  protected wrap(record: RawSQSRecord): SQSRecord {
    return new SQSRecord(record, this.context);
  }
}

export class SQSRecord extends LambdaEvent<RawSQSRecord> {
  readonly body: string;
  readonly receiptHandle: string;

  constructor(record: RawSQSRecord, context?: LambdaContext) {
    super(record, context);
    this.body = record.body;
    this.receiptHandle = record.receiptHandle;
  }
}

/** `app.onKinesisRecord` handlers: iterate the records. */
export class KinesisEvent extends BatchEvent<RawKinesisEvent, RawKinesisRecord, KinesisRecord> {
  constructor(event: RawKinesisEvent, context?: LambdaContext) {
    super(event, context);
  }
  protected wrap(record: RawKinesisRecord): KinesisRecord {
    return new KinesisRecord(record, this.context);
  }
}

export class KinesisRecord extends LambdaEvent<RawKinesisRecord> {
  /** The record's payload, base64-decoded. */
  readonly data: Buffer;
  readonly sequenceNumber: string;
  readonly partitionKey: string;
  readonly schemaVersion: string;
  /** `approximateArrivalTimestamp`. */
  readonly timestamp: Date;

  constructor(record: RawKinesisRecord, context?: LambdaContext) {
    super(record, context);
    const kinesis = record.kinesis;
    this.data = Buffer.from(kinesis.data, 'base64');
    this.sequenceNumber = kinesis.sequenceNumber;
    this.partitionKey = kinesis.partitionKey;
    this.schemaVersion = kinesis.kinesisSchemaVersion;
    this.timestamp = new Date(kinesis.approximateArrivalTimestamp * 1000);
  }
}

/** `app.onDynamoDBRecord` handlers: iterate the stream records. */
export class DynamoDBEvent extends BatchEvent<RawDynamoDBEvent, RawDynamoDBRecord, DynamoDBRecord> {
  constructor(event: RawDynamoDBEvent, context?: LambdaContext) {
    super(event, context);
  }
  protected wrap(record: RawDynamoDBRecord): DynamoDBRecord {
    return new DynamoDBRecord(record, this.context);
  }
}

export class DynamoDBRecord extends LambdaEvent<RawDynamoDBRecord> {
  /** `ApproximateCreationDateTime`. */
  readonly timestamp: Date;
  readonly keys: Record<string, unknown> | undefined;
  readonly newImage: Record<string, unknown> | undefined;
  readonly oldImage: Record<string, unknown> | undefined;
  readonly sequenceNumber: string;
  readonly sizeBytes: number;
  readonly streamViewType: string;
  readonly awsRegion: string;
  readonly eventId: string;
  readonly eventName: string;
  readonly eventSourceArn: string;

  constructor(record: RawDynamoDBRecord, context?: LambdaContext) {
    super(record, context);
    const dynamodb = record.dynamodb;
    this.timestamp = new Date(dynamodb.ApproximateCreationDateTime * 1000);
    this.keys = dynamodb.Keys;
    this.newImage = dynamodb.NewImage;
    this.oldImage = dynamodb.OldImage;
    this.sequenceNumber = dynamodb.SequenceNumber;
    this.sizeBytes = dynamodb.SizeBytes;
    this.streamViewType = dynamodb.StreamViewType;
    this.awsRegion = record.awsRegion;
    this.eventId = record.eventID;
    this.eventName = record.eventName;
    this.eventSourceArn = record.eventSourceARN;
  }

  /** The table's name, from `arn:aws:dynamodb:region:account:table/<name>/stream/...`; `''` if absent. */
  get tableName(): string {
    const parts = this.eventSourceArn.split(':');
    if (parts.length < 6) return '';
    return parts.slice(5).join(':').split('/')[1] ?? '';
  }
}

/** Python's `unquote_plus`: S3 event keys are URL-encoded with `+` for spaces. */
function unquotePlus(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
