import { expect } from 'chai';
import {
  App,
  CORSConfig,
  NotFoundError,
  Response,
  cachedCorsHeaders,
  corsHeaders,
  preflightHeaders,
} from '../../src/runtime';
import { captureLog, invokeApi, needsReferenceEvents, proxyEvent } from './support/events';

const ALLOW_HEADERS = 'Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Api-Key';
const DEFAULT_CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': ALLOW_HEADERS };

describe('CORS: the header set (pure)', () => {
  it('gives the defaults for cors: true', () => {
    expect(corsHeaders(new CORSConfig())).to.deep.equal(DEFAULT_CORS);
  });

  it('merges, dedups and sorts allowed headers and emits every option', () => {
    const config = new CORSConfig({
      allowOrigin: 'https://a.example',
      allowHeaders: ['X-Special', 'Authorization'],
      exposeHeaders: ['X-Total', 'X-Page'],
      maxAge: 600,
      allowCredentials: true,
    });
    expect(corsHeaders(config)).to.deep.equal({
      'Access-Control-Allow-Origin': 'https://a.example',
      'Access-Control-Allow-Headers': `${ALLOW_HEADERS},X-Special`,
      'Access-Control-Expose-Headers': 'X-Total,X-Page',
      'Access-Control-Max-Age': '600',
      'Access-Control-Allow-Credentials': 'true',
    });
  });

  it('keeps maxAge 0 and leaves out false credentials and empty expose lists', () => {
    expect(corsHeaders(new CORSConfig({ maxAge: 0, allowCredentials: false, exposeHeaders: [] }))).to.deep.equal({
      ...DEFAULT_CORS,
      'Access-Control-Max-Age': '0',
    });
  });

  it('puts the allowed methods first in a preflight answer', () => {
    expect(preflightHeaders(new CORSConfig(), ['GET', 'POST'])).to.deep.equal({
      'Access-Control-Allow-Methods': 'GET,POST,OPTIONS',
      ...DEFAULT_CORS,
    });
  });

  it('computes the set once per config object', () => {
    const config = new CORSConfig({ maxAge: 5 });
    expect(cachedCorsHeaders(config)).to.equal(cachedCorsHeaders(config));
    expect(cachedCorsHeaders(config)).to.deep.equal(corsHeaders(config));
    expect(cachedCorsHeaders(new CORSConfig())).to.not.equal(cachedCorsHeaders(new CORSConfig()));
  });
});

describe('CORS: on responses', () => {
  needsReferenceEvents();

  const custom = new CORSConfig({
    allowOrigin: 'https://a.example',
    exposeHeaders: ['X-Total'],
    maxAge: 0,
    allowCredentials: true,
  });

  function app(defaultCors = false): App {
    const result = new App({ appName: 'myapp' });
    result.api.cors = defaultCors;
    captureLog(result);
    result.route('/plain', () => ({ ok: 1 }));
    result.route('/cors', { cors: true }, () => ({ ok: 2 }));
    result.route('/custom', { cors: custom }, () => ({ ok: 3 }));
    result.route('/off', { cors: false }, () => ({ ok: 4 }));
    result.route('/missing', { cors: true }, () => {
      throw new NotFoundError('nope');
    });
    result.route('/crash', { cors: true }, () => {
      throw new Error('crash');
    });
    result.route(
      '/own',
      { cors: true },
      () => new Response({ body: 'x', headers: { 'Access-Control-Allow-Origin': 'https://mine.example' } }),
    );
    return result;
  }
  const call = (a: App, resource: string) => invokeApi(a, proxyEvent({ resource }));

  it("adds the CORS headers to a CORS route's answer", async () => {
    expect(await call(app(), '/cors')).to.deep.equal({
      statusCode: 200,
      headers: { 'Content-Type': 'application/json', ...DEFAULT_CORS },
      multiValueHeaders: {},
      body: '{"ok":2}',
    });
  });

  it('adds none to a route without CORS', async () => {
    expect((await call(app(), '/plain')).headers).to.deep.equal({ 'Content-Type': 'application/json' });
  });

  it('emits every CORSConfig option', async () => {
    expect((await call(app(), '/custom')).headers).to.deep.equal({
      'Content-Type': 'application/json',
      'Access-Control-Allow-Origin': 'https://a.example',
      'Access-Control-Allow-Headers': ALLOW_HEADERS,
      'Access-Control-Expose-Headers': 'X-Total',
      'Access-Control-Max-Age': '0',
      'Access-Control-Allow-Credentials': 'true',
    });
  });

  it('adds them to ViewError and 500 answers too', async () => {
    const missing = await call(app(), '/missing');
    expect([missing.statusCode, missing.headers]).to.deep.equal([
      404,
      { 'Content-Type': 'application/json', ...DEFAULT_CORS },
    ]);
    const crash = await call(app(), '/crash');
    expect([crash.statusCode, crash.headers]).to.deep.equal([
      500,
      { 'Content-Type': 'application/json', ...DEFAULT_CORS },
    ]);
  });

  it('does not overwrite a header the handler set', async () => {
    expect((await call(app(), '/own')).headers).to.deep.equal({
      'Access-Control-Allow-Origin': 'https://mine.example',
      'Content-Type': 'application/json',
      'Access-Control-Allow-Headers': ALLOW_HEADERS,
    });
  });

  it('applies app.api.cors to routes that leave cors unset, and cors: false overrides it', async () => {
    const a = app(true);
    expect((await call(a, '/plain')).headers).to.deep.equal({ 'Content-Type': 'application/json', ...DEFAULT_CORS });
    expect((await call(a, '/off')).headers).to.deep.equal({ 'Content-Type': 'application/json' });
    expect((await call(a, '/custom')).headers['Access-Control-Allow-Origin']).to.equal('https://a.example');
  });

  it('accepts a CORSConfig as app.api.cors', async () => {
    const a = app();
    a.api.cors = new CORSConfig({ allowOrigin: 'https://b.example' });
    expect((await call(a, '/plain')).headers['Access-Control-Allow-Origin']).to.equal('https://b.example');
  });
});
