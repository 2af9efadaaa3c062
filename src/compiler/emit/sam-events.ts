/**
 * SAM `Events` of the functions that event sources trigger (as in `chalice package`),
 * and the polling permissions those sources need in the shared role.
 */
import type { FunctionModel, SqsFunction } from '../model/app-model';
import { toLogicalId } from '../model/names';
import { assertNever } from '../assert-never';
import { sub, type Json, type JsonObject } from './cfn';

/** The function's `Events` property, or undefined for functions nothing triggers. */
export function functionEvents(fn: FunctionModel, name: string): JsonObject | undefined {
  switch (fn.kind) {
    case 'authorizer':
    case 'lambda':
    case 'ws-connect':
    case 'ws-message':
    case 'ws-disconnect':
      return undefined;
    case 'schedule':
      return event(`${name}-event`, 'Schedule', { Schedule: fn.expression });
    case 'cw-event':
      return event(`${name}-event`, 'CloudWatchEvent', { Pattern: fn.eventPattern as Json });
    case 'sns':
      return event(`${name}-sns-subscription`, 'SNS', { Topic: topicArn(fn.topic) });
    case 'sqs':
      return event(`${name}-sqs-event-source`, 'SQS', sqsProperties(fn));
    case 'kinesis':
      return event(`${name}-kinesis-event-source`, 'Kinesis', {
        Stream: sub(`arn:\${AWS::Partition}:kinesis:\${AWS::Region}:\${AWS::AccountId}:stream/${fn.stream}`),
        BatchSize: fn.batchSize,
        StartingPosition: fn.startingPosition,
        MaximumBatchingWindowInSeconds: fn.maximumBatchingWindowInSeconds,
      });
    case 'dynamodb':
      return event(`${name}-dynamodb-event-source`, 'DynamoDB', {
        Stream: fn.streamArn,
        BatchSize: fn.batchSize,
        StartingPosition: fn.startingPosition,
        MaximumBatchingWindowInSeconds: fn.maximumBatchingWindowInSeconds,
      });
    case 's3':
      // CloudFormation cannot add notifications to a bucket it does not own (Chalice refuses too).
      throw new Error(
        `appc internal error: onS3Event function ${name} cannot be packaged; validation should reject it`,
      );
    default:
      return assertNever(fn);
  }
}

function event(resourceName: string, type: string, properties: JsonObject): JsonObject {
  return { [toLogicalId(resourceName)]: { Type: type, Properties: properties } };
}

function topicArn(topic: string): Json {
  if (/^arn:aws[a-z-]*:sns:/.test(topic)) return topic;
  return sub(`arn:\${AWS::Partition}:sns:\${AWS::Region}:\${AWS::AccountId}:${topic}`);
}

function sqsProperties(fn: SqsFunction): JsonObject {
  const queue = fn.queueArn ?? sub(`arn:\${AWS::Partition}:sqs:\${AWS::Region}:\${AWS::AccountId}:${fn.queue ?? ''}`);
  const properties: JsonObject = {
    Queue: queue,
    BatchSize: fn.batchSize,
    MaximumBatchingWindowInSeconds: fn.maximumBatchingWindowInSeconds,
  };
  if (fn.maximumConcurrency) properties.ScalingConfig = { MaximumConcurrency: fn.maximumConcurrency };
  return properties;
}
