import { expect } from 'chai';
import fc from 'fast-check';
import {
  App,
  CORSConfig,
  NotFoundError,
  Response,
  lambdaHandler,
  type APIGatewayProxyEvent,
  type APIGatewayProxyResult,
} from '../../src/runtime';
import { invokeApi, needsReferenceEvents, proxyEvent } from './support/events';

const SECRET = 'secret-marker-in-error-message';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

/** An app with JSON, binary, CORS and throwing routes; its log lines are counted, not printed. */
function buildApp(debug: boolean): { app: App; log: string[] } {
  const app = new App({ appName: 'prop', debug });
  const log: string[] = [];
  app.log.write = (line) => log.push(line);
  app.route('/', () => ({ hello: 'world' }));
  app.route('/cities/{city}', { methods: ['GET', 'POST'] }, ({ city }) => {
    if (city.length > 5) throw new NotFoundError(`no city ${city}`);
    return { city };
  });
  app.route(
    '/echo',
    { methods: ['POST', 'PUT'], contentTypes: ['application/json', 'text/plain'], cors: true },
    (_, request) => ({
      json: request.jsonBody ?? null,
      size: request.rawBody.length,
      query: request.queryParams,
    }),
  );
  app.route(
    '/upload',
    { methods: ['PUT'], contentTypes: ['image/png', 'application/octet-stream'] },
    (_, request) => request.rawBody.length,
  );
  app.route(
    '/image',
    { cors: new CORSConfig({ maxAge: 0, exposeHeaders: ['X-A'] }) },
    () => new Response({ body: PNG, headers: { 'Content-Type': 'image/png' } }),
  );
  app.route(
    '/text',
    () =>
      new Response({
        body: 'plain',
        statusCode: 202,
        headers: { 'Content-Type': 'text/plain', 'X-Multi': ['a', 'b'] },
      }),
  );
  app.route('/boom', { cors: true }, () => {
    throw new Error(SECRET);
  });
  app.route('/async-boom', async () => {
    throw new TypeError(SECRET);
  });
  app.route('/files/{path+}', (params) => params);
  return { app, log };
}

const RESOURCES: Record<string, string[]> = {
  '/': [],
  '/cities/{city}': ['city'],
  '/echo': [],
  '/upload': [],
  '/image': [],
  '/text': [],
  '/boom': [],
  '/async-boom': [],
  '/files/{path+}': ['path'],
  '/nowhere': [],
  '/cities': ['city'],
};
const KNOWN_METHODS: Record<string, string[]> = {
  '/': ['GET'],
  '/cities/{city}': ['GET', 'POST'],
  '/echo': ['POST', 'PUT'],
  '/upload': ['PUT'],
  '/image': ['GET'],
  '/text': ['GET'],
  '/boom': ['GET'],
  '/async-boom': ['GET'],
  '/files/{path+}': ['GET'],
};
const CORS_RESOURCES = new Set(['/echo', '/image', '/boom']);

const mediaType = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'text/plain',
    'text/plain;charset=UTF-8',
    'image/png',
    'application/octet-stream',
    'text/html',
    '*/*',
    'image/*',
    'application/x-www-form-urlencoded',
    '',
    ';',
    ',',
    'a/b, image/png;q=0.5',
  ),
  fc.string(),
);
const headerName = fc.oneof(
  fc.constantFrom('Content-Type', 'content-type', 'CONTENT-TYPE', 'Accept', 'accept', 'X-Custom', 'Host'),
  fc.string({ minLength: 1 }),
);
const body = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.json(),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('base64')),
);

const proxyEventArb = fc.record({
  resource: fc.constantFrom(...Object.keys(RESOURCES)),
  method: fc.oneof(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'), fc.string()),
  headers: fc.dictionary(headerName, mediaType, { maxKeys: 5 }),
  body,
  isBase64Encoded: fc.option(fc.boolean(), { nil: undefined }),
  paramValue: fc.string({ unit: 'grapheme', maxLength: 10 }),
  query: fc.option(
    fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.array(fc.string(), { minLength: 1, maxLength: 3 }), {
      maxKeys: 3,
    }),
    { nil: null },
  ),
});

type Case = typeof proxyEventArb extends fc.Arbitrary<infer T> ? T : never;

function toEvent(c: Case): APIGatewayProxyEvent {
  const params = RESOURCES[c.resource];
  return proxyEvent({
    resource: c.resource,
    method: c.method,
    headers: c.headers,
    body: c.body,
    query: c.query,
    pathParameters: params.length === 0 ? null : Object.fromEntries(params.map((name) => [name, c.paramValue])),
  });
}

function expectWellFormed(result: APIGatewayProxyResult): void {
  expect(
    Object.keys(result).every((key) =>
      ['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded'].includes(key),
    ),
  ).to.equal(true);
  expect(Number.isInteger(result.statusCode) && result.statusCode >= 100 && result.statusCode <= 599).to.equal(true);
  expect(typeof result.body).to.equal('string');
  expect(Object.getPrototypeOf(result.headers)).to.equal(Object.prototype);
  for (const value of Object.values(result.headers)) expect(typeof value).to.equal('string');
  for (const values of Object.values(result.multiValueHeaders))
    expect(values.every((v) => typeof v === 'string')).to.equal(true);
  if (result.isBase64Encoded !== undefined) {
    expect(result.isBase64Encoded).to.equal(true);
    expect(result.body).to.match(/^[A-Za-z0-9+/]*={0,2}$/);
  }
}

/** What must hold of the answer to `c`, whatever the handler did. */
function expectConsistent(c: Case, result: APIGatewayProxyResult, logged: number, debug: boolean): void {
  const methods = KNOWN_METHODS[c.resource];
  if (methods === undefined) expect(result.statusCode).to.equal(404);
  else if (!methods.includes(c.method)) expect(result.statusCode).to.equal(405);
  if (methods?.includes(c.method) && CORS_RESOURCES.has(c.resource))
    expect(result.headers['Access-Control-Allow-Origin']).to.equal('*');
  // 500 comes only from unhandled errors, and each is logged exactly once.
  expect(logged).to.equal(result.statusCode === 500 ? 1 : 0);
  if (!debug) {
    expect(result.body).to.not.include(SECRET);
    expect(result.body).to.not.match(/\n\s+at /);
  } else if (result.statusCode === 500) {
    expect(JSON.parse(result.body).Stack).to.include(SECRET);
  }
}

describe('API handler: property-based (fast-check)', function () {
  this.timeout(300_000);
  needsReferenceEvents();

  for (const [debug, numRuns] of [
    [false, 10_000],
    [true, 2_000],
  ] as const) {
    it(`answers ${numRuns} random proxy events well-formed, debug ${debug}`, async () => {
      const { app, log } = buildApp(debug);
      let seen500 = 0;
      await fc.assert(
        fc.asyncProperty(proxyEventArb, async (c) => {
          const event = toEvent(c);
          if (c.isBase64Encoded !== undefined) event.isBase64Encoded = c.isBase64Encoded;
          log.length = 0;
          const result = await invokeApi(app, event);
          expectWellFormed(result);
          expectConsistent(c, result, log.length, debug);
          if (result.statusCode === 500) seen500++;
          expect(app.currentRequest).to.equal(undefined);
        }),
        { numRuns },
      );
      // The generator must reach the throwing routes, or the stack assertions prove nothing.
      expect(seen500).to.be.greaterThan(0);
    });
  }
});

/** Keys that would reach Object.prototype, or name one of its members, if copied carelessly. */
const prototypeKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf');
const anyKey = fc.oneof(fc.string({ maxLength: 8 }), prototypeKey);
const anyValue = fc.anything({
  maxDepth: 2,
  key: anyKey,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withBoxedValues: true,
});
const scalar = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
/** What a header, query, path or stage-variable map could be: API Gateway's shape or anything else. */
const anyMap = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.array(scalar, { maxLength: 3 }),
  fc.dictionary(anyKey, fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), anyValue), { maxKeys: 5 }),
  anyValue,
);
/** JSON-ish events: any value at all, or an object with the proxy event's fields, each of any shape (or missing). */
const anyEvent = fc.oneof(
  anyValue,
  fc.record(
    {
      resource: fc.oneof(fc.constantFrom(...Object.keys(RESOURCES)), anyValue),
      path: fc.oneof(fc.string(), anyValue),
      httpMethod: fc.oneof(fc.constantFrom('GET', 'POST', 'PUT'), anyValue),
      headers: anyMap,
      multiValueHeaders: anyMap,
      queryStringParameters: anyMap,
      multiValueQueryStringParameters: anyMap,
      pathParameters: anyMap,
      stageVariables: anyMap,
      requestContext: fc.oneof(fc.constant({}), anyValue),
      body: fc.oneof(body, anyValue),
      isBase64Encoded: fc.oneof(fc.boolean(), anyValue),
    },
    { requiredKeys: [] },
  ),
);

describe('API handler: arbitrary JSON-ish events (fast-check)', function () {
  this.timeout(300_000);
  needsReferenceEvents();

  it('never throws synchronously; always resolves to a proxy result with a string body and no stack', async () => {
    const { app } = buildApp(false);
    const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(anyEvent, async (event) => {
        let answer: unknown;
        expect(() => (answer = lambdaHandler(app, 'api_handler')(event, {}))).to.not.throw();
        expect(answer).to.be.instanceOf(Promise);
        const result = (await answer) as APIGatewayProxyResult;
        expectWellFormed(result);
        expect(result.statusCode < 300 || result.statusCode >= 400).to.equal(true);
        expect(result.body).to.not.match(/\n\s+at /);
        expect(result.body).to.not.include(SECRET);
        expect(app.currentRequest).to.equal(undefined);
        statuses.add(result.statusCode);
      }),
      { numRuns: 5_000 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).to.deep.equal(prototypeNames);
    // The generator must reach real routes as well as rejected events, or this proves little.
    expect([...statuses]).to.include.members([200, 500]);
  });

  it('keeps query parameter names as given, prototype names included, without phantom keys', async () => {
    const { app } = buildApp(false);
    const names = fc.uniqueArray(fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), prototypeKey), { maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(names, fc.boolean(), async (keys, withMulti) => {
        const single: Record<string, string> = Object.create(null);
        const multi: Record<string, string[]> = Object.create(null);
        keys.forEach((key, i) => Object.defineProperty(single, key, { value: `v${i}`, enumerable: true }));
        keys.forEach((key, i) => Object.defineProperty(multi, key, { value: [`u${i}`, `v${i}`], enumerable: true }));
        const event: Record<string, unknown> = {
          ...proxyEvent({ resource: '/echo', method: 'POST', headers: { 'Content-Type': 'text/plain' } }),
        };
        event.queryStringParameters = single;
        if (withMulti) event.multiValueQueryStringParameters = multi;
        else delete event.multiValueQueryStringParameters;
        const result = (await lambdaHandler(app, 'api_handler')(event, {})) as APIGatewayProxyResult;
        // JSON.parse keeps "__proto__" as an own key; both sides order integer-like keys first, as objects do.
        const query = JSON.parse(result.body).query as Record<string, string>;
        expect(Object.keys(query)).to.deep.equal(Object.keys(single));
        expect(Object.values(query)).to.deep.equal(Object.keys(single).map((key) => single[key]));
      }),
      { numRuns: 1_000 },
    );
  });
});
