import { expect } from 'chai';
import { App, Response } from '../../src/runtime';
import { invokeApi, needsReferenceEvents, proxyEvent, readEvent } from './support/events';

const JSON_HEADERS = { 'Content-Type': 'application/json' };

describe('API handler: dispatch on (resource, httpMethod)', () => {
  needsReferenceEvents();

  function citiesApp(): App {
    const app = new App({ appName: 'myapp' });
    app.route('/', () => ({ hello: 'world' }));
    app.route('/cities/{city}', ({ city }) => ({ city, state: city === 'seattle' ? 'WA' : '?' }));
    app.route('/cities/{city}', { methods: ['POST', 'PUT'] }, ({ city }, request) => ({
      updated: city,
      method: request.method,
    }));
    app.route('/a/{first}/b/{second}', (params) => params);
    return app;
  }

  it('answers a plain return value as JSON 200', async () => {
    const result = await invokeApi(citiesApp(), proxyEvent({ resource: '/' }));
    expect(result).to.deep.equal({
      statusCode: 200,
      headers: JSON_HEADERS,
      multiValueHeaders: {},
      body: '{"hello":"world"}',
    });
  });

  it('waits for what a handler returns when it is a promise or has a then method', async () => {
    const app = new App({ appName: 'myapp' });
    const thenable = { then: (resolve: (value: unknown) => void) => resolve({ from: 'thenable' }) };
    class Later<T> extends Promise<T> {}
    app.route('/thenable', () => thenable);
    app.route('/promise', () => Later.resolve({ from: 'promise' }));
    app.route('/then-field', () => ({ then: 'not a method' }));
    const body = async (resource: string) => (await invokeApi(app, proxyEvent({ resource }))).body;
    expect(await body('/thenable')).to.equal('{"from":"thenable"}');
    expect(await body('/promise')).to.equal('{"from":"promise"}');
    expect(await body('/then-field')).to.equal('{"then":"not a method"}');
  });

  it('passes the URI parameters by name', async () => {
    const event = proxyEvent({
      resource: '/cities/{city}',
      path: '/cities/seattle',
      pathParameters: { city: 'seattle' },
    });
    const result = await invokeApi(citiesApp(), event);
    expect(result.statusCode).to.equal(200);
    expect(result.body).to.equal('{"city":"seattle","state":"WA"}');
  });

  it('passes several parameters as one object', async () => {
    const event = proxyEvent({
      resource: '/a/{first}/b/{second}',
      path: '/a/1/b/two',
      pathParameters: { first: '1', second: 'two' },
    });
    expect(JSON.parse((await invokeApi(citiesApp(), event)).body)).to.deep.equal({ first: '1', second: 'two' });
  });

  it('picks the handler by method on a shared path', async () => {
    const app = citiesApp();
    for (const method of ['POST', 'PUT']) {
      const event = proxyEvent({
        resource: '/cities/{city}',
        path: '/cities/x',
        method,
        pathParameters: { city: 'x' },
      });
      expect(JSON.parse((await invokeApi(app, event)).body)).to.deep.equal({ updated: 'x', method });
    }
  });

  it('dispatches on the resource, not the concrete path', async () => {
    const event = proxyEvent({ resource: '/', path: '/cities/seattle' });
    expect((await invokeApi(citiesApp(), event)).body).to.equal('{"hello":"world"}');
  });

  it('answers an unknown resource with 404', async () => {
    const result = await invokeApi(citiesApp(), proxyEvent({ resource: '/nowhere' }));
    expect(result).to.deep.equal({
      statusCode: 404,
      headers: JSON_HEADERS,
      multiValueHeaders: {},
      body: '{"Code":"NotFoundError","Message":"No view function for: /nowhere"}',
    });
  });

  it('answers an unregistered method with 405 and an Allow header', async () => {
    const event = proxyEvent({ resource: '/cities/{city}', method: 'DELETE', pathParameters: { city: 'x' } });
    const result = await invokeApi(citiesApp(), event);
    expect(result).to.deep.equal({
      statusCode: 405,
      headers: { ...JSON_HEADERS, Allow: 'GET, POST, PUT' },
      multiValueHeaders: {},
      body: '{"Code":"MethodNotAllowedError","Message":"Unsupported method: DELETE"}',
    });
  });

  it('serves the greedy {proxy+} sample as API Gateway sent it (base64 JSON body, no Content-Type)', async () => {
    const app = new App({ appName: 'myapp' });
    app.route('/{proxy+}', { methods: ['POST'] }, ({ proxy }, request) => ({ proxy, json: request.jsonBody }));
    const result = await invokeApi(app, readEvent('aws-sam-cli/AwsProxy.json'));
    expect(result.statusCode).to.equal(200);
    expect(JSON.parse(result.body)).to.deep.equal({ proxy: '/path/to/resource', json: { test: 'body' } });
  });

  it('serves the aws-lambda-go proxy sample unchanged (no isBase64Encoded field)', async () => {
    const app = new App({ appName: 'myapp' });
    app.route('/{proxy+}', { methods: ['POST'] }, ({ proxy }, request) => ({
      proxy,
      json: request.jsonBody,
      q: request.queryParams,
    }));
    const result = await invokeApi(app, readEvent('aws-lambda-go/apigw-request.json'));
    expect(JSON.parse(result.body)).to.deep.equal({ proxy: 'hello/world', json: { a: 1 }, q: { name: 'me' } });
  });
});

describe('API handler: what a handler returns', () => {
  needsReferenceEvents();

  async function answer(handler: () => unknown, headers?: Record<string, string>) {
    const app = new App({ appName: 'myapp' });
    app.route('/', handler);
    return invokeApi(app, proxyEvent({ resource: '/', headers }));
  }

  it('sends undefined as JSON null', async () => {
    expect((await answer(() => undefined)).body).to.equal('null');
  });

  it('sends a string as is', async () => {
    expect(await answer(() => 'hi "there"')).to.deep.equal({
      statusCode: 200,
      headers: JSON_HEADERS,
      multiValueHeaders: {},
      body: 'hi "there"',
    });
  });

  it('waits for an async handler', async () => {
    expect((await answer(async () => ({ later: [1, 2] }))).body).to.equal('{"later":[1,2]}');
  });

  it('gives a Response full control of status, headers and body', async () => {
    const result = await answer(
      () => new Response({ statusCode: 201, headers: { 'content-type': 'text/plain', 'X-Id': '7' }, body: 'made' }),
    );
    expect(result).to.deep.equal({
      statusCode: 201,
      headers: { 'content-type': 'text/plain', 'X-Id': '7' },
      multiValueHeaders: {},
      body: 'made',
    });
  });

  it('sends array header values as multiValueHeaders', async () => {
    const result = await answer(() => new Response({ body: {}, headers: { 'Set-Cookie': ['a=1', 'b=2'] } }));
    expect(result.headers).to.deep.equal(JSON_HEADERS);
    expect(result.multiValueHeaders).to.deep.equal({ 'Set-Cookie': ['a=1', 'b=2'] });
  });

  it('defaults a Response to 200 and JSON', async () => {
    expect(await answer(() => new Response({ body: { ok: true } }))).to.deep.equal({
      statusCode: 200,
      headers: JSON_HEADERS,
      multiValueHeaders: {},
      body: '{"ok":true}',
    });
  });
});

describe('API handler: content types (415)', () => {
  needsReferenceEvents();
  let calls = 0;

  function app(): App {
    calls = 0;
    const result = new App({ appName: 'myapp' });
    result.route('/json', { methods: ['POST'] }, () => ++calls);
    result.route('/text', { methods: ['POST'], contentTypes: ['text/plain'] }, (_, request) =>
      request.rawBody.toString(),
    );
    result.route('/form', { methods: ['POST'], contentTypes: ['application/x-www-form-urlencoded'] }, (_, request) =>
      request.rawBody.toString(),
    );
    result.route('/cors', { methods: ['POST'], cors: true }, () => ++calls);
    return result;
  }
  const post = (resource: string, headers: Record<string, string>, body = '{}') =>
    proxyEvent({ resource, method: 'POST', headers, body });

  it('rejects a Content-Type the route does not list, without calling the handler', async () => {
    const result = await invokeApi(app(), post('/json', { 'Content-Type': 'text/plain' }));
    expect(result).to.deep.equal({
      statusCode: 415,
      headers: JSON_HEADERS,
      multiValueHeaders: {},
      body: '{"Code":"UnsupportedMediaType","Message":"Unsupported media type: text/plain"}',
    });
    expect(calls).to.equal(0);
  });

  it('ignores parameters and case of the Content-Type', async () => {
    for (const contentType of [
      'application/json; charset=utf-8',
      'Application/JSON',
      'application/json;charset=UTF-8',
    ]) {
      const result = await invokeApi(app(), post('/json', { 'content-type': contentType }));
      expect(result.statusCode, contentType).to.equal(200);
      expect(calls).to.equal(1);
    }
  });

  it('matches a form Content-Type with a charset', async () => {
    const result = await invokeApi(
      app(),
      post('/form', { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' }, 'a=1&b=2'),
    );
    expect(result.statusCode).to.equal(200);
    expect(result.body).to.equal('a=1&b=2');
  });

  it('counts a missing Content-Type as application/json', async () => {
    expect((await invokeApi(app(), post('/json', {}))).statusCode).to.equal(200);
    const result = await invokeApi(app(), post('/text', {}, 'hello'));
    expect(result.statusCode).to.equal(415);
    expect(result.body).to.equal(
      '{"Code":"UnsupportedMediaType","Message":"Unsupported media type: application/json"}',
    );
  });

  it('accepts a listed non-JSON type', async () => {
    const result = await invokeApi(app(), post('/text', { 'Content-Type': 'text/plain' }, 'hello'));
    expect([result.statusCode, result.body]).to.deep.equal([200, 'hello']);
  });

  it('accepts any Content-Type when the route lists none', async () => {
    const a = app();
    a.route('/any', { methods: ['POST'], contentTypes: [] }, (_, request) => request.headers['content-type'] ?? 'none');
    for (const contentType of ['text/csv', 'image/png', 'x']) {
      const result = await invokeApi(a, post('/any', { 'Content-Type': contentType }));
      expect([result.statusCode, result.body]).to.deep.equal([200, contentType]);
    }
  });

  it('carries the CORS headers on a 415 of a CORS route', async () => {
    const result = await invokeApi(app(), post('/cors', { 'Content-Type': 'text/csv' }));
    expect(result.statusCode).to.equal(415);
    expect(result.headers['Access-Control-Allow-Origin']).to.equal('*');
  });
});

describe('API handler: JSON request bodies', () => {
  needsReferenceEvents();

  function app(): App {
    const result = new App({ appName: 'myapp' });
    result.route('/echo', { methods: ['POST'], contentTypes: ['application/json', 'text/plain'] }, (_, request) => ({
      json: request.jsonBody ?? 'none',
    }));
    return result;
  }

  it('answers malformed JSON with 400 BadRequestError', async () => {
    const event = proxyEvent({
      resource: '/echo',
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"a": ',
    });
    expect(await invokeApi(app(), event)).to.deep.equal({
      statusCode: 400,
      headers: JSON_HEADERS,
      multiValueHeaders: {},
      body: '{"Code":"BadRequestError","Message":"Error Parsing JSON"}',
    });
  });

  it('parses a base64-encoded JSON body', async () => {
    const body = Buffer.from('{"n":[1,2,3]}').toString('base64');
    const event = proxyEvent({
      resource: '/echo',
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      isBase64Encoded: true,
    });
    expect((await invokeApi(app(), event)).body).to.equal('{"json":{"n":[1,2,3]}}');
  });

  it('leaves jsonBody undefined for a non-JSON Content-Type', async () => {
    const event = proxyEvent({
      resource: '/echo',
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{"a":1}',
    });
    expect((await invokeApi(app(), event)).body).to.equal('{"json":"none"}');
  });
});
