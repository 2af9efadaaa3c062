/**
 * `appc/test`: test an appc app without deploying it.
 * @example
 * import { TestClient } from 'appc/test';
 * import { app } from '../app';
 *
 * const client = new TestClient(app);
 * const response = await client.http.get('/');
 */
export { TestClient } from './test-client';
export type { TestClientOptions } from './test-client';
export type { TestHttpClient, TestRequest, TestResponse } from './http-client';
export type { TestLambdaClient, InvokeResponse } from './lambda-client';
export type { TestEvents } from './test-events';
export type {
  CloudWatchEventInit,
  DynamoDBChange,
  DynamoDBEventInit,
  KinesisEventInit,
  S3EventInit,
  ScheduledEventInit,
  SnsEventInit,
  SqsEventInit,
} from '../events/source-events';
