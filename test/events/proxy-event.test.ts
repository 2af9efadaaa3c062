/**
 * The event local mode builds, compared key by key with real API Gateway events
 * (../shared/reference/events): the same keys, the same types, the same requestContext.
 */
import { expect } from 'chai';
import {
  formatRequestTime,
  methodArn,
  toProxyEvent,
  type ApiIdentity,
  type IncomingRequest,
} from '../../src/events/proxy-event';
import { DEFAULT_BINARY_TYPES, Request } from '../../src/runtime';
import { needsReferenceEvents, readEvent } from '../runtime/support/events';

const API: ApiIdentity = {
  region: 'us-east-1',
  accountId: '123456789012',
  apiId: 'local',
  stage: 'api',
  stageVariables: null,
};

function incoming(overrides: Partial<IncomingRequest> = {}): IncomingRequest {
  return {
    method: 'POST',
    url: '/files/a%20b/c.txt?foo=bar&foo=baz&q=a%2Bb',
    rawHeaders: [
      'Host',
      '127.0.0.1:8000',
      'User-Agent',
      'test-agent',
      'Content-Type',
      'application/json',
      'X-Dup',
      '1',
      'x-dup',
      '2',
      'X-Dup',
      '3',
    ],
    body: Buffer.from('{"test":"body"}'),
    sourceIp: '127.0.0.1',
    httpVersion: '1.1',
    receivedAt: Date.UTC(2015, 3, 9, 12, 34, 56),
    ...overrides,
  };
}

const MATCH = { resource: '/files/{proxy+}', pathParameters: { proxy: 'a b/c.txt' } };

/** `typeof`, with arrays and null told apart. */
function kind(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/**
 * Every key of `reference` is in `actual` with the same kind; `null` in the reference stands for "a string or null".
 */
function expectSameShape(
  actual: Record<string, unknown>,
  reference: Record<string, unknown>,
  where: string,
  nullWhenEmpty: string[] = [],
): void {
  for (const [key, value] of Object.entries(reference)) {
    expect(actual, `${where}.${key}`).to.have.property(key);
    const allowed =
      value === null ? ['null', 'string'] : nullWhenEmpty.includes(key) ? [kind(value), 'null'] : [kind(value)];
    expect(allowed, `${where}.${key} is ${kind(actual[key])}`).to.include(kind(actual[key]));
  }
}

describe('local: the REST proxy event, against real API Gateway events', () => {
  needsReferenceEvents();

  it('has exactly the top-level keys of a sam-cli aws-proxy event, with the same types', () => {
    const reference = readEvent('aws-sam-cli/AwsProxy.json');
    const event = toProxyEvent(incoming(), MATCH, API, DEFAULT_BINARY_TYPES) as unknown as Record<string, unknown>;
    expect(Object.keys(event).sort()).to.deep.equal(Object.keys(reference).sort());
    // API Gateway sends null stage variables when the stage has none (appc configures none).
    expectSameShape(event, reference, 'event', ['stageVariables']);
  });

  it('has every key of the aws-lambda-go capture (which predates isBase64Encoded)', () => {
    const reference = readEvent('aws-lambda-go/apigw-request.json');
    const event = toProxyEvent(incoming(), MATCH, API, DEFAULT_BINARY_TYPES) as unknown as Record<string, unknown>;
    expect(Object.keys(event).sort()).to.deep.equal([...Object.keys(reference), 'isBase64Encoded'].sort());
    expectSameShape(event, reference, 'event', ['stageVariables']);
  });

  it("builds requestContext with both captures' fields (authorizer only behind an authorizer) and the identity of sam-cli's", () => {
    const sam = readEvent('aws-sam-cli/AwsProxy.json').requestContext;
    const go = readEvent('aws-lambda-go/apigw-request.json').requestContext;
    const context = toProxyEvent(incoming(), MATCH, API, DEFAULT_BINARY_TYPES).requestContext as Record<
      string,
      unknown
    >;
    const { authorizer: _authorizer, identity: goIdentity, ...goRest } = go;
    expectSameShape(context, sam, 'requestContext');
    expectSameShape(context, goRest, 'requestContext');
    expect(Object.keys(context).sort()).to.deep.equal(
      [...new Set([...Object.keys(sam), ...Object.keys(goRest)])].sort(),
    );
    expect(Object.keys(context.identity as object).sort()).to.deep.equal(Object.keys(sam.identity).sort());
    expect(Object.keys(goIdentity)).to.include.members(Object.keys(context.identity as object));
  });

  it('fills the values as API Gateway does', () => {
    const event = toProxyEvent(incoming(), MATCH, API, DEFAULT_BINARY_TYPES);
    expect(event).to.include({
      resource: '/files/{proxy+}',
      path: '/files/a%20b/c.txt',
      httpMethod: 'POST',
      body: '{"test":"body"}',
      isBase64Encoded: false,
    });
    expect(event.pathParameters).to.deep.equal({ proxy: 'a b/c.txt' });
    expect(event.queryStringParameters).to.deep.equal({ foo: 'baz', q: 'a+b' });
    expect(event.multiValueQueryStringParameters).to.deep.equal({ foo: ['bar', 'baz'], q: ['a+b'] });
    expect(event.headers).to.include({ Host: '127.0.0.1:8000', 'User-Agent': 'test-agent', 'X-Dup': '3' });
    expect(event.headers).to.not.have.property('x-dup');
    expect(event.multiValueHeaders).to.deep.include({ 'X-Dup': ['1', '2', '3'] });
    const context = event.requestContext;
    expect(context).to.include({
      accountId: '123456789012',
      apiId: 'local',
      stage: 'api',
      path: '/api/files/a%20b/c.txt',
      resourcePath: '/files/{proxy+}',
      httpMethod: 'POST',
      protocol: 'HTTP/1.1',
      domainName: '127.0.0.1:8000',
      requestTime: '09/Apr/2015:12:34:56 +0000',
      requestTimeEpoch: Date.UTC(2015, 3, 9, 12, 34, 56),
    });
    expect(context.identity).to.include({ sourceIp: '127.0.0.1', userAgent: 'test-agent', user: null });
    expect(context.requestId).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(context.resourceId).to.match(/^[0-9a-z]{6}$/);
    expect(context.extendedRequestId).to.match(/^[A-Za-z0-9+/]{15}=$/);
    expect(toProxyEvent(incoming(), MATCH, API, DEFAULT_BINARY_TYPES).requestContext.requestId).to.not.equal(
      context.requestId,
    );
  });

  it("carries the API stage's variables (null when it has none), readable as request.stageVars", () => {
    expect(toProxyEvent(incoming(), MATCH, API, DEFAULT_BINARY_TYPES).stageVariables).to.equal(null);
    const stageVariables = { TABLE: 'orders', LAMBDA_ALIAS: 'live' };
    const event = toProxyEvent(incoming(), MATCH, { ...API, stageVariables }, DEFAULT_BINARY_TYPES);
    expect(event.stageVariables).to.deep.equal(stageVariables);
    expect({ ...new Request(event).stageVars }).to.deep.equal(stageVariables);
  });

  it('sends null for absent query, path parameters and body, as API Gateway does', () => {
    const event = toProxyEvent(
      incoming({ method: 'GET', url: '/', body: Buffer.alloc(0) }),
      { resource: '/', pathParameters: null },
      API,
      DEFAULT_BINARY_TYPES,
    );
    expect(event).to.include({
      queryStringParameters: null,
      multiValueQueryStringParameters: null,
      pathParameters: null,
      body: null,
      isBase64Encoded: false,
    });
  });

  it('base64-encodes a body whose Content-Type is a binary type, and the runtime decodes it byte for byte', () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe]);
    const rawHeaders = ['Content-Type', 'image/png'];
    const event = toProxyEvent(incoming({ rawHeaders, body: bytes }), MATCH, API, DEFAULT_BINARY_TYPES);
    expect(event).to.include({ isBase64Encoded: true, body: bytes.toString('base64') });
    expect(Buffer.compare(new Request(event).rawBody, bytes)).to.equal(0);
    const text = toProxyEvent(
      incoming({ rawHeaders: ['Content-Type', 'text/plain'], body: Buffer.from('héllo') }),
      MATCH,
      API,
      DEFAULT_BINARY_TYPES,
    );
    expect(text).to.include({ isBase64Encoded: false, body: 'héllo' });
  });

  it('reads like a real event through the runtime Request', () => {
    const request = new Request(toProxyEvent(incoming(), MATCH, API, DEFAULT_BINARY_TYPES));
    expect(request.uriParams).to.deep.equal({ proxy: 'a b/c.txt' });
    expect(request.headers['x-dup']).to.equal('3');
    expect(request.jsonBody).to.deep.equal({ test: 'body' });
    expect(request.context.stage).to.equal('api');
  });

  it('asks the authorizer about the method ARN of the concrete path, shaped like the reference TOKEN events', () => {
    const reference = readEvent('aws-lambda-go/apigw-custom-auth-request.json');
    expect(reference.methodArn).to.match(/^arn:aws:execute-api:[\w-]+:\d{12}:\w+\/[^/]+\/GET\/$/);
    expect(methodArn(API, 'GET', '/')).to.equal('arn:aws:execute-api:us-east-1:123456789012:local/api/GET/');
    expect(methodArn(API, 'POST', '/users/7')).to.equal(
      'arn:aws:execute-api:us-east-1:123456789012:local/api/POST/users/7',
    );
  });

  it('formats requestTime like the captures', () => {
    expect(formatRequestTime(1428582896000)).to.equal(
      readEvent('aws-sam-cli/AwsProxy.json').requestContext.requestTime,
    );
    expect(formatRequestTime(Date.UTC(2020, 4, 15, 6, 1, 9))).to.equal(
      readEvent('aws-lambda-go/apigw-request.json').requestContext.requestTime,
    );
  });
});
