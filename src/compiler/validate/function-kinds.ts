import type { FunctionModel } from '../model/app-model';
import { assertNever } from '../assert-never';

/** How messages name a registration: `app.schedule(...)` is "schedule". */
export function describeFunction(kind: FunctionModel['kind']): string {
  switch (kind) {
    case 'authorizer':
      return 'authorizer';
    case 'schedule':
      return 'schedule';
    case 'lambda':
      return 'Lambda function';
    case 'sns':
      return 'SNS handler';
    case 'sqs':
      return 'SQS handler';
    case 'cw-event':
      return 'CloudWatch event handler';
    case 'kinesis':
      return 'Kinesis handler';
    case 'dynamodb':
      return 'DynamoDB handler';
    case 's3':
      return 'S3 event handler';
    case 'ws-connect':
    case 'ws-message':
    case 'ws-disconnect':
      return 'websocket handler';
    default:
      return assertNever(kind);
  }
}

/** Logical IDs appc derives from a function's ID, by suffix, with what they name (as in `chalice package`). */
export function derivedIdSuffixes(kind: FunctionModel['kind']): Array<[suffix: string, what: string]> {
  switch (kind) {
    case 'authorizer':
      return [['InvokePermission', 'invoke permission']];
    case 'schedule':
    case 'cw-event':
      return [['Event', 'event']];
    case 'sns':
      return [['SnsSubscription', 'SNS subscription']];
    case 'sqs':
      return [['SqsEventSource', 'SQS event source']];
    case 'kinesis':
      return [['KinesisEventSource', 'Kinesis event source']];
    case 'dynamodb':
      return [['DynamodbEventSource', 'DynamoDB event source']];
    case 'lambda':
    case 's3':
      return [];
    // Chalice's integration, permission and route IDs are fixed: RESERVED_LOGICAL_IDS has them.
    case 'ws-connect':
    case 'ws-message':
    case 'ws-disconnect':
      return [];
    default:
      return assertNever(kind);
  }
}
