import { expect } from 'chai';
import { App, BadRequestError, Blueprint, Request, type APIGatewayProxyEvent } from '../../src/runtime';
import { invokeApi, lambdaContext, needsReferenceEvents, proxyEvent, readEvent } from './support/events';

describe('Request: fields from a real proxy event', () => {
  needsReferenceEvents();

  it('reads the aws-lambda-go sample', () => {
    const event = readEvent<APIGatewayProxyEvent>('aws-lambda-go/apigw-request.json');
    const request = new Request(event);
    expect(request.method).to.equal('POST');
    expect(request.path).to.equal('/hello/world');
    expect(request.resourcePath).to.equal('/{proxy+}');
    expect(request.uriParams).to.deep.equal({ proxy: 'hello/world' });
    expect(request.queryParams).to.deep.equal({ name: 'me' });
    expect(request.multiValueQueryParams).to.deep.equal({ name: ['me'] });
    expect(request.stageVars).to.deep.equal({ stageVariableName: 'stageVariableValue' });
    expect(request.context).to.equal(event.requestContext);
    expect(request.context.authorizer?.principalId).to.equal('admin');
    expect(request.context.identity.sourceIp).to.equal('192.168.196.186');
    expect(request.rawBody.equals(Buffer.from('{\r\n\t"a": 1\r\n}'))).to.equal(true);
    expect(request.jsonBody).to.deep.equal({ a: 1 });
  });

  it('lower-cases header names and keeps values', () => {
    const request = new Request(readEvent('aws-lambda-go/apigw-request.json'));
    expect(request.headers['content-type']).to.equal('application/json');
    expect(request.headers['cache-control']).to.equal('no-cache');
    expect(request.headers.headername).to.equal('headerValue');
    expect(request.headers['x-forwarded-port']).to.equal('443');
    expect(Object.keys(request.headers).every((name) => name === name.toLowerCase())).to.equal(true);
    expect(Object.keys(request.headers)).to.have.length(19);
  });

  it('lets the last value of a repeated query parameter win', () => {
    const request = new Request(proxyEvent({ resource: '/', query: { tag: ['a', 'b', 'c'], one: ['1'] } }));
    expect(request.queryParams).to.deep.equal({ tag: 'c', one: '1' });
    expect(request.multiValueQueryParams).to.deep.equal({ tag: ['a', 'b', 'c'], one: ['1'] });
  });

  it('gives queryParams as query when the route declares no query type', () => {
    const request = new Request(proxyEvent({ resource: '/', query: { tag: ['a', 'b'], n: ['1'] } }));
    expect(request.query).to.equal(request.queryParams);
    expect(request.query).to.deep.equal({ tag: 'b', n: '1' });
  });

  it('derives the multi-value view from queryStringParameters alone', () => {
    const event = proxyEvent({ resource: '/' });
    event.queryStringParameters = { q: 'x' };
    delete event.multiValueQueryStringParameters;
    expect(new Request(event).multiValueQueryParams).to.deep.equal({ q: ['x'] });
  });

  it('gives {} for absent query, path parameters, stage variables and headers', () => {
    const event = proxyEvent({ resource: '/', query: null, pathParameters: null });
    event.stageVariables = null;
    event.headers = null;
    const request = new Request(event);
    expect([
      request.queryParams,
      request.multiValueQueryParams,
      request.uriParams,
      request.stageVars,
      request.headers,
    ]).to.deep.equal([{}, {}, {}, {}, {}]);
  });

  it('gives an empty rawBody and undefined jsonBody when there is no body', () => {
    const request = new Request(proxyEvent({ resource: '/', body: null }));
    expect(Buffer.isBuffer(request.rawBody)).to.equal(true);
    expect(request.rawBody.length).to.equal(0);
    expect(request.jsonBody).to.equal(undefined);
  });

  it('decodes a base64 body byte for byte', () => {
    const bytes = Buffer.from([0, 1, 2, 253, 254, 255]);
    const request = new Request(proxyEvent({ resource: '/', body: bytes.toString('base64'), isBase64Encoded: true }));
    expect(request.rawBody.equals(bytes)).to.equal(true);
  });

  it('parses JSON only for application/json (parameters allowed)', () => {
    const body = '{"x":1}';
    const typed = (contentType: string) =>
      new Request(proxyEvent({ resource: '/', headers: { 'Content-Type': contentType }, body }));
    expect(typed('application/json; charset=utf-8').jsonBody).to.deep.equal({ x: 1 });
    expect(typed('text/plain').jsonBody).to.equal(undefined);
    expect(typed('application/jsonp').jsonBody).to.equal(undefined);
    expect(new Request(proxyEvent({ resource: '/', headers: {}, body })).jsonBody).to.deep.equal({ x: 1 });
  });

  it('throws BadRequestError for malformed JSON, every time it is read', () => {
    const request = new Request(
      proxyEvent({ resource: '/', headers: { 'Content-Type': 'application/json' }, body: '{oops' }),
    );
    expect(() => request.jsonBody).to.throw(BadRequestError, 'Error Parsing JSON');
    expect(() => request.jsonBody).to.throw(BadRequestError);
  });

  it('has a JSON-safe toDict without the body', () => {
    const request = new Request(readEvent('aws-lambda-go/apigw-request.json'));
    const dict = request.toDict();
    expect(JSON.parse(JSON.stringify(dict))).to.deep.equal(dict);
    expect(Object.keys(dict)).to.deep.equal([
      'method',
      'path',
      'resourcePath',
      'headers',
      'queryParams',
      'multiValueQueryParams',
      'uriParams',
      'context',
      'stageVars',
    ]);
    expect(dict.headers).to.deep.equal(request.headers);
    expect(dict.queryParams).to.deep.equal({ name: 'me' });
  });
});

describe('Request: currentRequest and lambdaContext', () => {
  needsReferenceEvents();

  it('are set while a handler runs and cleared after, also on errors and async handlers', async () => {
    const app = new App({ appName: 'myapp' });
    app.log.write = () => undefined;
    const bp = new Blueprint();
    const seen: unknown[] = [];
    app.route('/sync', (_, request) => {
      seen.push(app.currentRequest === request, app.lambdaContext, bp.currentRequest === request, bp.lambdaContext);
      return request.path;
    });
    app.route('/async', async (_, request) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen.push(app.currentRequest === request, app.lambdaContext);
      return 1;
    });
    app.route('/throw', () => {
      seen.push(app.currentRequest?.path);
      throw new Error('x');
    });
    app.registerBlueprint(bp);
    expect(app.currentRequest).to.equal(undefined);

    const context = lambdaContext();
    await invokeApi(app, proxyEvent({ resource: '/sync' }), context);
    expect(seen).to.deep.equal([true, context, true, context]);
    expect([app.currentRequest, app.lambdaContext, bp.currentRequest]).to.deep.equal([undefined, undefined, undefined]);

    seen.length = 0;
    const pending = invokeApi(app, proxyEvent({ resource: '/async' }), context);
    expect(app.currentRequest?.resourcePath).to.equal('/async');
    await pending;
    expect(seen).to.deep.equal([true, context]);
    expect([app.currentRequest, app.lambdaContext]).to.deep.equal([undefined, undefined]);

    seen.length = 0;
    expect((await invokeApi(app, proxyEvent({ resource: '/throw' }), context)).statusCode).to.equal(500);
    expect(seen).to.deep.equal(['/throw']);
    expect([app.currentRequest, app.lambdaContext]).to.deep.equal([undefined, undefined]);
  });
});
