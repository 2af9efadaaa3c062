import { expect } from 'chai';
import { App, lambdaHandler, type APIGatewayProxyEvent, type APIGatewayProxyResult } from '../../src/runtime';
import { captureLog, needsReferenceEvents, proxyEvent, readEvent } from './support/events';

const INTERNAL_ERROR: APIGatewayProxyResult = {
  statusCode: 500,
  headers: { 'Content-Type': 'application/json' },
  multiValueHeaders: {},
  body: '{"Code":"InternalServerError","Message":"An internal server error occurred."}',
};

/** An app whose routes echo what the Request made of the event. */
function echoApp(): { app: App; log: string[] } {
  const app = new App({ appName: 'echo' });
  const log = captureLog(app);
  app.route('/echo', { methods: ['GET', 'POST'] }, (_, request) => ({
    headers: request.headers,
    query: request.queryParams,
    multi: request.multiValueQueryParams,
    context: request.context,
    stageVars: request.stageVars,
  }));
  app.route(
    '/body',
    { methods: ['POST'], contentTypes: ['application/json', 'application/octet-stream'] },
    (_, request) => ({
      size: request.rawBody.length,
      json: request.jsonBody ?? null,
    }),
  );
  app.route('/items/{id}', (params) => ({ params, keys: Object.keys(params) }));
  return { app, log };
}

/** Calls the API handler exactly as Lambda would, failing the test on a synchronous throw. */
function call(app: App, event: unknown): Promise<APIGatewayProxyResult> {
  let answer: unknown;
  expect(() => (answer = lambdaHandler(app, 'api_handler')(event, {}))).to.not.throw();
  expect(answer).to.be.instanceOf(Promise);
  return answer as Promise<APIGatewayProxyResult>;
}

function echoEvent(overrides: Record<string, unknown>): Record<string, unknown> {
  return { ...proxyEvent({ resource: '/echo' }), ...overrides };
}

describe('API handler: events API Gateway does not send', () => {
  needsReferenceEvents();

  for (const [label, event, reason] of [
    ['null', null, 'the event is null, not an object'],
    ['undefined', undefined, 'the event is missing, not an object'],
    ['a number', 42, 'the event is a number, not an object'],
    ['a string', '{"resource":"/echo"}', 'the event is a string, not an object'],
    ['an array', [], 'the event is an array, not an object'],
    ['an object without resource', {}, 'its resource is missing, not a string'],
    ['a numeric resource', { resource: 5, httpMethod: 'GET' }, 'its resource is a number, not a string'],
    ['an object as httpMethod', { resource: '/echo', httpMethod: {} }, 'its httpMethod is an object, not a string'],
  ] as const) {
    it(`answers ${label} with the plain 500 and logs why`, async () => {
      const { app, log } = echoApp();
      expect(await call(app, event)).to.deep.equal(INTERNAL_ERROR);
      expect(log).to.have.length(1);
      expect(log[0]).to.include(`Rejected an event: not an API Gateway proxy event: ${reason}`);
    });
  }

  for (const [label, body] of [
    ['a number', 5],
    ['an object', { a: 1 }],
    ['an array', ['x']],
  ] as const) {
    it(`answers a body that is ${label} with the plain 500`, async () => {
      const { app, log } = echoApp();
      const event = {
        ...proxyEvent({ resource: '/body', method: 'POST', headers: { 'Content-Type': 'application/json' } }),
        body,
      };
      expect(await call(app, event)).to.deep.equal(INTERNAL_ERROR);
      expect(log[0]).to.include(`its body is ${label}, not a string`);
    });
  }

  it('answers 500, without a stack, when reading the event itself throws', async () => {
    const { app, log } = echoApp();
    const event = Object.defineProperty({ resource: '/echo' }, 'httpMethod', {
      enumerable: true,
      get: () => {
        throw new Error('getter exploded');
      },
    });
    const result = await call(app, event);
    expect(result).to.deep.equal(INTERNAL_ERROR);
    expect(log[0]).to.include('Could not handle an event: Error: getter exploded');
    expect(app.currentRequest).to.equal(undefined);
  });

  it('reads non-string header values: numbers and booleans as text, anything else left out', async () => {
    const { app } = echoApp();
    const headers = { 'X-Num': 5, 'X-Bool': true, 'X-Null': null, 'X-Obj': { a: 1 }, 'X-List': ['a'], 'X-Text': 'ok' };
    const result = await call(app, echoEvent({ headers }));
    expect(result.statusCode).to.equal(200);
    expect(JSON.parse(result.body).headers).to.deep.equal({ 'x-num': '5', 'x-bool': 'true', 'x-text': 'ok' });
  });

  it('checks a numeric Content-Type as text: 415, not a TypeError', async () => {
    // Before, `matchesContentType` called `.includes` on the number and the handler threw synchronously.
    const { app } = echoApp();
    const event = { ...proxyEvent({ resource: '/body', method: 'POST' }), headers: { 'Content-Type': 5 } };
    const result = await call(app, event);
    expect([result.statusCode, result.body]).to.deep.equal([
      415,
      '{"Code":"UnsupportedMediaType","Message":"Unsupported media type: 5"}',
    ]);
  });

  for (const headers of [null, ['Content-Type', 'text/plain'], 'Content-Type: text/plain']) {
    it(`reads headers given as ${JSON.stringify(headers)} as no headers`, async () => {
      const { app } = echoApp();
      const result = await call(app, echoEvent({ headers, multiValueHeaders: headers }));
      expect(result.statusCode).to.equal(200);
      expect(JSON.parse(result.body).headers).to.deep.equal({});
    });
  }

  it('runs the handler when requestContext is missing, with an empty context', async () => {
    const { app } = echoApp();
    const event = echoEvent({});
    delete (event as Partial<APIGatewayProxyEvent>).requestContext;
    const result = await call(app, event);
    expect(result.statusCode).to.equal(200);
    expect(JSON.parse(result.body).context).to.deep.equal({});
  });

  it('answers 400 when isBase64Encoded is true but the body is not base64, and only if the handler reads it', async () => {
    const { app } = echoApp();
    const bad = {
      ...proxyEvent({ resource: '/body', method: 'POST', headers: { 'Content-Type': 'application/octet-stream' } }),
      body: 'not base64!',
      isBase64Encoded: true,
    };
    expect(await call(app, bad)).to.deep.include({
      statusCode: 400,
      body: '{"Code":"BadRequestError","Message":"Request body is not valid base64"}',
    });
    const unread = echoEvent({ body: '%%%', isBase64Encoded: true });
    expect((await call(app, unread)).statusCode).to.equal(200);
  });

  it('still decodes valid base64, with or without padding', async () => {
    const { app } = echoApp();
    for (const body of ['eyJhIjoxfQ==', 'eyJhIjoxfQ']) {
      const event = {
        ...proxyEvent({ resource: '/body', method: 'POST' }),
        headers: { 'Content-Type': 'application/json' },
        body,
        isBase64Encoded: true,
      };
      expect(JSON.parse((await call(app, event)).body)).to.deep.equal({ size: 7, json: { a: 1 } });
    }
  });

  it('treats a non-boolean isBase64Encoded as false', async () => {
    const { app } = echoApp();
    const event = {
      ...proxyEvent({ resource: '/body', method: 'POST' }),
      headers: { 'Content-Type': 'application/json' },
      body: '{"a":1}',
      isBase64Encoded: 'yes',
    };
    expect(JSON.parse((await call(app, event)).body)).to.deep.equal({ size: 7, json: { a: 1 } });
  });
});

describe('API handler: query parameters named like Object.prototype members', () => {
  needsReferenceEvents();
  const NAMES = JSON.parse('{"__proto__":"p","constructor":"c","prototype":"t"}') as Record<string, string>;

  it('are ordinary keys of queryParams and multiValueQueryParams, with no prototype behind them', async () => {
    const app = new App({ appName: 'proto' });
    let seen: { query: Record<string, string>; multi: Record<string, string[]> } | undefined;
    app.route('/q', (_, request) => {
      seen = { query: request.queryParams, multi: request.multiValueQueryParams };
      return request.queryParams;
    });
    const multi = JSON.parse('{"__proto__":["p"],"constructor":["c"],"prototype":["t"]}');
    const event = {
      ...proxyEvent({ resource: '/q' }),
      queryStringParameters: NAMES,
      multiValueQueryStringParameters: multi,
    };
    const result = await call(app, event);
    expect(JSON.parse(result.body, (_, v) => v)).to.deep.equal(NAMES);
    expect(result.body).to.equal('{"__proto__":"p","constructor":"c","prototype":"t"}');
    expect(Object.getPrototypeOf(seen!.query)).to.equal(null);
    expect(Object.keys(seen!.query)).to.deep.equal(['__proto__', 'constructor', 'prototype']);
    expect(Object.keys(seen!.multi)).to.deep.equal(['__proto__', 'constructor', 'prototype']);
    expect(seen!.multi.__proto__).to.deep.equal(['p']);
    expect(({} as Record<string, unknown>).p).to.equal(undefined);
  });

  it('have no phantom keys: names the client did not send are absent', async () => {
    const app = new App({ appName: 'proto' });
    let query: Record<string, string> = {};
    let headers: Record<string, string> = {};
    app.route('/q', (_, request) => {
      [query, headers] = [request.queryParams, request.headers];
      return {};
    });
    await call(app, { ...proxyEvent({ resource: '/q', query: { a: ['1'] } }) });
    for (const map of [query, headers]) {
      for (const name of ['constructor', 'toString', 'hasOwnProperty', '__proto__'])
        expect(map[name], name).to.equal(undefined);
    }
    expect(Object.keys(query)).to.deep.equal(['a']);
  });

  it('in headers, path parameters and stage variables are ordinary keys too', async () => {
    const { app } = echoApp();
    const names = JSON.parse('{"__proto__":"x","constructor":"y"}');
    const event = {
      ...proxyEvent({ resource: '/items/{id}' }),
      pathParameters: { ...JSON.parse('{"__proto__":"x"}'), id: '7' },
    };
    expect(JSON.parse((await call(app, event)).body)).to.deep.equal({
      params: JSON.parse('{"__proto__":"x","id":"7"}'),
      keys: ['__proto__', 'id'],
    });
    const echoed = JSON.parse((await call(app, echoEvent({ headers: names, stageVariables: names }))).body);
    expect(Object.keys(echoed.headers)).to.deep.equal(['__proto__', 'constructor']);
    expect(Object.keys(echoed.stageVars)).to.deep.equal(['__proto__', 'constructor']);
  });
});

describe('API handler: only queryStringParameters present', () => {
  needsReferenceEvents();

  it('gives the query API Gateway would give: one value per name', async () => {
    const { app } = echoApp();
    const full = proxyEvent({ resource: '/echo', query: { a: ['1'], b: ['x y'] } });
    const single: Record<string, unknown> = { ...full };
    delete single.multiValueQueryStringParameters;
    const [withBoth, withSingle] = [
      JSON.parse((await call(app, full)).body),
      JSON.parse((await call(app, single)).body),
    ];
    expect(withSingle.query).to.deep.equal({ a: '1', b: 'x y' });
    expect(withSingle.multi).to.deep.equal({ a: ['1'], b: ['x y'] });
    expect([withSingle.query, withSingle.multi]).to.deep.equal([withBoth.query, withBoth.multi]);
  });

  it('gives an empty query when neither map is an object', async () => {
    const { app } = echoApp();
    const result = JSON.parse(
      (await call(app, echoEvent({ queryStringParameters: ['a'], multiValueQueryStringParameters: 'a=1' }))).body,
    );
    expect([result.query, result.multi]).to.deep.equal([{}, {}]);
  });

  it('reads a multi-value entry that is a bare string as a list of one, and drops empty lists', async () => {
    const { app } = echoApp();
    const result = JSON.parse(
      (
        await call(
          app,
          echoEvent({ queryStringParameters: null, multiValueQueryStringParameters: { a: 'x', b: [], c: ['1', 2] } }),
        )
      ).body,
    );
    expect(result.multi).to.deep.equal({ a: ['x'], c: ['1', '2'] });
    expect(result.query).to.deep.equal({ a: 'x', c: '2' });
  });
});

describe('other entry points: a bad event is a rejected promise, never a throw', () => {
  needsReferenceEvents();

  function everyKind(): App {
    const app = new App({ appName: 'kinds' });
    captureLog(app);
    const handler = () => 'ran';
    app.authorizer({ name: 'auth' }, () => ({
      principalId: 'p',
      policyDocument: { Version: '2012-10-17', Statement: [] },
    }));
    app.schedule('rate(1 hour)', { name: 'tick' }, handler);
    app.onCWEvent({ name: 'cw', eventPattern: { source: ['aws.ec2'] } }, handler);
    app.onSnsMessage({ name: 'sns', topic: 't' }, handler);
    app.onSqsMessage({ name: 'sqs', queue: 'q' }, handler);
    app.onKinesisRecord({ name: 'kinesis', stream: 's' }, handler);
    app.onDynamoDBRecord({ name: 'dynamodb', streamArn: 'arn:aws:dynamodb:us-east-1:1:table/t/stream/x' }, handler);
    app.onS3Event({ name: 's3', bucket: 'b' }, handler);
    return app;
  }

  const EXPECTED: Record<string, string> = {
    auth: "authorizer function 'auth' received null as its event, not an object",
    tick: "schedule function 'tick' received null as its event, not an object",
    cw: "cw-event function 'cw' received null as its event, not an object",
    sns: "sns function 'sns' received null as its event, not an object",
    sqs: "sqs function 'sqs' received null as its event, not an object",
    kinesis: "kinesis function 'kinesis' received null as its event, not an object",
    dynamodb: "dynamodb function 'dynamodb' received null as its event, not an object",
    s3: "s3 function 's3' received null as its event, not an object",
  };

  for (const [name, message] of Object.entries(EXPECTED)) {
    it(`${name}: null rejects with "${message}"`, async () => {
      const handler = lambdaHandler(everyKind(), name);
      let answer: unknown;
      expect(() => (answer = handler(null, {}))).to.not.throw();
      expect(answer).to.be.instanceOf(Promise);
      const error = await (answer as Promise<unknown>).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(TypeError);
      expect((error as Error).message).to.equal(message);
    });
  }

  it('record sources without Records reject naming what is missing', async () => {
    const app = everyKind();
    const reason = (name: string, event: unknown) =>
      lambdaHandler(app, name)(event, {}).then(
        () => 'resolved',
        (e: Error) => e.message,
      );
    expect(await reason('sqs', {})).to.equal("sqs function 'sqs' received an event without a Records list");
    expect(await reason('sns', { Records: [] })).to.equal("sns function 'sns' received an event without a record");
    expect(await reason('s3', { Records: [null] })).to.equal("s3 function 's3' received an event without a record");
    expect(await reason('sqs', { Records: [] })).to.equal('resolved');
  });

  it('a pure Lambda function takes any JSON value, null included', async () => {
    const app = new App({ appName: 'pure' });
    app.lambdaFunction({ name: 'echo' }, (event) => ({ got: event }));
    for (const event of [null, 42, 'text', [1], { a: 1 }])
      expect(await lambdaHandler(app, 'echo')(event, {})).to.deep.equal({ got: event });
  });

  it('every reference event, given to every entry point, resolves or rejects; the API handler always answers', async () => {
    const app = everyKind();
    app.route('/', () => ({}));
    const files = [
      'aws-lambda-go/apigw-request.json',
      'aws-lambda-go/apigw-restapi-openapi-request.json',
      'aws-lambda-go/apigw-custom-auth-request.json',
      'aws-lambda-go/apigw-custom-auth-request-type-request.json',
      'aws-lambda-go/s3-event.json',
      'aws-lambda-go/sns-event.json',
      'aws-lambda-go/sqs-event.json',
      'aws-lambda-go/cloudwatch-logs-event.json',
      'aws-sam-cli/AwsProxy.json',
      'aws-sam-cli/ApiGatewayAuthorizer.json',
      'aws-sam-cli/ApiGatewayRestRequestAuthorizer.json',
      'aws-sam-cli/ScheduledEvent.json',
      'aws-sam-cli/S3Put.json',
      'aws-sam-cli/Sns.json',
      'aws-sam-cli/Sqs.json',
    ];
    for (const file of files) {
      for (const name of ['api_handler', ...app.functions.keys()]) {
        let answer: unknown;
        expect(() => (answer = lambdaHandler(app, name)(readEvent(file), {})), `${name} <- ${file}`).to.not.throw();
        const settled = await (answer as Promise<unknown>).then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        );
        if (name === 'api_handler') {
          const result = (settled as { value: APIGatewayProxyResult }).value;
          expect(typeof result.body, `${name} <- ${file}`).to.equal('string');
          expect([200, 404, 405, 500], `${name} <- ${file}`).to.include(result.statusCode);
        }
      }
    }
  });
});
