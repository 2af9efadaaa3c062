/**
 * One contract, three implementations (as Hono runs one suite over all its routers): a request
 * `METHOD /path` reaches the handler registered for `(resource, METHOD)` with `pathParameters`,
 * or API Gateway answers 403 Missing Authentication Token.
 *   - local matcher: createRouteMatcher turns the path into the resource and parameters;
 *   - Lambda dispatcher: handleApiEvent, given what API Gateway sends for that request, calls that handler;
 *   - appc local over HTTP: a generated app with the same routes, served for real.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { createRouteMatcher } from '../../src/local/route-matcher';
import { App, type HttpMethod } from '../../src/runtime';
import { invokeApi, needsReferenceEvents, proxyEvent } from '../runtime/support/events';
import { send, startServer, type RunningServer } from './support/local-http';

type Expected = { resource: string; pathParameters: Record<string, string> | null } | 'missing';

interface ContractCase {
  request: string;
  expect: Expected;
}

/** The routes every case runs against. */
const ROUTES: Array<[string, HttpMethod[]]> = [
  ['/', ['GET']],
  ['/cities', ['GET', 'POST']],
  ['/cities/{city}', ['GET', 'PUT']],
  ['/cities/seattle', ['GET']],
  ['/cities/{city}/stats', ['GET']],
  ['/a/{x}/c', ['GET']],
  ['/a/b', ['GET']],
  ['/users/{userId}/posts/{postId}', ['GET', 'DELETE']],
  ['/users/me', ['PATCH']],
  ['/users/{userId}', ['GET']],
  ['/files/{proxy+}', ['GET', 'POST']],
  ['/files/readme', ['GET']],
  ['/static/{path+}', ['GET']],
  ['/v1.0/item_list-x', ['GET']],
];

const CASES: ContractCase[] = [
  { request: 'GET /', expect: { resource: '/', pathParameters: null } },
  { request: 'GET /cities', expect: { resource: '/cities', pathParameters: null } },
  { request: 'POST /cities', expect: { resource: '/cities', pathParameters: null } },
  { request: 'GET /cities/portland', expect: { resource: '/cities/{city}', pathParameters: { city: 'portland' } } },
  { request: 'PUT /cities/portland', expect: { resource: '/cities/{city}', pathParameters: { city: 'portland' } } },
  { request: 'GET /cities/seattle', expect: { resource: '/cities/seattle', pathParameters: null } },
  // The most specific resource *with the method* wins (observed on AWS, github.com/floci-io/floci/pull/3399).
  { request: 'PUT /cities/seattle', expect: { resource: '/cities/{city}', pathParameters: { city: 'seattle' } } },
  { request: 'PATCH /users/me', expect: { resource: '/users/me', pathParameters: null } },
  { request: 'GET /users/me', expect: { resource: '/users/{userId}', pathParameters: { userId: 'me' } } },
  { request: 'POST /users/me', expect: 'missing' },
  { request: 'POST /files/readme', expect: { resource: '/files/{proxy+}', pathParameters: { proxy: 'readme' } } },
  {
    request: 'GET /cities/seattle/stats',
    expect: { resource: '/cities/{city}/stats', pathParameters: { city: 'seattle' } },
  },
  { request: 'GET /a/b', expect: { resource: '/a/b', pathParameters: null } },
  { request: 'GET /a/b/c', expect: { resource: '/a/{x}/c', pathParameters: { x: 'b' } } },
  {
    request: 'GET /users/7/posts/42',
    expect: { resource: '/users/{userId}/posts/{postId}', pathParameters: { userId: '7', postId: '42' } },
  },
  {
    request: 'DELETE /users/7/posts/42',
    expect: { resource: '/users/{userId}/posts/{postId}', pathParameters: { userId: '7', postId: '42' } },
  },
  { request: 'GET /files/readme', expect: { resource: '/files/readme', pathParameters: null } },
  { request: 'GET /files/a', expect: { resource: '/files/{proxy+}', pathParameters: { proxy: 'a' } } },
  { request: 'POST /files/a/b/c.txt', expect: { resource: '/files/{proxy+}', pathParameters: { proxy: 'a/b/c.txt' } } },
  {
    request: 'GET /files/readme/more',
    expect: { resource: '/files/{proxy+}', pathParameters: { proxy: 'readme/more' } },
  },
  {
    request: 'GET /static/css/site.css',
    expect: { resource: '/static/{path+}', pathParameters: { path: 'css/site.css' } },
  },
  { request: 'GET /cities/new%20york', expect: { resource: '/cities/{city}', pathParameters: { city: 'new york' } } },
  { request: 'GET /cities/a%2Fb', expect: { resource: '/cities/{city}', pathParameters: { city: 'a/b' } } },
  { request: 'GET /cities/portland/', expect: { resource: '/cities/{city}', pathParameters: { city: 'portland' } } },
  { request: 'GET /v1.0/item_list-x', expect: { resource: '/v1.0/item_list-x', pathParameters: null } },
  { request: 'GET /files', expect: 'missing' },
  { request: 'GET /nowhere', expect: 'missing' },
  { request: 'GET /cities/seattle/stats/more', expect: 'missing' },
  { request: 'DELETE /cities', expect: 'missing' },
  { request: 'PATCH /', expect: 'missing' },
];

function parse(request: string): { method: string; target: string } {
  const [method, target] = request.split(' ');
  return { method, target };
}

/** Each handler answers with the route it is and the parameters it got. */
function contractApp(): App {
  const app = new App({ appName: 'contract' });
  for (const [route, methods] of ROUTES) {
    app.route(route, { methods }, (params, request) => ({ route, method: request.method, params }));
  }
  return app;
}

describe('route contract: local matcher', () => {
  const matcher = createRouteMatcher(ROUTES);
  for (const c of CASES) {
    it(`${c.request} -> ${c.expect === 'missing' ? '403' : c.expect.resource}`, () => {
      const { method, target } = parse(c.request);
      expect(matcher.match(method, target) ?? 'missing').to.deep.equal(c.expect);
    });
  }
});

describe('route contract: Lambda dispatcher (exact resource and method)', () => {
  needsReferenceEvents();
  const app = contractApp();
  for (const c of CASES) {
    if (c.expect === 'missing') continue; // API Gateway answers these itself; the Lambda never sees them.
    const expected = c.expect;
    it(`${c.request} -> ${expected.resource}`, async () => {
      const { method, target } = parse(c.request);
      const event = proxyEvent({
        resource: expected.resource,
        path: target,
        method,
        pathParameters: expected.pathParameters,
        headers: {},
      });
      const result = await invokeApi(app, event);
      expect(JSON.parse(result.body)).to.deep.equal({
        route: expected.resource,
        method,
        params: expected.pathParameters ?? {},
      });
    });
  }
});

describe('route contract: appc local over HTTP', function () {
  this.timeout(30000);
  let server: RunningServer;
  let dir: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-local-contract-'));
    const routes = ROUTES.map(
      ([route, methods]) =>
        `app.route(${JSON.stringify(route)}, { methods: ${JSON.stringify(methods)} }, (params, request) => ({ route: ${JSON.stringify(route)}, method: request.method, params }));`,
    );
    fs.writeFileSync(
      path.join(dir, 'app.ts'),
      [`import { App } from 'appc';`, `export const app = new App({ appName: 'contract' });`, ...routes, ''].join('\n'),
    );
    server = await startServer(dir);
  });
  after(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const c of CASES) {
    it(`${c.request} -> ${c.expect === 'missing' ? '403' : c.expect.resource}`, async () => {
      const { method, target } = parse(c.request);
      const reply = await send(server.url, target, { method });
      if (c.expect === 'missing') {
        expect(reply.status).to.equal(403);
        expect(reply.json()).to.deep.equal({ message: 'Missing Authentication Token' });
      } else {
        expect(reply.status, reply.text).to.equal(200);
        expect(reply.json()).to.deep.equal({ route: c.expect.resource, method, params: c.expect.pathParameters ?? {} });
      }
    });
  }
});
