import { expect } from 'chai';
import {
  App,
  Blueprint,
  CloudWatchEvent,
  DynamoDBEvent,
  DynamoDBRecord,
  KinesisEvent,
  KinesisRecord,
  S3Event,
  SNSEvent,
  SQSEvent,
  SQSRecord,
  lambdaHandler,
  type RawDynamoDBEvent,
  type RawKinesisEvent,
  type RawS3Event,
  type RawSQSEvent,
} from '../../src/runtime';
import { lambdaContext, needsReferenceEvents, readEvent } from './support/events';

/** Run the one function `register` adds on `event`, returning what its handler received. */
async function deliver<E>(register: (app: App, handler: (event: E) => unknown) => void, event: unknown) {
  const app = new App({ appName: 'myapp' });
  const received: E[] = [];
  const during: unknown[] = [];
  register(app, (e) => {
    received.push(e);
    during.push(app.lambdaContext);
    return 'done';
  });
  const [name] = app.functions.keys();
  const context = lambdaContext();
  const result = await lambdaHandler(app, name)(event, context);
  expect(result).to.equal('done');
  expect(during).to.deep.equal([context]);
  expect(app.lambdaContext).to.equal(undefined);
  expect((received[0] as { context?: unknown }).context).to.equal(context);
  return { event: received[0], app };
}

describe('event sources: SNS', () => {
  needsReferenceEvents();

  it('gives the message, subject and attributes of Sns.json', async () => {
    const raw = readEvent('aws-sam-cli/Sns.json');
    const { event, app } = await deliver<SNSEvent>(
      (a, h) => a.onSnsMessage({ topic: 'ExampleTopic', name: 'onAlert' }, h),
      raw,
    );
    expect(event).to.be.instanceOf(SNSEvent);
    expect([event.message, event.subject]).to.deep.equal(['example message', 'example subject']);
    expect(event.messageAttributes.Test).to.deep.equal({ Type: 'String', Value: 'TestString' });
    expect(event.toDict()).to.equal(raw);
    expect(app.functions.get('onAlert')).to.deep.include({ kind: 'sns', name: 'onAlert', topic: 'ExampleTopic' });
  });

  it('reads the aws-lambda-go sample and a changed message', async () => {
    const raw = readEvent('aws-lambda-go/sns-event.json');
    raw.Records[0].Sns.Message = '{"alarm":"high"}';
    const { event } = await deliver<SNSEvent>(
      (a, h) => a.onSnsMessage({ topic: 'arn:aws:sns:us-east-1:1:t', name: 'n' }, h),
      raw,
    );
    expect([event.message, event.subject]).to.deep.equal(['{"alarm":"high"}', 'TestInvoke']);
  });
});

describe('event sources: SQS', () => {
  needsReferenceEvents();

  it('iterates the records of Sqs.json with their bodies', async () => {
    const raw = readEvent<RawSQSEvent>('aws-sam-cli/Sqs.json');
    raw.Records.push({ ...raw.Records[0], messageId: 'second', body: 'second body', receiptHandle: 'handle-2' });
    const { event, app } = await deliver<SQSEvent>(
      (a, h) => a.onSqsMessage({ queue: 'MyQueue', name: 'jobs' }, h),
      raw,
    );
    expect(event).to.be.instanceOf(SQSEvent);
    const records = [...event];
    expect(records.every((r) => r instanceof SQSRecord)).to.equal(true);
    expect(records.map((r) => [r.body, r.receiptHandle])).to.deep.equal([
      ['Hello from SQS!', 'MessageReceiptHandle'],
      ['second body', 'handle-2'],
    ]);
    expect(event.records.map((r) => r.toDict())).to.deep.equal(raw.Records);
    expect(records[0].context).to.equal(event.context);
    expect(app.functions.get('jobs')).to.deep.include({
      kind: 'sqs',
      queue: 'MyQueue',
      queueArn: undefined,
      batchSize: 1,
      maximumBatchingWindowInSeconds: 0,
      maximumConcurrency: undefined,
    });
  });

  it('reads the aws-lambda-go sample', async () => {
    const { event } = await deliver<SQSEvent>(
      (a, h) => a.onSqsMessage({ queueArn: 'arn:aws:sqs:us-west-2:123456789012:SQSQueue', name: 'q' }, h),
      readEvent('aws-lambda-go/sqs-event.json'),
    );
    expect(event.records.map((r) => r.body)).to.deep.equal(['Message Body']);
  });

  it('keeps the options and needs exactly one of queue and queueArn', () => {
    const app = new App({ appName: 'myapp' });
    app.onSqsMessage(
      {
        queueArn: 'arn:aws:sqs:us-east-1:1:q',
        batchSize: 10,
        maximumBatchingWindowInSeconds: 5,
        maximumConcurrency: 2,
      },
      function drain() {},
    );
    expect(app.functions.get('drain')).to.deep.include({
      kind: 'sqs',
      queue: undefined,
      queueArn: 'arn:aws:sqs:us-east-1:1:q',
      batchSize: 10,
      maximumBatchingWindowInSeconds: 5,
      maximumConcurrency: 2,
    });
    expect(() => app.onSqsMessage({} as never, function a() {})).to.throw(TypeError, 'exactly one of');
    expect(() => app.onSqsMessage({ queue: 'a', queueArn: 'b' } as never, function b() {})).to.throw(
      TypeError,
      'exactly one of',
    );
  });
});

describe('event sources: S3', () => {
  needsReferenceEvents();

  it('gives the bucket and key of S3Put.json', async () => {
    const { event, app } = await deliver<S3Event>(
      (a, h) => a.onS3Event({ bucket: 'example-bucket', name: 'onUpload' }, h),
      readEvent('aws-sam-cli/S3Put.json'),
    );
    expect(event).to.be.instanceOf(S3Event);
    expect([event.bucket, event.key]).to.deep.equal(['example-bucket', 'test/key']);
    expect(app.functions.get('onUpload')).to.deep.include({
      kind: 's3',
      bucket: 'example-bucket',
      events: ['s3:ObjectCreated:*'],
      prefix: undefined,
      suffix: undefined,
    });
  });

  it('URL-decodes keys as Chalice does (unquote_plus)', async () => {
    const go = await deliver<S3Event>(
      (a, h) => a.onS3Event({ bucket: 'b', name: 'n' }, h),
      readEvent('aws-lambda-go/s3-event.json'),
    );
    expect([go.event.bucket, go.event.key]).to.deep.equal(['sourcebucket', 'Happy Face.jpg']);
    const raw = readEvent<RawS3Event>('aws-sam-cli/S3Put.json');
    raw.Records[0].s3.object.key = 'photos/a+b%2Bc%C3%A9.jpg';
    const changed = await deliver<S3Event>((a, h) => a.onS3Event({ bucket: 'b', name: 'n' }, h), raw);
    expect(changed.event.key).to.equal('photos/a b+cé.jpg');
  });

  it('keeps events, prefix and suffix', () => {
    const app = new App({ appName: 'myapp' });
    app.onS3Event({ bucket: 'b', events: ['s3:ObjectRemoved:*'], prefix: 'in/', suffix: '.csv' }, function onCsv() {});
    expect(app.functions.get('onCsv')).to.deep.include({
      events: ['s3:ObjectRemoved:*'],
      prefix: 'in/',
      suffix: '.csv',
    });
  });
});

describe('event sources: CloudWatch events', () => {
  needsReferenceEvents();

  it('wraps a matching event in a CloudWatchEvent', async () => {
    const raw = readEvent('aws-sam-cli/ScheduledEvent.json');
    Object.assign(raw, {
      version: '0',
      source: 'aws.ec2',
      'detail-type': 'EC2 Instance State-change Notification',
      detail: { state: 'running' },
    });
    const pattern = { source: ['aws.ec2'] };
    const { event, app } = await deliver<CloudWatchEvent>(
      (a, h) => a.onCWEvent({ eventPattern: pattern, name: 'onEc2' }, h),
      raw,
    );
    expect(event).to.be.instanceOf(CloudWatchEvent);
    expect([event.source, event.detailType, event.detail, event.version]).to.deep.equal([
      'aws.ec2',
      'EC2 Instance State-change Notification',
      { state: 'running' },
      '0',
    ]);
    expect(app.functions.get('onEc2')).to.deep.include({ kind: 'cw-event', eventPattern: pattern });
  });
});

// No Kinesis or DynamoDB samples are in the reference set; these follow the example events
// of the AWS Lambda developer guide ("Using AWS Lambda with Amazon Kinesis / DynamoDB").
const KINESIS: RawKinesisEvent = {
  Records: [
    {
      kinesis: {
        kinesisSchemaVersion: '1.0',
        partitionKey: '1',
        sequenceNumber: '49590338271490256608559692538361571095921575989136588898',
        data: 'SGVsbG8sIHRoaXMgaXMgYSB0ZXN0Lg==',
        approximateArrivalTimestamp: 1545084650.987,
      },
      eventSource: 'aws:kinesis',
      eventVersion: '1.0',
      eventID: 'shardId-000000000006:49590338271490256608559692538361571095921575989136588898',
      eventName: 'aws:kinesis:record',
      invokeIdentityArn: 'arn:aws:iam::123456789012:role/lambda-kinesis-role',
      awsRegion: 'us-east-2',
      eventSourceARN: 'arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream',
    },
  ],
};
const DYNAMODB: RawDynamoDBEvent = {
  Records: [
    {
      eventID: 'c4ca4238a0b923820dcc509a6f75849b',
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      dynamodb: {
        ApproximateCreationDateTime: 1428537600,
        Keys: { Id: { N: '101' } },
        NewImage: { Message: { S: 'New item!' }, Id: { N: '101' } },
        SequenceNumber: '4421584500000000017450439091',
        SizeBytes: 26,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN:
        'arn:aws:dynamodb:us-east-1:123456789012:table/ExampleTableWithStream/stream/2015-06-27T00:48:05.899',
    },
  ],
};

describe('event sources: Kinesis and DynamoDB streams', () => {
  it('decodes Kinesis records', async () => {
    const { event, app } = await deliver<KinesisEvent>(
      (a, h) => a.onKinesisRecord({ stream: 'lambda-stream', name: 'onRecord' }, h),
      KINESIS,
    );
    expect(event).to.be.instanceOf(KinesisEvent);
    const [record] = event;
    expect(record).to.be.instanceOf(KinesisRecord);
    expect(record.data.toString()).to.equal('Hello, this is a test.');
    expect([record.partitionKey, record.schemaVersion, record.sequenceNumber]).to.deep.equal([
      '1',
      '1.0',
      KINESIS.Records[0].kinesis.sequenceNumber,
    ]);
    expect(record.timestamp.toISOString()).to.equal('2018-12-17T22:10:50.987Z');
    expect(app.functions.get('onRecord')).to.deep.include({
      kind: 'kinesis',
      stream: 'lambda-stream',
      batchSize: 100,
      startingPosition: 'LATEST',
      maximumBatchingWindowInSeconds: 0,
    });
  });

  it('reads DynamoDB stream records and the table name', async () => {
    const { event, app } = await deliver<DynamoDBEvent>(
      (a, h) => a.onDynamoDBRecord({ streamArn: DYNAMODB.Records[0].eventSourceARN, name: 'onItem' }, h),
      DYNAMODB,
    );
    const [record] = event;
    expect(record).to.be.instanceOf(DynamoDBRecord);
    expect({
      keys: record.keys,
      newImage: record.newImage,
      oldImage: record.oldImage,
      sequenceNumber: record.sequenceNumber,
      sizeBytes: record.sizeBytes,
      streamViewType: record.streamViewType,
      awsRegion: record.awsRegion,
      eventId: record.eventId,
      eventName: record.eventName,
      tableName: record.tableName,
    }).to.deep.equal({
      keys: { Id: { N: '101' } },
      newImage: { Message: { S: 'New item!' }, Id: { N: '101' } },
      oldImage: undefined,
      sequenceNumber: '4421584500000000017450439091',
      sizeBytes: 26,
      streamViewType: 'NEW_AND_OLD_IMAGES',
      awsRegion: 'us-east-1',
      eventId: 'c4ca4238a0b923820dcc509a6f75849b',
      eventName: 'INSERT',
      tableName: 'ExampleTableWithStream',
    });
    expect(record.timestamp.toISOString()).to.equal('2015-04-09T00:00:00.000Z');
    expect(app.functions.get('onItem')).to.deep.include({
      kind: 'dynamodb',
      batchSize: 100,
      startingPosition: 'LATEST',
    });
  });

  it('keeps stream options', () => {
    const app = new App({ appName: 'myapp' });
    app.onKinesisRecord(
      { stream: 's', batchSize: 5, startingPosition: 'TRIM_HORIZON', maximumBatchingWindowInSeconds: 3 },
      function k() {},
    );
    app.onDynamoDBRecord({ streamArn: 'arn', batchSize: 7, startingPosition: 'TRIM_HORIZON' }, function d() {});
    expect(app.functions.get('k')).to.deep.include({
      batchSize: 5,
      startingPosition: 'TRIM_HORIZON',
      maximumBatchingWindowInSeconds: 3,
    });
    expect(app.functions.get('d')).to.deep.include({
      batchSize: 7,
      startingPosition: 'TRIM_HORIZON',
      maximumBatchingWindowInSeconds: 0,
    });
  });

  it('gives an empty table name for an ARN without one', () => {
    const record = new DynamoDBRecord({ ...DYNAMODB.Records[0], eventSourceARN: 'arn:aws:dynamodb:us-east-1:1:table' });
    expect(record.tableName).to.equal('');
  });
});

describe('event sources: on blueprints', () => {
  needsReferenceEvents();

  it('are added with the namePrefix and served by name', async () => {
    const bp = new Blueprint();
    const bodies: string[] = [];
    bp.onSqsMessage({ queue: 'q' }, function drain(event) {
      for (const record of event) bodies.push(record.body);
    });
    const app = new App({ appName: 'myapp' });
    app.registerBlueprint(bp, { namePrefix: 'v2_' });
    expect([...app.functions.keys()]).to.deep.equal(['v2_drain']);
    await lambdaHandler(app, 'v2_drain')(readEvent('aws-sam-cli/Sqs.json'), {});
    expect(bodies).to.deep.equal(['Hello from SQS!']);
  });
});
