import { expect } from 'chai';
import { ownSampleKind, sampleEvent, SAMPLE_KINDS } from '../../src/cli/sample-event';
import type { FunctionModel } from '../../src/compiler/model/app-model';

const api = { region: 'us-east-1', accountId: '123456789012', apiId: 'local', stage: 'api', stageVariables: null };
const base = {
  localName: null,
  handler: {
    location: { file: 'app.ts', line: 1, column: 1, length: 1 },
    start: 0,
    end: 1,
    paramNames: null,
    ownName: null,
    docs: {},
  },
  location: { file: 'app.ts', line: 1, column: 1, length: 1 },
  parts: { options: {}, elements: {} },
  unknownOptions: [],
};
type Events = { Records: Array<Record<string, unknown>> };

describe('appc invoke: sample events', () => {
  it("names the function's own source in the sample of that source, the builders' defaults otherwise", () => {
    const sqs = {
      ...base,
      kind: 'sqs',
      name: 'onOrder',
      queue: 'orders',
      batchSize: 1,
      maximumBatchingWindowInSeconds: 0,
    };
    const fn = sqs as FunctionModel;
    expect((sampleEvent('sqs', fn, api) as Events).Records[0].eventSourceARN).to.equal(
      'arn:aws:sqs:us-east-1:123456789012:orders',
    );
    expect((sampleEvent('sqs', undefined, api) as Events).Records[0].eventSourceARN).to.equal(
      'arn:aws:sqs:us-east-1:123456789012:queue-name',
    );
    const stream = 'arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026';
    const dynamodb = {
      ...base,
      kind: 'dynamodb',
      name: 'd',
      streamArn: stream,
      batchSize: 1,
      startingPosition: 'LATEST',
    };
    expect(JSON.stringify(sampleEvent('dynamodb', dynamodb as unknown as FunctionModel, api))).to.contain(
      ':table/orders/',
    );
    const pattern = { source: ['my.app'], 'detail-type': ['Order placed'] };
    const rule = { ...base, kind: 'cw-event', name: 'c', eventPattern: pattern } as FunctionModel;
    expect(sampleEvent('cloudwatch', rule, api)).to.deep.include({ source: 'my.app', 'detail-type': 'Order placed' });
  });

  it("gives each event source function its own source's sample, and websocket handlers their route's", () => {
    expect(ownSampleKind({ ...base, kind: 'cw-event', name: 'c', eventPattern: {} })).to.equal('cloudwatch');
    expect(ownSampleKind({ ...base, kind: 'lambda', name: 'l' })).to.equal(undefined);
    const message = sampleEvent('websocket-message', undefined, api) as { requestContext: { routeKey: string } };
    expect(message.requestContext.routeKey).to.equal('$default');
    for (const kind of SAMPLE_KINDS) expect(sampleEvent(kind, undefined, api), kind).to.be.an('object');
  });
});
