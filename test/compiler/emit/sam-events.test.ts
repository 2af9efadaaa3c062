import { expect } from 'chai';
import type { FunctionModel, ScheduleFunction } from '../../../src/compiler/model/app-model';
import { toLogicalId } from '../../../src/compiler/model/names';
import { appModel, cwFn, dynamodbFn, kinesisFn, scheduleFn, snsFn, sqsFn } from './builders';
import { samFor } from './sam-helpers';

const eventsOf = (fn: FunctionModel): unknown =>
  samFor(appModel({ functions: [fn] })).Resources[logicalIdOf(fn)].Properties.Events;
const logicalIdOf = (fn: FunctionModel) => toLogicalId(fn.name as string);

describe('emitSam: event sources', () => {
  it('schedules a function with a Schedule event', () => {
    expect(eventsOf(scheduleFn('every_hour', 'rate(1 hour)'))).to.deep.equal({
      EveryHourEvent: { Type: 'Schedule', Properties: { Schedule: 'rate(1 hour)' } },
    });
  });

  it('puts Events last on the function', () => {
    const props = samFor(appModel({ functions: [scheduleFn('tick', 'rate(5 minutes)')] })).Resources.Tick.Properties;
    expect(Object.keys(props).slice(-2)).to.deep.equal(['Role', 'Events']);
  });

  it('subscribes to CloudWatch events with the pattern as data', () => {
    const pattern = { source: ['aws.ec2'], 'detail-type': ['EC2 Instance State-change Notification'] };
    expect(eventsOf(cwFn('on_ec2', pattern))).to.deep.equal({
      OnEc2Event: { Type: 'CloudWatchEvent', Properties: { Pattern: pattern } },
    });
  });

  it('builds an SNS topic ARN from a name and keeps an ARN verbatim', () => {
    expect(eventsOf(snsFn('on_msg', 'my-topic'))).to.deep.equal({
      OnMsgSnsSubscription: {
        Type: 'SNS',
        Properties: { Topic: { 'Fn::Sub': 'arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:my-topic' } },
      },
    });
    const arn = 'arn:aws-cn:sns:cn-north-1:123:my-topic';
    expect(eventsOf(snsFn('on_msg', arn))).to.deep.equal({
      OnMsgSnsSubscription: { Type: 'SNS', Properties: { Topic: arn } },
    });
  });

  it('reads SQS queues by name or ARN, with ScalingConfig only when given', () => {
    expect(eventsOf(sqsFn('on_q', { queue: 'jobs' }))).to.deep.equal({
      OnQSqsEventSource: {
        Type: 'SQS',
        Properties: {
          Queue: { 'Fn::Sub': 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:jobs' },
          BatchSize: 1,
          MaximumBatchingWindowInSeconds: 0,
        },
      },
    });
    const arn = 'arn:aws:sqs:us-east-1:123:jobs';
    expect(eventsOf(sqsFn('on_q', { queueArn: arn, maximumConcurrency: 5 }))).to.deep.equal({
      OnQSqsEventSource: {
        Type: 'SQS',
        Properties: {
          Queue: arn,
          BatchSize: 1,
          MaximumBatchingWindowInSeconds: 0,
          ScalingConfig: { MaximumConcurrency: 5 },
        },
      },
    });
  });

  it('reads a Kinesis stream by name', () => {
    expect(eventsOf(kinesisFn('on_rec', 'clicks'))).to.deep.equal({
      OnRecKinesisEventSource: {
        Type: 'Kinesis',
        Properties: {
          Stream: { 'Fn::Sub': 'arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/clicks' },
          BatchSize: 100,
          StartingPosition: 'LATEST',
          MaximumBatchingWindowInSeconds: 0,
        },
      },
    });
  });

  it('reads a DynamoDB stream by ARN', () => {
    const arn = 'arn:aws:dynamodb:us-east-1:123:table/t/stream/2024-01-01T00:00:00.000';
    expect(eventsOf(dynamodbFn('on_ddb', arn))).to.deep.equal({
      OnDdbDynamodbEventSource: {
        Type: 'DynamoDB',
        Properties: {
          Stream: arn,
          BatchSize: 100,
          StartingPosition: 'TRIM_HORIZON',
          MaximumBatchingWindowInSeconds: 5,
        },
      },
    });
  });

  it('refuses S3 events, which CloudFormation cannot attach to an existing bucket', () => {
    const { kind: _kind, expression: _expression, ...base } = scheduleFn('on_upload', '') as ScheduleFunction;
    const s3: FunctionModel = { ...base, kind: 's3', bucket: 'b', events: ['s3:ObjectCreated:*'] };
    expect(() => samFor(appModel({ functions: [s3] }))).to.throw(/on_upload/);
  });
});
