/**
 * `appc local` over real HTTP on an ephemeral port, fixture by fixture: every behaviour of
 * docs/cli.md (`appc local`) as a client sees it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { checkProject } from '../../src/compiler/compile';
import { emitSwagger } from '../../src/compiler/emit/swagger';
import { fixtureDir, send, startServer, type RunningServer } from './support/local-http';
import type { JsonDoc } from '../support/json-doc';

const MISSING_TOKEN = { message: 'Missing Authentication Token' };

/** Starts the fixture's server before the block's tests and stops it after. */
function serving(name: string, options: { stage?: string } = {}): () => RunningServer {
  let server: RunningServer | undefined;
  before(async function () {
    this.timeout(30000);
    server = await startServer(fixtureDir(name), options);
  });
  after(async () => server?.close());
  return () => server as RunningServer;
}

/** Runs `action` with process.stdout captured (the app's logger writes there). */
async function capturingStdout<T>(action: () => Promise<T>): Promise<{ result: T; stdout: string }> {
  const write = process.stdout.write;
  let stdout = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  try {
    return { result: await action(), stdout };
  } finally {
    process.stdout.write = write;
  }
}

describe('appc local: routes, parameters, methods, content types (fixtures/routes)', () => {
  const server = serving('routes');

  it('answers a plain return value as JSON 200', async () => {
    const reply = await send(server().url, '/');
    expect(reply.status).to.equal(200);
    expect(reply.headers['content-type']).to.equal('application/json');
    expect(reply.json()).to.deep.equal({ hello: 'world' });
  });

  it('passes path parameters, and answers a NotFoundError with 404 and its body', async () => {
    expect((await send(server().url, '/cities/seattle')).json()).to.deep.equal({ state: 'WA' });
    const missing = await send(server().url, '/cities/atlantis');
    expect(missing.status).to.equal(404);
    expect(missing.json()).to.deep.equal({ Code: 'NotFoundError', Message: 'unknown city atlantis' });
  });

  it('dispatches on the method, and answers a method the path lacks as API Gateway does (403)', async () => {
    const reply = await send(server().url, '/users/7/posts/42', { method: 'DELETE' });
    expect(reply.json()).to.deep.equal({ userId: '7', postId: '42', method: 'DELETE' });
    const post = await send(server().url, '/users/7/posts/42', { method: 'POST' });
    expect(post.status).to.equal(403);
    expect(post.json()).to.deep.equal(MISSING_TOKEN);
  });

  it('answers unknown paths with 403 Missing Authentication Token, as API Gateway does', async () => {
    for (const target of ['/nowhere', '/cities', '/cities/seattle/more', '/files']) {
      const reply = await send(server().url, target);
      expect(reply.status, target).to.equal(403);
      expect(reply.json(), target).to.deep.equal(MISSING_TOKEN);
      expect(reply.headers['x-amzn-errortype'], target).to.equal('MissingAuthenticationTokenException');
    }
  });

  it('takes greedy {proxy+} paths', async () => {
    expect((await send(server().url, '/files/a/b/c.txt', { method: 'POST' })).json()).to.deep.equal({
      proxy: 'a/b/c.txt',
    });
  });

  it("checks the route's content types: 415 for others, no Content-Type counts as JSON", async () => {
    const gif = await send(server().url, '/objects/k1', {
      method: 'PUT',
      headers: { 'Content-Type': 'image/gif' },
      body: 'GIF89a',
    });
    expect(gif.status).to.equal(415);
    expect(gif.json()).to.deep.equal({ Code: 'UnsupportedMediaType', Message: 'Unsupported media type: image/gif' });
    const text = await send(server().url, '/objects/k1', {
      method: 'PUT',
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      body: 'plain words',
    });
    expect(text.status).to.equal(201);
    expect(text.json()).to.deep.equal({ key: 'k1', body: 'plain words' });
    const json = await send(server().url, '/objects/k2', { method: 'PUT', body: '{"a":[1,2]}' });
    expect(json.json()).to.deep.equal({ key: 'k2', body: { a: [1, 2] } });
  });

  it('answers malformed JSON with 400 BadRequestError', async () => {
    const reply = await send(server().url, '/objects/k1', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: '{"a":',
    });
    expect(reply.status).to.equal(400);
    expect(reply.json()).to.deep.equal({ Code: 'BadRequestError', Message: 'Error Parsing JSON' });
  });
});

describe('appc local: the request, errors, responses, Lambda context, concurrency (test/local/fixtures/gateway)', () => {
  const server = serving('gateway');

  it('hands the handler the request as API Gateway delivers it', async () => {
    const reply = await send(server().url, '/echo/a%20b?x=1&tag=a&tag=b&plus=1%2B1', {
      method: 'POST',
      headers: [
        ['Content-Type', 'application/json'],
        ['X-Custom', 'one'],
        ['X-Custom', 'two'],
      ],
      body: '{"hello":"json"}',
    });
    expect(reply.status, reply.text).to.equal(200);
    const body = reply.json();
    expect(body).to.deep.include({
      id: 'a b',
      method: 'POST',
      path: '/echo/a%20b',
      resourcePath: '/echo/{id}',
      queryParams: { x: '1', tag: 'b', plus: '1+1' },
      multiValueQueryParams: { x: ['1'], tag: ['a', 'b'], plus: ['1+1'] },
      json: { hello: 'json' },
      rawBody: Buffer.from('{"hello":"json"}').toString('base64'),
      stage: 'test',
      sourceIp: '127.0.0.1',
      stageVars: {},
      same: true,
    });
    expect(body.headers).to.include({ 'content-type': 'application/json', 'x-custom': 'two' });
  });

  it('answers an unexpected exception with 500 and logs it', async () => {
    const { result: reply, stdout } = await capturingStdout(() => send(server().url, '/boom'));
    expect(reply.status).to.equal(500);
    expect(reply.json()).to.deep.equal({ Code: 'InternalServerError', Message: 'An internal server error occurred.' });
    expect(stdout).to.contain('gateway - ERROR - Caught exception for GET /boom').and.contain('kaboom');
  });

  it('sends a Response with its status, headers (multi-value ones too) and text body', async () => {
    const reply = await send(server().url, '/custom');
    expect(reply.status).to.equal(418);
    expect(reply.text).to.equal('short and stout');
    expect(reply.headers).to.include({ 'content-type': 'text/plain', 'x-one': 'one' });
    expect(reply.headers['set-cookie']).to.deep.equal(['a=1', 'b=2']);
  });

  it('sets Content-Length itself, and answers 502 for a header value HTTP cannot carry', async () => {
    const reply = await send(server().url, '/wrong-length');
    expect(reply.headers['content-length']).to.equal('4');
    expect(reply.text).to.equal('four');
    const broken = await send(server().url, '/bad-header');
    expect(broken.status).to.equal(502);
    expect(broken.json()).to.deep.equal({ message: 'Internal server error' });
    expect(broken.headers).to.not.have.property('x-broken');
    expect(server().output.errors.join('\n')).to.contain('cannot be sent');
  });

  it('gives the handler a Lambda context with the function name, memory and remaining time', async () => {
    const body = (await send(server().url, '/context')).json();
    expect(body).to.include({ functionName: 'gateway-dev', memory: '128' });
    expect(body.remaining).to.be.within(50000, 60000);
  });

  it('keeps concurrent requests apart: each handler sees its own currentRequest (zero errors)', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => i);
    const replies = await Promise.all(ids.map((i) => send(server().url, `/slow/${i}?ms=${(i * 7) % 11}`)));
    for (const [i, reply] of replies.entries()) {
      expect(reply.status).to.equal(200);
      expect(reply.json()).to.deep.equal({ id: String(i), current: String(i), sameRequest: true });
    }
  });

  it('answers a body over 10 MB with 413, as API Gateway does', async () => {
    const reply = await send(server().url, '/echo/big', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: Buffer.alloc(10 * 1024 * 1024 + 1, 97),
    });
    expect(reply.status).to.equal(413);
    expect(reply.json()).to.deep.equal({ message: 'Request Too Long' });
  });

  describe('a built-in authorizer', () => {
    const auth = (token: string | undefined, target = '/guarded', method = 'GET') =>
      send(server().url, target, { method, headers: token === undefined ? {} : { Authorization: token } });

    it('answers 401 without its token header, without running it', async () => {
      for (const token of [undefined, '']) {
        const reply = await auth(token);
        expect(reply.status).to.equal(401);
        expect(reply.json()).to.deep.equal({ message: 'Unauthorized' });
      }
    });

    it('passes its context, principalId and latency into requestContext.authorizer', async () => {
      const reply = await auth('allow-ann');
      expect(reply.status).to.equal(200);
      const { authorizer } = reply.json();
      expect(authorizer).to.include({ user: 'ann', principalId: 'ann', admin: false });
      expect(authorizer.integrationLatency).to.be.a('number');
    });

    it('enforces the policy against the method ARN: 403 for a method or path it does not allow', async () => {
      const post = await auth('allow-ann', '/guarded', 'POST');
      expect(post.status).to.equal(403);
      expect(post.json()).to.deep.equal({ message: 'User is not authorized to access this resource' });
      expect((await auth('allow-ann', '/guarded/items/5')).json()).to.deep.equal({ id: '5', principal: 'ann' });
      const other = await auth('only-other');
      expect(other.status).to.equal(403);
      expect(other.json()).to.deep.equal({ message: 'User is not authorized to access this resource' });
    });

    it('answers an explicit deny with 403 and its message', async () => {
      const reply = await auth('nobody');
      expect(reply.status).to.equal(403);
      expect(reply.json()).to.deep.equal({
        message: 'User is not authorized to access this resource with an explicit deny',
      });
    });

    it('takes a raw IAM policy with wildcards', async () => {
      expect((await auth('raw-allow')).json().authorizer).to.include({ principalId: 'raw' });
    });

    it("answers 401 when it throws 'Unauthorized', 500 when it fails or answers no policy", async () => {
      expect((await auth('throw')).status).to.equal(401);
      for (const token of ['crash', 'garbage']) {
        const reply = await auth(token);
        expect(reply.status, token).to.equal(500);
        expect(reply.json(), token).to.deep.equal({ message: null });
      }
      expect(server().output.errors.join('\n'))
        .to.contain('authorizer bug')
        .and.contain('not {principalId, policyDocument}');
    });

    it('caches its policy by token for its TTL, as API Gateway does (300 s by default)', async () => {
      const first = (await auth('allow-cached')).json().authorizer.calls;
      expect((await auth('allow-cached')).json().authorizer.calls).to.equal(first);
      expect((await auth('allow-other-user')).json().authorizer.calls).to.be.greaterThan(first);
    });
  });
});

describe('appc local: Lambda timeout (test/local/fixtures/gateway, stage short: lambda_timeout 1)', () => {
  const server = serving('gateway', { stage: 'short' });

  it('answers 502 when the handler outlives lambda_timeout, and goes on serving', async function () {
    this.timeout(10000);
    const started = Date.now();
    const reply = await send(server().url, '/hang');
    expect(reply.status).to.equal(502);
    expect(reply.json()).to.deep.equal({ message: 'Internal server error' });
    expect(Date.now() - started).to.be.within(900, 5000);
    expect(server().output.errors.join('\n')).to.contain('timed out (lambda_timeout 1 s)');
    expect((await send(server().url, '/context')).json()).to.include({ functionName: 'gateway-short' });
  });
});

describe('appc local: CORS (fixtures/cors)', () => {
  const server = serving('cors');

  it("answers the preflight with exactly the swagger's OPTIONS mock headers", async () => {
    const { model, config } = checkProject({ projectDir: fixtureDir('cors'), stage: 'dev' });
    const swagger = emitSwagger(model!, config!) as JsonDoc;
    for (const path of ['/strict', '/default', '/zero']) {
      const mock = swagger.paths[path].options['x-amazon-apigateway-integration'].responses.default
        .responseParameters as Record<string, string>;
      const expected = Object.fromEntries(
        Object.entries(mock).map(([key, value]) => [
          key.replace('method.response.header.', '').toLowerCase(),
          value.slice(1, -1),
        ]),
      );
      const reply = await send(server().url, path, {
        method: 'OPTIONS',
        headers: { Origin: 'https://example.com', 'Access-Control-Request-Method': 'GET' },
      });
      expect(reply.status, path).to.equal(200);
      expect(reply.text, path).to.equal('');
      const cors = Object.fromEntries(
        Object.entries(reply.headers).filter(([name]) => name.startsWith('access-control-')),
      );
      expect(cors, path).to.deep.equal(expected);
    }
    expect(
      (await send(server().url, '/strict', { method: 'OPTIONS' })).headers['access-control-allow-methods'],
    ).to.equal('PUT,GET,OPTIONS');
  });

  it('puts the CORS headers on the responses of CORS routes, errors included, and not on others', async () => {
    const ok = await send(server().url, '/strict');
    expect(ok.headers).to.include({
      'access-control-allow-origin': 'https://example.com',
      'access-control-allow-credentials': 'true',
      'access-control-max-age': '600',
    });
    const unsupported = await send(server().url, '/default', {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: 'a,b',
    });
    expect(unsupported.status).to.equal(415);
    expect(unsupported.headers['access-control-allow-origin']).to.equal('*');
    const plain = await send(server().url, '/private');
    expect(plain.status).to.equal(200);
    expect(Object.keys(plain.headers).filter((name) => name.startsWith('access-control-'))).to.deep.equal([]);
  });

  it('has no preflight for a path without CORS (403, as API Gateway)', async () => {
    const reply = await send(server().url, '/private', { method: 'OPTIONS' });
    expect(reply.status).to.equal(403);
    expect(reply.json()).to.deep.equal(MISSING_TOKEN);
  });
});

describe('appc local: binary bodies (fixtures/binary)', () => {
  const server = serving('binary');
  const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

  it('round-trips a binary request body byte for byte', async () => {
    const reply = await send(server().url, '/images', {
      method: 'POST',
      headers: { 'Content-Type': 'image/png', Accept: 'image/png' },
      body: bytes,
    });
    expect(reply.status).to.equal(200);
    expect(reply.headers['content-type']).to.equal('image/png');
    expect(Buffer.compare(reply.body, bytes)).to.equal(0);
  });

  it('decodes a base64 response of a binary type added to binaryTypes', async () => {
    const reply = await send(server().url, '/report', { headers: { Accept: 'application/pdf' } });
    expect(reply.headers['content-type']).to.equal('application/pdf');
    expect(reply.text).to.equal('%PDF-1.4');
  });

  it('answers 400 when the Accept header admits no binary type (Chalice rule)', async () => {
    const reply = await send(server().url, '/report', { headers: { Accept: 'application/json' } });
    expect(reply.status).to.equal(400);
    expect(reply.json().Code).to.equal('BadRequest');
  });
});

describe('appc local: authorizers (fixtures/authorizers)', () => {
  const server = serving('authorizers');

  it('runs the built-in authorizer with the token from its configured header (X-Token)', async () => {
    expect((await send(server().url, '/private', { headers: { Authorization: 'allow-bob' } })).status).to.equal(401);
    const allowed = await send(server().url, '/private', { headers: { 'X-Token': 'allow-bob' } });
    expect(allowed.status).to.equal(200);
    expect(allowed.json().context).to.include({ user: 'bob', principalId: 'bob' });
    expect((await send(server().url, '/private', { headers: { 'X-Token': 'nope' } })).status).to.equal(403);
    expect(
      (await send(server().url, '/scoped', { method: 'GET', headers: { 'X-Token': 'allow-bob' } })).status,
    ).to.equal(200);
  });

  it('lets requests through IAM, Cognito and custom authorizers and API keys, having said so once', async () => {
    for (const [method, target] of [
      ['GET', '/iam'],
      ['GET', '/cognito'],
      ['POST', '/legacy'],
      ['GET', '/named'],
    ]) {
      const reply = await send(server().url, target, { method, headers: { Authorization: 'anything' } });
      expect(reply.status, target).to.equal(200);
    }
    expect(server().app.gateway.notEnforced).to.deep.equal([
      'GET /named: API key',
      'GET /iam: IAM authorizer',
      'GET /cognito: Cognito user pool authorizer MyPool',
      'POST /legacy: custom authorizer Legacy',
    ]);
  });
});

describe('appc local: the app runs from a directory laid out like deployment.zip (fixtures/deps)', () => {
  const server = serving('deps');

  it('finds lib/ assets and vendor/ contents beside the bundle, and packages in node_modules', async () => {
    const reply = await send(server().url, '/greet/ann');
    expect(reply.status, reply.text).to.equal(200);
    expect(reply.json()).to.deep.equal({
      greeting: 'HELLO ANN!',
      motd: 'Have a nice day',
      version: '1.2.3',
      vendored: 'vendored-v1',
    });
  });

  it('removes that directory when it stops', async () => {
    const { dir } = server().app.taskDir;
    expect(fs.existsSync(path.join(dir, 'app.js'))).to.equal(true);
    expect(fs.readlinkSync(path.join(dir, 'node_modules'))).to.equal(path.join(fixtureDir('deps'), 'node_modules'));
    await server().close();
    expect(fs.existsSync(dir)).to.equal(false);
  });
});

describe('appc local: stage environment variables (fixtures/config-stages)', () => {
  it("gives the app the stage's variables in its instances' own environment, leaving this process's alone", async function () {
    this.timeout(30000);
    const before = { ...process.env };
    for (const stage of ['dev', 'prod']) {
      const server = await startServer(fixtureDir('config-stages'), { stage });
      try {
        expect((await send(server.url, '/')).json()).to.deep.equal({ stage });
        expect(process.env).to.deep.equal(before);
      } finally {
        await server.close();
      }
    }
  });
});
