import { expect } from 'chai';
import {
  App,
  BadRequestError,
  Blueprint,
  CloudWatchEvent,
  ConvertToMiddleware,
  LambdaFunctionEvent,
  lambdaHandler,
  Request,
  Response,
  SNSEvent,
  SQSEvent,
  WebsocketEvent,
  type LambdaContext,
  type RawWebsocketEvent,
} from '../../src/runtime';
import { captureLog, invokeApi, lambdaContext, needsReferenceEvents, proxyEvent, readEvent } from './support/events';

/** A middleware that records `name` before and after the rest of the chain. */
function tracing(trace: string[], name: string) {
  return async <E>(event: E, next: (event: E) => Promise<unknown>) => {
    trace.push(`${name}>`);
    const result = await next(event);
    trace.push(`<${name}`);
    return result;
  };
}

const WS_EVENT: RawWebsocketEvent = {
  requestContext: {
    routeKey: '$default',
    eventType: 'MESSAGE',
    stage: 'api',
    domainName: 'abc.execute-api.us-east-1.amazonaws.com',
    connectionId: 'R1kmxc2VNjMCFIA=',
    apiId: 'abc',
  },
  body: 'hi',
  isBase64Encoded: false,
} as RawWebsocketEvent;

describe('middleware', () => {
  needsReferenceEvents();

  it('runs in registration order around the handlers of its kind, blueprints where the app registers them', async () => {
    const trace: string[] = [];
    const app = new App({ appName: 'mw' });
    const bp = new Blueprint();
    app.middleware('all', tracing(trace, 'all1'));
    bp.middleware('sns', tracing(trace, 'bp-sns'));
    app.middleware('sqs', tracing(trace, 'sqs'));
    app.registerBlueprint(bp);
    app.middleware('sns', tracing(trace, 'sns'));
    app.onSnsMessage({ topic: 't', name: 'onTopic' }, (event) => {
      trace.push(`handler ${event instanceof SNSEvent}`);
      return event.message;
    });
    const result = await lambdaHandler(app, 'onTopic')(readEvent('aws-sam-cli/Sns.json'), lambdaContext());
    expect(result).to.equal('example message');
    expect(trace).to.deep.equal(['all1>', 'bp-sns>', 'sns>', 'handler true', '<sns', '<bp-sns', '<all1']);
  });

  it('gives each kind its own event, and a pure function its LambdaFunctionEvent', async () => {
    const seen: string[] = [];
    const app = new App({ appName: 'mw' });
    app.middleware('all', (event, next) => {
      seen.push(event.constructor.name);
      return next(event);
    });
    app.middleware('pure_lambda', async (event, next) => {
      expect(event).to.be.instanceOf(LambdaFunctionEvent);
      return {
        wrapped: await next(new LambdaFunctionEvent({ n: (event.event as { n: number }).n + 1 }, event.context)),
      };
    });
    app.lambdaFunction({ name: 'pure' }, (event: { n: number }, context: LambdaContext) => [
      event.n,
      context.functionName,
    ]);
    app.schedule('rate(1 hour)', { name: 'tick' }, (event) => event instanceof CloudWatchEvent);
    app.onSqsMessage({ queue: 'q', name: 'onQueue' }, (event) => [...event].map((r) => r.body));
    app.onWsMessage((event) => ({ body: event.body }));
    const context = lambdaContext('fn');
    expect(await lambdaHandler(app, 'pure')({ n: 1 }, context)).to.deep.equal({ wrapped: [2, 'fn'] });
    expect(await lambdaHandler(app, 'tick')(readEvent('aws-sam-cli/ScheduledEvent.json'), context)).to.equal(true);
    expect(await lambdaHandler(app, 'onQueue')(readEvent('aws-sam-cli/Sqs.json'), context)).to.deep.equal([
      'Hello from SQS!',
    ]);
    expect(await lambdaHandler(app, 'websocket_message')(WS_EVENT, context)).to.deep.equal({
      statusCode: 200,
      body: 'hi',
    });
    expect(seen).to.deep.equal(['LambdaFunctionEvent', 'CloudWatchEvent', 'SQSEvent', 'WebsocketEvent']);
  });

  it('lets an event middleware catch what the handler throws, and its own throw fail the invocation', async () => {
    const app = new App({ appName: 'mw' });
    app.middleware('sqs', async (event, next) => {
      try {
        return await next(event);
      } catch (error) {
        return { caught: (error as Error).message };
      }
    });
    app.middleware('sns', () => {
      throw new Error('refused');
    });
    app.onSqsMessage({ queue: 'q', name: 'onQueue' }, () => {
      throw new Error('bad batch');
    });
    app.onSnsMessage({ topic: 't', name: 'onTopic' }, () => 'never');
    const context = lambdaContext();
    expect(await lambdaHandler(app, 'onQueue')(readEvent('aws-sam-cli/Sqs.json'), context)).to.deep.equal({
      caught: 'bad batch',
    });
    let failure: unknown;
    await lambdaHandler(app, 'onTopic')(readEvent('aws-sam-cli/Sns.json'), context).catch(
      (e: unknown) => (failure = e),
    );
    expect((failure as Error).message).to.equal('refused');
    expect(app.lambdaContext).to.equal(undefined);
  });

  it('gives http middleware the Request, and next a Response with the view errors already answered', async () => {
    const app = new App({ appName: 'mw' });
    captureLog(app);
    const seen: unknown[] = [];
    app.middleware('http', async (request, next) => {
      const response = await next(request);
      seen.push([request instanceof Request, request.path, response instanceof Response, response.statusCode]);
      response.headers['X-Seen'] = 'yes';
      return response;
    });
    app.route('/ok', () => ({ ok: true }));
    app.route('/bad', () => {
      throw new BadRequestError('no');
    });
    app.route('/boom', () => {
      throw new Error('boom');
    });
    const ok = await invokeApi(app, proxyEvent({ resource: '/ok' }), lambdaContext());
    expect(ok).to.deep.include({ statusCode: 200, body: '{"ok":true}' });
    expect(ok.headers).to.deep.equal({ 'X-Seen': 'yes', 'Content-Type': 'application/json' });
    expect((await invokeApi(app, proxyEvent({ resource: '/bad' }))).statusCode).to.equal(400);
    expect((await invokeApi(app, proxyEvent({ resource: '/boom' }))).statusCode).to.equal(500);
    expect(seen).to.deep.equal([
      [true, '/ok', true, 200],
      [true, '/bad', true, 400],
      [true, '/boom', true, 500],
    ]);
    expect(app.currentRequest).to.equal(undefined);
  });

  it('lets http middleware answer without the handler, and answers its errors as a handler error', async () => {
    const app = new App({ appName: 'mw' });
    captureLog(app);
    let called = 0;
    app.middleware('http', (request, next) => {
      if (request.headers['x-key'] === undefined) return new Response({ statusCode: 401, body: { error: 'key' } });
      if (request.headers['x-key'] === 'bad') throw new BadRequestError('bad key');
      if (request.headers['x-key'] === 'crash') throw new Error('crash');
      return next(request);
    });
    app.route('/', () => ({ called: ++called }));
    const answer = (headers: Record<string, string>) => invokeApi(app, proxyEvent({ resource: '/', headers }));
    expect(await answer({})).to.deep.include({ statusCode: 401, body: '{"error":"key"}' });
    expect(await answer({ 'X-Key': 'bad' })).to.deep.include({
      statusCode: 400,
      body: '{"Code":"BadRequestError","Message":"bad key"}',
    });
    expect((await answer({ 'X-Key': 'crash' })).statusCode).to.equal(500);
    expect(await answer({ 'X-Key': 'good' })).to.deep.include({ statusCode: 200, body: '{"called":1}' });
    expect(called).to.equal(1);
  });

  it('leaves routes alone with middleware of other kinds only', async () => {
    const app = new App({ appName: 'mw' });
    app.middleware('sns', () => 'not for routes');
    app.route('/', () => 'plain');
    expect(await invokeApi(app, proxyEvent({ resource: '/' }))).to.deep.include({ statusCode: 200, body: 'plain' });
  });

  it('adapts a Lambda handler wrapper with ConvertToMiddleware: raw event and context in, the chain inside', async () => {
    const calls: unknown[] = [];
    const wrapper =
      (handler: (event: unknown, context: LambdaContext) => Promise<unknown>) =>
      async (event: unknown, context: LambdaContext) => {
        const raw = event as { resource?: string; Records?: unknown[]; requestContext?: { routeKey?: string } };
        const what = raw.resource ?? raw.requestContext?.routeKey ?? `${raw.Records?.length} record`;
        calls.push(`${what} ${context.functionName} before`);
        const result = await handler(event, context);
        calls.push(`${what} after`);
        return result;
      };
    const app = new App({ appName: 'mw' });
    app.middleware('all', ConvertToMiddleware(wrapper));
    app.middleware('sns', async (event, next) => ({ wrapped: await next(event) }));
    app.route('/', () => 'routed');
    app.onSnsMessage({ topic: 't', name: 'onTopic' }, (event) => event.subject);
    app.onWsMessage((event: WebsocketEvent) => ({ body: event.connectionId }));
    const api = await invokeApi(app, proxyEvent({ resource: '/' }), lambdaContext('api'));
    expect(api).to.deep.include({ statusCode: 200, body: 'routed' });
    const sns = await lambdaHandler(app, 'onTopic')(readEvent('aws-sam-cli/Sns.json'), lambdaContext('sns'));
    expect(sns).to.deep.equal({ wrapped: 'example subject' });
    const ws = await lambdaHandler(app, 'websocket_message')(WS_EVENT, lambdaContext('ws'));
    expect(ws).to.deep.equal({ statusCode: 200, body: 'R1kmxc2VNjMCFIA=' });
    expect(calls).to.deep.equal([
      '/ api before',
      '/ after',
      '1 record sns before',
      '1 record after',
      '$default ws before',
      '$default after',
    ]);
  });

  it('is kept by the blueprint until registered, and added again by each registration', () => {
    const bp = new Blueprint();
    const fn = (event: SQSEvent, next: (event: SQSEvent) => Promise<unknown>) => next(event);
    bp.middleware('sqs', fn);
    expect(bp.pendingMiddleware).to.deep.equal([{ kind: 'sqs', handler: fn }]);
    const app = new App({ appName: 'mw' });
    app.registerBlueprint(bp, { namePrefix: 'a_' });
    app.registerBlueprint(bp, { namePrefix: 'b_' });
    expect(app.registeredMiddleware.map((m) => m.kind)).to.deep.equal(['sqs', 'sqs']);
  });
});
