import type { FunctionModel, SqsFunction } from '../model/app-model';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import { optionLocation } from './part-locations';

// AWS::Lambda::EventSourceMapping: BatchSize 1..10000 for SQS standard queues, Kinesis and
// DynamoDB streams; MaximumBatchingWindowInSeconds 0..300.
const BATCH_SIZE = { min: 1, max: 10000 };
const BATCHING_WINDOW = { min: 0, max: 300 };

/** Settings of the event-source registrations that CloudFormation would reject, or that appc cannot package. */
export function validateEventSources(functions: readonly FunctionModel[]): Diagnostic[] {
  return functions.flatMap((fn) => {
    switch (fn.kind) {
      case 'sqs':
        return [...validateQueue(fn), ...validateBatching(fn)];
      case 'kinesis':
      case 'dynamodb':
        return validateBatching(fn);
      case 's3':
        return [s3Unsupported(fn)];
      default:
        return [];
    }
  });
}

/** Chalice's `validate_sqs_configuration` and `on_sqs_message` argument check. */
function validateQueue(fn: SqsFunction): Diagnostic[] {
  const { queue, queueArn } = fn;
  if ((queue === undefined) === (queueArn === undefined)) {
    const message =
      queue === undefined
        ? "SQS handler has neither 'queue' nor 'queueArn'"
        : "SQS handler has both 'queue' and 'queueArn'";
    const remedy = "Give the queue's name as 'queue', or its ARN as 'queueArn', not both.";
    return [error('APPC326', message, remedy, optionLocation(fn, 'queueArn'))];
  }
  if (queue !== undefined && /^(https:|arn:)/.test(queue)) {
    return [
      error(
        'APPC324',
        `SQS 'queue' must be the name of the queue, not its URL or ARN: '${queue}'`,
        `Pass the name ('${queue.split(/[/:]/).pop()}') as 'queue', or an ARN as 'queueArn'.`,
        optionLocation(fn, 'queue'),
      ),
    ];
  }
  if (queueArn !== undefined && !queueArn.startsWith('arn:')) {
    return [
      error(
        'APPC325',
        `SQS 'queueArn' is not an ARN: '${queueArn}'`,
        "Pass 'arn:aws:sqs:<region>:<account>:<name>', or the queue's name as 'queue'.",
        optionLocation(fn, 'queueArn'),
      ),
    ];
  }
  return [];
}

function validateBatching(
  fn: FunctionModel & { batchSize: number; maximumBatchingWindowInSeconds: number },
): Diagnostic[] {
  const problems: Diagnostic[] = [];
  if (!inRange(fn.batchSize, BATCH_SIZE)) {
    problems.push(
      error(
        'APPC327',
        `batchSize ${fn.batchSize} is not an integer from ${BATCH_SIZE.min} to ${BATCH_SIZE.max}`,
        `Use a batchSize from ${BATCH_SIZE.min} to ${BATCH_SIZE.max}.`,
        optionLocation(fn, 'batchSize'),
      ),
    );
  }
  if (!inRange(fn.maximumBatchingWindowInSeconds, BATCHING_WINDOW)) {
    problems.push(
      error(
        'APPC328',
        `maximumBatchingWindowInSeconds ${fn.maximumBatchingWindowInSeconds} is not an integer from ${BATCHING_WINDOW.min} to ${BATCHING_WINDOW.max}`,
        `Use a number of seconds from ${BATCHING_WINDOW.min} to ${BATCHING_WINDOW.max}.`,
        optionLocation(fn, 'maximumBatchingWindowInSeconds'),
      ),
    );
  }
  return problems;
}

function inRange(value: number, range: { min: number; max: number }): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}

// Chalice: "Unable to package chalice apps that @app.on_s3_event decorator. CloudFormation does
// not support modifying the event notifications of existing buckets."
function s3Unsupported(fn: FunctionModel): Diagnostic {
  return error(
    'APPC329',
    'S3 event handlers cannot be packaged: CloudFormation cannot modify the event notifications of an existing bucket',
    "Send the bucket's notifications to an SNS topic or SQS queue and handle them with onSnsMessage or onSqsMessage.",
    fn.location,
  );
}
