/** `client.events`: the events Lambda's event sources send, for `client.lambda.invoke`. */
import {
  cloudWatchEvent,
  dynamodbEvent,
  kinesisEvent,
  s3Event,
  scheduledEvent,
  snsEvent,
  sqsEvent,
} from '../events/source-events';

/** The event builders, shared with appc's own emulation (src/events/source-events.ts). */
export interface TestEvents {
  /** `app.onSnsMessage`: `events.sns('hello', { subject: 'greeting', topic: 'my-topic' })`. */
  sns: typeof snsEvent;
  /** `app.onSqsMessage`: `events.sqs(['first', 'second'], { queue: 'my-queue' })`. */
  sqs: typeof sqsEvent;
  /** `app.onS3Event`: `events.s3('my-bucket', 'uploads/a file.txt')` (the key arrives URL-encoded). */
  s3: typeof s3Event;
  /** `app.onCWEvent`: `events.cloudwatch({ source: 'my.app', detailType: 'Order', detail: { id: 1 } })`. */
  cloudwatch: typeof cloudWatchEvent;
  /** `app.onKinesisRecord`: `events.kinesis(['{"n":1}'], { stream: 'my-stream' })` (data base64-encoded). */
  kinesis: typeof kinesisEvent;
  /** `app.onDynamoDBRecord`: `events.dynamodb([{ keys: { id: { S: '1' } }, newImage: { ... } }])`. */
  dynamodb: typeof dynamodbEvent;
  /** `app.schedule`: `events.scheduled({ rule: 'every-hour' })`. */
  scheduled: typeof scheduledEvent;
}

export const TEST_EVENTS: TestEvents = Object.freeze({
  sns: snsEvent,
  sqs: sqsEvent,
  s3: s3Event,
  cloudwatch: cloudWatchEvent,
  kinesis: kinesisEvent,
  dynamodb: dynamodbEvent,
  scheduled: scheduledEvent,
});
