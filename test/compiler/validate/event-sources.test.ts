import { expect } from 'chai';
import { validateApp } from '../../../src/compiler/validate';
import type { FunctionModel } from '../../../src/compiler/model/app-model';
import { app, brief, config, fn } from './builders';

const check = (...functions: FunctionModel[]) => validateApp(app({ functions }), config());

describe('validate: SQS queues', () => {
  it('accepts a queue name or a queue ARN', () => {
    expect(
      check(
        fn('sqs', 'a', 3, { queue: 'jobs' }),
        fn('sqs', 'b', 5, { queue: undefined, queueArn: 'arn:aws:sqs:us-east-1:1:jobs' }),
      ),
    ).to.deep.equal([]);
  });

  it('rejects a queue URL or ARN given as queue (APPC324), suggesting the name', () => {
    const diagnostics = check(
      fn('sqs', 'a', 3, { queue: 'https://sqs.us-east-1.amazonaws.com/1/jobs' }),
      fn('sqs', 'b', 5, { queue: 'arn:aws:sqs:us-east-1:1:work' }),
    );
    expect(diagnostics.map(brief)).to.deep.equal([
      [
        'APPC324',
        "SQS 'queue' must be the name of the queue, not its URL or ARN: 'https://sqs.us-east-1.amazonaws.com/1/jobs'",
        3,
      ],
      ['APPC324', "SQS 'queue' must be the name of the queue, not its URL or ARN: 'arn:aws:sqs:us-east-1:1:work'", 5],
    ]);
    expect(diagnostics.map((d) => d.remedy)).to.deep.equal([
      "Pass the name ('jobs') as 'queue', or an ARN as 'queueArn'.",
      "Pass the name ('work') as 'queue', or an ARN as 'queueArn'.",
    ]);
  });

  it('rejects a queueArn that is not an ARN (APPC325)', () => {
    expect(check(fn('sqs', 'a', 3, { queue: undefined, queueArn: 'jobs' })).map(brief)).to.deep.equal([
      ['APPC325', "SQS 'queueArn' is not an ARN: 'jobs'", 3],
    ]);
  });

  it('rejects both or neither of queue and queueArn (APPC326)', () => {
    expect(
      check(
        fn('sqs', 'a', 3, { queue: 'jobs', queueArn: 'arn:aws:sqs:us-east-1:1:jobs' }),
        fn('sqs', 'b', 5, { queue: undefined }),
      ).map(brief),
    ).to.deep.equal([
      ['APPC326', "SQS handler has both 'queue' and 'queueArn'", 3],
      ['APPC326', "SQS handler has neither 'queue' nor 'queueArn'", 5],
    ]);
  });
});

describe('validate: batching', () => {
  it('accepts the bounds', () => {
    expect(
      check(
        fn('sqs', 'a', 3, { batchSize: 10000, maximumBatchingWindowInSeconds: 300 }),
        fn('kinesis', 'b', 5, { batchSize: 1, maximumBatchingWindowInSeconds: 0 }),
      ),
    ).to.deep.equal([]);
  });

  it('rejects batchSize outside 1..10000 or not an integer (APPC327), for SQS, Kinesis and DynamoDB', () => {
    expect(
      check(
        fn('sqs', 'a', 3, { batchSize: 0 }),
        fn('kinesis', 'b', 5, { batchSize: 10001 }),
        fn('dynamodb', 'c', 7, { batchSize: 2.5 }),
      ).map(brief),
    ).to.deep.equal([
      ['APPC327', 'batchSize 0 is not an integer from 1 to 10000', 3],
      ['APPC327', 'batchSize 10001 is not an integer from 1 to 10000', 5],
      ['APPC327', 'batchSize 2.5 is not an integer from 1 to 10000', 7],
    ]);
  });

  it('rejects maximumBatchingWindowInSeconds outside 0..300 (APPC328)', () => {
    expect(
      check(
        fn('sqs', 'a', 3, { maximumBatchingWindowInSeconds: 301 }),
        fn('dynamodb', 'b', 5, { maximumBatchingWindowInSeconds: -1 }),
      ).map(brief),
    ).to.deep.equal([
      ['APPC328', 'maximumBatchingWindowInSeconds 301 is not an integer from 0 to 300', 3],
      ['APPC328', 'maximumBatchingWindowInSeconds -1 is not an integer from 0 to 300', 5],
    ]);
  });
});

describe('validate: S3 events', () => {
  it('rejects every S3 event handler (APPC329), explaining why', () => {
    const [d, ...rest] = check(fn('s3', 'onUpload', 3));
    expect(rest).to.deep.equal([]);
    expect(brief(d)).to.deep.equal([
      'APPC329',
      'S3 event handlers cannot be packaged: CloudFormation cannot modify the event notifications of an existing bucket',
      3,
    ]);
  });
});

describe('validate: schedule expressions', () => {
  const schedule = (expression: string) => check(fn('schedule', 'tick', 3, { expression }));

  it('accepts rates with a matching unit and six-field crons', () => {
    for (const expression of [
      'rate(1 minute)',
      'rate(5 minutes)',
      'rate(1 hour)',
      'rate(2 hours)',
      'rate(1 day)',
      'rate(7 days)',
      'cron(0 18 ? * MON-FRI *)',
      'cron(0/10 * ? * MON-FRI *)',
      'cron(15 10 ? * 6L 2002-2005)',
      'cron(0 12 1 * ? *)',
    ]) {
      expect(schedule(expression), expression).to.deep.equal([]);
    }
  });

  it('rejects malformed expressions (APPC330), saying what is wrong and how to write it', () => {
    const cases: Array<[string, string, string]> = [
      [
        'every hour',
        "it is neither 'rate(...)' nor 'cron(...)'",
        "Write 'rate(5 minutes)', 'cron(0 12 * * ? *)', or use new Rate(...) / new Cron(...).",
      ],
      [
        'rate(5 weeks)',
        'a rate is a whole number and minute(s), hour(s) or day(s)',
        "Write e.g. 'rate(5 minutes)' or use new Rate(5, Rate.MINUTES).",
      ],
      [
        'rate(1.5 hours)',
        'a rate is a whole number and minute(s), hour(s) or day(s)',
        "Write e.g. 'rate(5 minutes)' or use new Rate(5, Rate.MINUTES).",
      ],
      ['rate(0 minutes)', 'the rate must be positive', "Use a value of 1 or more, e.g. 'rate(1 minute)'."],
      ['rate(1 hours)', 'the unit must be singular for 1', "Write 'rate(1 hour)', or use new Rate(...)."],
      ['rate(5 minute)', 'the unit must be plural for 5', "Write 'rate(5 minutes)', or use new Rate(...)."],
      [
        'cron(0 18 * * *)',
        'a cron has 6 fields (minutes hours day-of-month month day-of-week year), this has 5',
        "Write e.g. 'cron(0 12 * * ? *)' or use new Cron(...).",
      ],
      ['cron(0 18 * * MON *)', "one of day-of-month and day-of-week must be '?'", "Write e.g. 'cron(0 18 * * ? *)'."],
    ];
    for (const [expression, what, fix] of cases) {
      const diagnostics = schedule(expression);
      expect(diagnostics.map(brief), expression).to.deep.equal([
        ['APPC330', `invalid schedule expression '${expression}': ${what}`, 3],
      ]);
      expect(diagnostics[0].remedy, expression).to.equal(fix);
    }
  });
});
