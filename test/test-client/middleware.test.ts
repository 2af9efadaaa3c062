/**
 * appc/test's TestClient runs the app's middleware, since it calls the same entry points as Lambda:
 * `http` middleware around routes (app and blueprint, in registration order), event middleware
 * around `lambda.invoke`, and a converted Lambda wrapper with the raw event and the Lambda context.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { App, Blueprint, ConvertToMiddleware, Response, type LambdaContext } from '../../src/runtime';
import { TestClient } from '../../src/test-client';

function middlewareApp(seen: string[]): App {
  const app = new App({ appName: 'mw' });
  const record =
    (handler: (event: unknown, context: LambdaContext) => Promise<unknown>) =>
    async (event: unknown, context: LambdaContext) => {
      const raw = event as { httpMethod?: string; Records?: unknown[] };
      seen.push(`${raw.httpMethod ?? (raw.Records ? 'Records' : 'event')} for ${context.functionName}`);
      return handler(event, context);
    };
  app.middleware('all', ConvertToMiddleware(record));
  app.middleware('http', async (request, next) => {
    if (request.headers['x-api-key'] !== 'secret') return new Response({ statusCode: 401, body: 'no key' });
    const response = await next(request);
    response.headers['X-Middleware'] = [response.headers['X-Middleware'], 'app'].filter(Boolean).join(', ');
    return response;
  });
  const bp = new Blueprint();
  bp.middleware('http', async (request, next) => {
    const response = await next(request);
    response.headers['X-Middleware'] = 'bp';
    return response;
  });
  bp.middleware('sqs', async (event, next) => ({ bp: await next(event) }));
  app.registerBlueprint(bp);
  app.middleware('pure_lambda', async (event, next) => ({ pure: await next(event) }));
  app.route('/', () => ({ ok: true }));
  app.onSqsMessage({ queue: 'jobs', name: 'jobs' }, (event) => [...event].map((record) => record.body));
  app.lambdaFunction({ name: 'double' }, (event: { n: number }) => event.n * 2);
  return app;
}

describe('appc/test: TestClient runs middleware', () => {
  let dir: string;
  let client: TestClient;
  const seen: string[] = [];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-test-client-mw-'));
    client = new TestClient(middlewareApp(seen), { projectDir: dir, log: () => undefined });
    seen.length = 0;
  });
  afterEach(() => {
    client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('around routes, in registration order, and answering for the handler', async () => {
    const ok = await client.http.get('/', { headers: { 'X-Api-Key': 'secret' } });
    expect([ok.statusCode, ok.headers['X-Middleware'], ok.json()]).to.deep.equal([200, 'bp, app', { ok: true }]);
    const refused = await client.http.get('/');
    expect([refused.statusCode, refused.body]).to.deep.equal([401, 'no key']);
    expect(seen).to.deep.equal(['GET for mw-dev', 'GET for mw-dev']);
  });

  it('around the functions lambda.invoke runs', async () => {
    const { lambda, events } = client;
    expect((await lambda.invoke('jobs', events.sqs(['one', 'two']))).payload).to.deep.equal({ bp: ['one', 'two'] });
    expect((await lambda.invoke('double', { n: 4 })).payload).to.deep.equal({ pure: 8 });
    expect(seen).to.deep.equal(['Records for mw-dev-jobs', 'event for mw-dev-double']);
  });
});
