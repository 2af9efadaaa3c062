import { expect } from 'chai';
import {
  App,
  CloudWatchEvent,
  Cron,
  HANDLER_NAME,
  Rate,
  lambdaHandler,
  scheduleExpressionString,
  type RawCloudWatchEvent,
} from '../../src/runtime';
import { lambdaContext, needsReferenceEvents, readEvent } from './support/events';

describe('schedules: expressions (as in `chalice package`)', () => {
  it('writes rates with a singular unit for 1', () => {
    const cases: Array<[Rate, string]> = [
      [new Rate(1, Rate.MINUTES), 'rate(1 minute)'],
      [new Rate(5, Rate.MINUTES), 'rate(5 minutes)'],
      [new Rate(1, Rate.HOURS), 'rate(1 hour)'],
      [new Rate(12, Rate.HOURS), 'rate(12 hours)'],
      [new Rate(1, Rate.DAYS), 'rate(1 day)'],
      [new Rate(7, Rate.DAYS), 'rate(7 days)'],
    ];
    for (const [rate, text] of cases) {
      expect(rate.toString()).to.equal(text);
      expect(scheduleExpressionString(rate)).to.equal(text);
    }
  });

  it('writes cron expressions field by field', () => {
    expect(new Cron(15, 10, '?', '*', '6L', '2002-2005').toString()).to.equal('cron(15 10 ? * 6L 2002-2005)');
    expect(scheduleExpressionString(new Cron(0, 18, '?', '*', 'MON-FRI', '*'))).to.equal('cron(0 18 ? * MON-FRI *)');
    expect(scheduleExpressionString(new Cron('0/5', '*', '*', '*', '?', '*'))).to.equal('cron(0/5 * * * ? *)');
  });

  it('passes strings through verbatim', () => {
    expect(scheduleExpressionString('rate(1 hour)')).to.equal('rate(1 hour)');
    expect(scheduleExpressionString('cron(0 12 * * ? *)')).to.equal('cron(0 12 * * ? *)');
  });

  it('registers the expression, name and description', () => {
    const app = new App({ appName: 'myapp' });
    const rate = new Rate(5, Rate.MINUTES);
    const everyHour = app.schedule('rate(1 hour)', function everyHour() {});
    app.schedule(rate, { name: 'fiveMin', description: 'every five' }, () => {});
    app.schedule(
      new Cron(0, 0, '*', '*', '?', '*'),
      Object.assign(() => {}, { [HANDLER_NAME]: 'nightly' }),
    );
    expect([...app.functions.keys()]).to.deep.equal(['everyHour', 'fiveMin', 'nightly']);
    expect(app.functions.get('everyHour')).to.deep.include({
      kind: 'schedule',
      expression: 'rate(1 hour)',
      handler: everyHour,
    });
    expect(app.functions.get('fiveMin')).to.deep.include({
      kind: 'schedule',
      expression: rate,
      description: 'every five',
    });
  });
});

describe('schedules: the scheduled event', () => {
  needsReferenceEvents();

  async function run(change?: (event: RawCloudWatchEvent) => void) {
    const app = new App({ appName: 'myapp' });
    const seen: Array<{ event: CloudWatchEvent; contextDuring: unknown }> = [];
    app.schedule(new Rate(1, Rate.HOURS), { name: 'hourly' }, (event) => {
      seen.push({ event, contextDuring: app.lambdaContext });
      return { handled: event.eventId };
    });
    const raw = readEvent<RawCloudWatchEvent>('aws-sam-cli/ScheduledEvent.json');
    change?.(raw);
    const context = lambdaContext('myapp-dev-hourly');
    const result = await lambdaHandler(app, 'hourly')(raw, context);
    return { app, raw, context, result, ...seen[0] };
  }

  it("wraps the event in a CloudWatchEvent with Chalice's fields", async () => {
    const { event, raw, result, context } = await run();
    expect(event).to.be.instanceOf(CloudWatchEvent);
    expect({
      version: event.version,
      account: event.account,
      region: event.region,
      detail: event.detail,
      detailType: event.detailType,
      source: event.source,
      time: event.time,
      eventId: event.eventId,
      resources: event.resources,
    }).to.deep.equal({
      version: undefined,
      account: '123456789012',
      region: 'us-east-1',
      detail: {},
      detailType: 'Scheduled Event',
      source: 'aws.events',
      time: '1970-01-01T00:00:00Z',
      eventId: 'cdc73f9d-aea9-11e3-9d5a-835b769c0d9c',
      resources: ['arn:aws:events:us-east-1:123456789012:rule/ExampleRule'],
    });
    expect(event.toDict()).to.equal(raw);
    expect(event.context).to.equal(context);
    expect(result).to.deep.equal({ handled: 'cdc73f9d-aea9-11e3-9d5a-835b769c0d9c' });
  });

  it('reads the fields real events add', async () => {
    const { event } = await run((raw) => {
      raw.version = '0';
      raw.detail = { instance: 'i-1' };
      raw.region = 'eu-west-1';
    });
    expect([event.version, event.detail, event.region]).to.deep.equal(['0', { instance: 'i-1' }, 'eu-west-1']);
  });

  it('sets lambdaContext during the call and clears it after', async () => {
    const { app, contextDuring, context } = await run();
    expect(contextDuring).to.equal(context);
    expect(app.lambdaContext).to.equal(undefined);
  });
});

describe('pure Lambda functions', () => {
  needsReferenceEvents();

  it('get (event, context) unchanged and return what the handler returns', async () => {
    const app = new App({ appName: 'myapp' });
    const calls: unknown[][] = [];
    app.lambdaFunction({ name: 'MyFunction' }, (event, context) => {
      calls.push([event, context, app.lambdaContext]);
      return { got: Object.keys(event) };
    });
    const event = readEvent('aws-sam-cli/Sqs.json');
    const context = lambdaContext();
    expect(await lambdaHandler(app, 'MyFunction')(event, context)).to.deep.equal({ got: ['Records'] });
    expect(calls).to.have.length(1);
    expect(calls[0][0]).to.equal(event);
    expect(calls[0][1]).to.equal(context);
    expect(calls[0][2]).to.equal(context);
    expect(app.lambdaContext).to.equal(undefined);
  });

  it('wait for async handlers and pass their rejections on', async () => {
    const app = new App({ appName: 'myapp' });
    app.lambdaFunction(async function worker(event: { n: number }) {
      if (event.n < 0) throw new RangeError('negative');
      return event.n * 2;
    });
    const worker = lambdaHandler(app, 'worker');
    expect(await worker({ n: 21 }, {})).to.equal(42);
    let error: unknown;
    await worker({ n: -1 }, {}).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(RangeError);
    expect(app.lambdaContext).to.equal(undefined);
  });

  it('are looked up by name, and an unknown name says which exist', () => {
    const app = new App({ appName: 'myapp' });
    app.lambdaFunction(function worker() {});
    expect(() => lambdaHandler(app, 'nope')).to.throw(
      'app myapp has no Lambda function named nope (it has: api_handler, worker)',
    );
  });
});
