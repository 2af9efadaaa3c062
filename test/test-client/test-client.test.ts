/**
 * appc/test's TestClient over Apps built in the test: requests through the local gateway to the
 * runtime's API handler, built-in authorizers, the stage's environment variables set and put back,
 * `lambda.invoke`, and the config errors it reports.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { App, AuthResponse, CORSConfig, IAMAuthorizer, NotFoundError, Response } from '../../src/runtime';
import { TestClient } from '../../src/test-client';

function project(config?: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-test-client-'));
  if (config !== undefined) {
    fs.mkdirSync(path.join(dir, '.appc'));
    fs.writeFileSync(path.join(dir, '.appc', 'config.json'), JSON.stringify(config));
  }
  return dir;
}

function itemsApp(): App {
  const app = new App({ appName: 'items' });
  app.route('/', () => ({ hello: 'world' }));
  app.route('/items/{id}', { methods: ['GET', 'PUT'], cors: new CORSConfig({ maxAge: 60 }) }, ({ id }, request) => {
    if (id === 'missing') throw new NotFoundError(`no item ${id}`);
    return { id, method: request.method, body: request.jsonBody ?? null, query: request.queryParams };
  });
  app.route('/files/{path+}', ({ path: file }) => ({ file }));
  app.route('/bytes', { contentTypes: ['application/octet-stream'], methods: ['POST'] }, (_p, request) => {
    return new Response({
      body: Buffer.from([...request.rawBody].reverse()),
      headers: { 'Content-Type': 'application/octet-stream' },
    });
  });
  app.route('/sigv4', { authorizer: new IAMAuthorizer() }, () => ({ signed: 'not checked' }));
  return app;
}

describe('appc/test: TestClient', () => {
  const dirs: string[] = [];
  const clients: TestClient[] = [];
  const client = (app: App, config?: unknown, stage?: string) => {
    const projectDir = project(config);
    dirs.push(projectDir);
    const created = new TestClient(app, { projectDir, stage, log: () => undefined });
    clients.push(created);
    return created;
  };
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  describe('http', () => {
    it('answers routes through the API handler, with path parameters, query and JSON bodies', async () => {
      const { http } = client(itemsApp());
      const root = await http.get('/');
      expect(root.statusCode).to.equal(200);
      expect(root.headers['Content-Type']).to.equal('application/json');
      expect(root.json()).to.deep.equal({ hello: 'world' });
      const put = await http.put('/items/a%20b?x=1&x=2', { body: { name: 'n' } });
      expect(put.json()).to.deep.equal({ id: 'a b', method: 'PUT', body: { name: 'n' }, query: { x: '2' } });
      expect((await http.get('/files/a/b/c.txt')).json()).to.deep.equal({ file: 'a/b/c.txt' });
    });

    it('answers as API Gateway where the app is not reached: 403 for unknown resources and methods', async () => {
      const { http } = client(itemsApp());
      for (const answer of [await http.get('/nowhere'), await http.delete('/items/1'), await http.get('/files')]) {
        expect(answer.statusCode).to.equal(403);
        expect(answer.json()).to.deep.equal({ message: 'Missing Authentication Token' });
      }
    });

    it("returns the app's errors and CORS headers, and the preflight mock for CORS paths", async () => {
      const { http } = client(itemsApp());
      const missing = await http.get('/items/missing');
      expect(missing.statusCode).to.equal(404);
      expect(missing.json()).to.deep.equal({ Code: 'NotFoundError', Message: 'no item missing' });
      expect(missing.headers['Access-Control-Max-Age']).to.equal('60');
      const preflight = await http.options('/items/1');
      expect(preflight.statusCode).to.equal(200);
      expect(preflight.body).to.equal('');
      expect(preflight.headers['Access-Control-Allow-Methods']).to.equal('GET,PUT,OPTIONS');
    });

    it('sends bytes as bytes and binary media types base64 through the event, as API Gateway does', async () => {
      const { http } = client(itemsApp());
      const answer = await http.post('/bytes', {
        headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/octet-stream' },
        body: new Uint8Array([1, 2, 255]),
      });
      expect(answer.statusCode).to.equal(200);
      expect([...answer.rawBody]).to.deep.equal([255, 2, 1]);
      const wrongType = await http.post('/bytes', { body: 'text', headers: { 'Content-Type': 'text/plain' } });
      expect(wrongType.statusCode).to.equal(415);
    });

    it('lets requests to IAM-authorized routes through, as appc local does', async () => {
      const { http } = client(itemsApp());
      expect((await http.get('/sigv4')).json()).to.deep.equal({ signed: 'not checked' });
    });

    it('rejects a path without a leading slash', async () => {
      const { http } = client(itemsApp());
      let thrown: unknown;
      await http.get('items').catch((e: unknown) => (thrown = e));
      expect(String(thrown)).to.contain("must start with '/'");
    });
  });

  describe('built-in authorizers', () => {
    function guarded(): { app: App; calls: string[] } {
      const app = new App({ appName: 'guarded' });
      const calls: string[] = [];
      const auth = app.authorizer({ name: 'tokens', header: 'X-Token', ttlSeconds: 0 }, (request) => {
        calls.push(request.token);
        if (request.token === 'boom') throw new Error('Unauthorized');
        return new AuthResponse({
          routes: request.token === 'admin' ? ['/admin', '/me'] : ['/me'],
          principalId: request.token,
          context: { level: request.token === 'admin' ? 2 : 1 },
        });
      });
      app.route('/me', { authorizer: auth }, (_p, request) => request.context.authorizer);
      app.route('/admin', { authorizer: auth }, () => ({ ok: true }));
      return { app, calls };
    }

    it('runs the authorizer with the token and method ARN, and hands its context to the route', async () => {
      const { app, calls } = guarded();
      const { http } = client(app);
      const me = await http.get('/me', { headers: { 'x-token': 'user' } });
      expect(me.statusCode).to.equal(200);
      expect(me.json()).to.include({ level: 1, principalId: 'user' });
      expect(calls).to.deep.equal(['user']);
    });

    it('answers 401 without a token or when the authorizer says Unauthorized, 403 when its policy denies', async () => {
      const { app, calls } = guarded();
      const { http } = client(app);
      expect((await http.get('/me')).statusCode).to.equal(401);
      expect(calls).to.deep.equal([]);
      expect((await http.get('/me', { headers: { 'X-Token': 'boom' } })).statusCode).to.equal(401);
      const denied = await http.get('/admin', { headers: { 'X-Token': 'user' } });
      expect(denied.statusCode).to.equal(403);
      expect(denied.json()).to.deep.equal({ message: 'User is not authorized to access this resource' });
      expect((await http.get('/admin', { headers: { 'X-Token': 'admin' } })).json()).to.deep.equal({ ok: true });
    });
  });

  describe('environment variables', () => {
    const config = {
      environment_variables: { SHARED: 'top', ONLY_TOP: 'top' },
      stages: {
        prod: {
          environment_variables: { SHARED: 'prod' },
          lambda_functions: {
            api_handler: { environment_variables: { API_ONLY: 'api' } },
            worker: { environment_variables: { WORKER_ONLY: 'worker' } },
          },
        },
      },
    };
    const names = ['SHARED', 'ONLY_TOP', 'API_ONLY', 'WORKER_ONLY'] as const;
    const snapshot = () => Object.fromEntries(names.map((n) => [n, process.env[n]]));

    function envApp(): App {
      const app = new App({ appName: 'env' });
      app.route('/', () => snapshot());
      app.lambdaFunction(function worker() {
        return snapshot();
      });
      return app;
    }

    it("sets the stage's variables until close, and each function's own while it runs", async () => {
      process.env.SHARED = 'before';
      delete process.env.ONLY_TOP;
      try {
        const tested = client(envApp(), config, 'prod');
        expect(snapshot()).to.deep.equal({
          SHARED: 'prod',
          ONLY_TOP: 'top',
          API_ONLY: undefined,
          WORKER_ONLY: undefined,
        });
        expect((await tested.http.get('/')).json()).to.deep.equal({ SHARED: 'prod', ONLY_TOP: 'top', API_ONLY: 'api' });
        expect((await tested.lambda.invoke('worker')).payload).to.deep.equal({
          SHARED: 'prod',
          ONLY_TOP: 'top',
          WORKER_ONLY: 'worker',
        });
        expect(process.env.API_ONLY).to.equal(undefined);
        expect(process.env.WORKER_ONLY).to.equal(undefined);
        tested.close();
        expect(snapshot()).to.deep.equal({
          SHARED: 'before',
          ONLY_TOP: undefined,
          API_ONLY: undefined,
          WORKER_ONLY: undefined,
        });
      } finally {
        delete process.env.SHARED;
      }
    });

    it('uses the top-level settings for a stage the file does not list, and defaults without a file', async () => {
      const other = client(envApp(), config, 'staging');
      expect((await other.http.get('/')).json()).to.deep.equal({ SHARED: 'top', ONLY_TOP: 'top' });
      other.close();
      const none = client(envApp());
      expect(none.config.stage).to.equal('dev');
      expect((await none.http.get('/')).json()).to.deep.equal({});
    });

    it("reports the config file's errors as appc package does", () => {
      const projectDir = project({ lambda_timeout: 'long' });
      dirs.push(projectDir);
      expect(() => new TestClient(envApp(), { projectDir })).to.throw(/APPC\d{3}.*lambda_timeout/s);
      expect(process.env.SHARED).to.equal(undefined);
    });
  });

  describe('lambda.invoke', () => {
    function functionsApp(): App {
      const app = new App({ appName: 'functions' });
      app.lambdaFunction({ name: 'echo' }, (event: unknown, context) => ({
        event,
        name: context.functionName,
        at: new Date(0),
      }));
      app.lambdaFunction(function fails() {
        throw new TypeError('bad input');
      });
      app.onSqsMessage({ queue: 'jobs', name: 'jobs' }, (event) => [...event].map((record) => record.body));
      app.schedule('rate(1 hour)', function hourly(event) {
        return event.detailType;
      });
      return app;
    }

    it('runs the function by name with a Lambda context, answering its result as JSON', async () => {
      const { lambda } = client(functionsApp(), { app_name: 'functions' });
      expect((await lambda.invoke('echo', { a: [1] })).payload).to.deep.equal({
        event: { a: [1] },
        name: 'functions-dev-echo',
        at: '1970-01-01T00:00:00.000Z',
      });
      expect((await lambda.invoke('echo')).payload).to.deep.include({ event: {} });
    });

    it('feeds event handlers the events the builders make', async () => {
      const { lambda, events } = client(functionsApp());
      expect((await lambda.invoke('jobs', events.sqs(['one', 'two']))).payload).to.deep.equal(['one', 'two']);
      expect((await lambda.invoke('hourly', events.scheduled())).payload).to.equal('Scheduled Event');
    });

    it("rejects with the handler's own error, and for a name the app does not have", async () => {
      const { lambda } = client(functionsApp());
      const failure = await lambda.invoke('fails').catch((e: unknown) => e);
      expect(failure).to.be.instanceOf(TypeError).with.property('message', 'bad input');
      const unknown = await lambda.invoke('nope').catch((e: unknown) => e);
      expect(String(unknown)).to.contain('no Lambda function named nope');
    });

    it('refuses calls once closed', async () => {
      const tested = client(functionsApp());
      tested.close();
      const closed = await tested.lambda.invoke('echo').catch((e: unknown) => e);
      expect(String(closed)).to.contain('closed');
    });
  });
});
