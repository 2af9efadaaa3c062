/**
 * The event builders appc/test offers: each event has the fields of AWS's own sample (SAM CLI's
 * `generate-event`, aws-lambda-go's captures), and the runtime's wrappers read back what the
 * builder was given.
 */
import { expect } from 'chai';
import {
  cloudWatchEvent,
  dynamodbEvent,
  kinesisEvent,
  s3Event,
  scheduledEvent,
  snsEvent,
  sqsEvent,
} from '../../src/events/source-events';
import { CloudWatchEvent, DynamoDBEvent, KinesisEvent, S3Event, SNSEvent, SQSEvent } from '../../src/runtime';
import { needsReferenceEvents, readEvent } from '../runtime/support/events';
import type { JsonDoc } from '../support/json-doc';

/** Every key path of a JSON value (`Records.0.Sns.Message`), lists by their first item only. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.length === 0 ? [] : keyPaths(value[0], `${prefix}0.`);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const here = `${prefix}${key}`;
    // Map-like values (attributes by name) vary by message; their own keys are data, not shape.
    if (key === 'MessageAttributes' || key === 'messageAttributes') return [here];
    return [here, ...keyPaths(inner, `${here}.`)];
  });
}

describe('event builders', () => {
  describe('match the keys of AWS sample events', () => {
    needsReferenceEvents();
    const cases: Array<[string, unknown]> = [
      ['aws-sam-cli/Sns.json', snsEvent('m', { subject: 's' })],
      ['aws-sam-cli/Sqs.json', sqsEvent(['m'])],
      ['aws-sam-cli/S3Put.json', s3Event('b', 'k')],
      ['aws-sam-cli/ScheduledEvent.json', scheduledEvent()],
    ];
    for (const [sample, built] of cases) {
      it(sample, () => {
        const expected = keyPaths(readEvent<JsonDoc>(sample)).sort();
        // The SAM sample of a schedule leaves out `version`, which EventBridge sends ("0").
        const actual = keyPaths(built).filter((k) => !(sample.includes('Scheduled') && k === 'version'));
        expect(actual.sort()).to.deep.equal(expected);
      });
    }
  });

  it('SNS: the message, subject, attributes and topic ARN', () => {
    const event = new SNSEvent(
      snsEvent('hello', {
        subject: 'greeting',
        topic: 'alerts',
        messageAttributes: { k: { Type: 'String', Value: 'v' } },
      }),
    );
    expect([event.message, event.subject, event.messageAttributes]).to.deep.equal([
      'hello',
      'greeting',
      { k: { Type: 'String', Value: 'v' } },
    ]);
    expect(event.toDict().Records[0].Sns.TopicArn).to.equal('arn:aws:sns:us-east-1:123456789012:alerts');
    expect(snsEvent('x', { topic: 'arn:aws:sns:eu-west-1:111111111111:t' }).Records[0].Sns.TopicArn).to.equal(
      'arn:aws:sns:eu-west-1:111111111111:t',
    );
  });

  it('SQS: one record per body, with its MD5 and distinct message ids', () => {
    const raw = sqsEvent(['one', 'two'], { queue: 'jobs' });
    expect([...new SQSEvent(raw)].map((r) => r.body)).to.deep.equal(['one', 'two']);
    expect(raw.Records[0].md5OfBody).to.equal('f97c5d29941bfb1b2fdab0874906ab82');
    expect(raw.Records[0].messageId).to.not.equal(raw.Records[1].messageId);
    expect(raw.Records[1].eventSourceARN).to.equal('arn:aws:sqs:us-east-1:123456789012:jobs');
    expect(sqsEvent('single').Records).to.have.length(1);
  });

  it('S3: the key URL-encoded as S3 sends it, decoded again by S3Event', () => {
    const raw = s3Event('bucket', 'uploads/a file+1.txt', { eventName: 'ObjectRemoved:Delete' });
    expect(raw.Records[0].s3.object.key).to.equal('uploads/a+file%2B1.txt');
    const event = new S3Event(raw);
    expect([event.bucket, event.key]).to.deep.equal(['bucket', 'uploads/a file+1.txt']);
    expect(raw.Records[0].eventName).to.equal('ObjectRemoved:Delete');
  });

  it('CloudWatch and schedules: source, detail type, detail and resources', () => {
    const event = new CloudWatchEvent(cloudWatchEvent({ source: 'my.app', detailType: 'Order', detail: { id: 1 } }));
    expect([event.source, event.detailType, event.detail, event.resources]).to.deep.equal([
      'my.app',
      'Order',
      { id: 1 },
      [],
    ]);
    const scheduled = new CloudWatchEvent(scheduledEvent({ rule: 'hourly' }));
    expect([scheduled.source, scheduled.detailType]).to.deep.equal(['aws.events', 'Scheduled Event']);
    expect(scheduled.resources).to.deep.equal(['arn:aws:events:us-east-1:123456789012:rule/hourly']);
  });

  it('Kinesis: data base64-encoded, decoded by KinesisEvent', () => {
    const event = new KinesisEvent(kinesisEvent(['{"n":1}', Buffer.from([0, 255])], { stream: 'clicks' }));
    const records = [...event];
    expect(records.map((r) => [...r.data])).to.deep.equal([[...Buffer.from('{"n":1}')], [0, 255]]);
    expect(event.toDict().Records[0].eventSourceARN).to.equal('arn:aws:kinesis:us-east-1:123456789012:stream/clicks');
    expect(records[0].sequenceNumber < records[1].sequenceNumber).to.equal(true);
  });

  it('DynamoDB: one record per change, images and stream view type as given', () => {
    const raw = dynamodbEvent(
      [
        { keys: { id: { S: '1' } }, newImage: { id: { S: '1' }, n: { N: '2' } } },
        { eventName: 'REMOVE', keys: { id: { S: '2' } }, oldImage: { id: { S: '2' } } },
      ],
      { table: 'Orders' },
    );
    const records = [...new DynamoDBEvent(raw)];
    expect(records.map((r) => r.eventName)).to.deep.equal(['INSERT', 'REMOVE']);
    expect(records[0].newImage).to.deep.equal({ id: { S: '1' }, n: { N: '2' } });
    expect(records[1].oldImage).to.deep.equal({ id: { S: '2' } });
    expect(records[1].newImage).to.equal(undefined);
    expect(raw.Records[0].dynamodb.StreamViewType).to.equal('NEW_AND_OLD_IMAGES');
    expect(raw.Records[0].eventSourceARN).to.match(/^arn:aws:dynamodb:us-east-1:123456789012:table\/Orders\/stream\//);
  });

  it('gives the same event for the same call', () => {
    expect(JSON.stringify(sqsEvent(['a']))).to.equal(JSON.stringify(sqsEvent(['a'])));
    expect(JSON.stringify(dynamodbEvent([{ keys: {} }]))).to.equal(JSON.stringify(dynamodbEvent([{ keys: {} }])));
  });
});
