import { expect } from 'chai';
import {
  App,
  BadRequestError,
  Blueprint,
  lambdaHandler,
  Response,
  WEBSOCKET_TRANSPORT,
  WebsocketDisconnectedError,
  WebsocketEvent,
  type RawWebsocketEvent,
  type WebsocketTransport,
} from '../../src/runtime';

/** A `$default` event as API Gateway sends it (captured, from aws-lambda-go's test data). */
function messageEvent(body: string | undefined): RawWebsocketEvent {
  return {
    requestContext: {
      routeKey: '$default',
      messageId: 'R1knPc2ntjMCFIA=',
      eventType: 'MESSAGE',
      extendedRequestId: 'R1knPH17NjMFftw=',
      requestTime: '20/Jan/2024:11:55:00 +0000',
      messageDirection: 'IN',
      stage: 'prod',
      connectedAt: 1705751697419,
      requestTimeEpoch: 1705751700453,
      identity: { userAgent: 'Mozilla/5.0', sourceIp: '49.105.91.154' },
      requestId: 'R1knPH17NjMFftw=',
      domainName: 'dl7ptocha9.execute-api.ap-northeast-1.amazonaws.com',
      connectionId: 'R1kmxc2VNjMCFIA=',
      apiId: 'gy415nuibc',
    },
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: false,
  };
}

/** Installs a transport that records calls; a connection id of `gone` is gone. */
function recordingTransport(): { calls: unknown[][]; remove(): void } {
  const calls: unknown[][] = [];
  const gone = (id: string) => Object.assign(new Error('gone'), { name: 'GoneException', id });
  const transport: WebsocketTransport = {
    send: async (id, data) => {
      if (id === 'gone') throw gone(id);
      calls.push(['send', id, data]);
    },
    close: async (id) => {
      if (id === 'gone') throw gone(id);
      calls.push(['close', id]);
    },
  };
  const global = globalThis as { [WEBSOCKET_TRANSPORT]?: WebsocketTransport };
  global[WEBSOCKET_TRANSPORT] = transport;
  return { calls, remove: () => delete global[WEBSOCKET_TRANSPORT] };
}

describe('runtime: websockets', () => {
  it('gives handlers the connection, body, domain, stage and route key of the event', async () => {
    const app = new App({ appName: 'chat' });
    const seen: WebsocketEvent[] = [];
    app.onWsMessage((event) => void seen.push(event));
    await lambdaHandler(app, 'websocket_message')(messageEvent('{"a": 1}'), {});
    const [event] = seen;
    expect(event).to.be.instanceOf(WebsocketEvent);
    expect([event.connectionId, event.body, event.domainName, event.stage, event.routeKey]).to.deep.equal([
      'R1kmxc2VNjMCFIA=',
      '{"a": 1}',
      'dl7ptocha9.execute-api.ap-northeast-1.amazonaws.com',
      'prod',
      '$default',
    ]);
    expect(event.jsonBody).to.deep.equal({ a: 1 });
    expect(event.toDict()).to.deep.equal(messageEvent('{"a": 1}'));
  });

  it("reads an absent body as '' and refuses a body that is not JSON as BadRequestError", () => {
    expect(new WebsocketEvent(messageEvent(undefined)).body).to.equal('');
    expect(() => new WebsocketEvent(messageEvent('not json')).jsonBody).to.throw(BadRequestError, 'Error Parsing JSON');
  });

  it('answers { statusCode: 200 }, an object with statusCode 200 added, or a Response', async () => {
    const answers: unknown[] = [undefined, { body: 'hi' }, { statusCode: 403 }, new Response({ body: { a: 1 } })];
    const results = [];
    for (const answer of answers) {
      const app = new App({ appName: 'chat' });
      app.onWsConnect(() => answer);
      results.push(await lambdaHandler(app, 'websocket_connect')(messageEvent(undefined), {}));
    }
    expect(results).to.deep.equal([
      { statusCode: 200 },
      { statusCode: 200, body: 'hi' },
      { statusCode: 403 },
      { statusCode: 200, headers: {}, body: '{"a":1}' },
    ]);
  });

  it('sends and closes through the installed transport, and turns GoneException into WebsocketDisconnectedError', async () => {
    const transport = recordingTransport();
    try {
      const app = new App({ appName: 'chat' });
      app.onWsMessage(async (event) => {
        await app.websocketApi.send(event.connectionId, `echo: ${event.body}`);
        await app.websocketApi.close(event.connectionId);
      });
      await lambdaHandler(app, 'websocket_message')(messageEvent('hi'), {});
      expect(transport.calls).to.deep.equal([
        ['send', 'R1kmxc2VNjMCFIA=', 'echo: hi'],
        ['close', 'R1kmxc2VNjMCFIA='],
      ]);
      const error = await app.websocketApi.send('gone', 'x').catch((e: unknown) => e);
      expect(error).to.be.instanceOf(WebsocketDisconnectedError);
      expect((error as WebsocketDisconnectedError).connectionId).to.equal('gone');
    } finally {
      transport.remove();
    }
  });

  it('loads the AWS SDK only when sending: without it, the app runs and send says what is missing', async () => {
    const app = new App({ appName: 'chat' });
    app.onWsMessage((event) => app.websocketApi.send(event.connectionId, 'x'));
    const error = await lambdaHandler(app, 'websocket_message')(messageEvent('hi'), {}).catch((e: unknown) => e);
    expect((error as Error).message).to.match(/needs @aws-sdk\/client-apigatewaymanagementapi, which the Lambda/);
  });

  it('keeps the fixed function names in a blueprint with a namePrefix, and refuses a second handler per route', () => {
    const app = new App({ appName: 'chat' });
    const bp = new Blueprint();
    bp.onWsConnect(() => undefined);
    bp.lambdaFunction({ name: 'worker' }, () => undefined);
    app.registerBlueprint(bp, { namePrefix: 'v1_' });
    expect([...app.functions.keys()]).to.deep.equal(['websocket_connect', 'v1_worker']);
    expect(bp.websocketApi).to.equal(app.websocketApi);
    expect(() => app.onWsConnect(() => undefined)).to.throw("Duplicate websocket handler: 'websocket_connect'");
  });

  it('rejects an event without a connection id with a readable error', async () => {
    const app = new App({ appName: 'chat' });
    app.onWsDisconnect(() => undefined);
    const error = await lambdaHandler(app, 'websocket_disconnect')({ body: 'x' }, {}).catch((e: unknown) => e);
    expect((error as Error).message).to.equal(
      "ws-disconnect function 'websocket_disconnect' received an event without requestContext.connectionId",
    );
  });
});
