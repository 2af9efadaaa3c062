/**
 * `appc local` runs the app's middleware as the zip does (fixtures/middleware): the app's and the
 * blueprint's `http` middleware in registration order around every route, a short-circuit answer,
 * view errors seen as responses, and a converted Lambda wrapper that gets the raw proxy event.
 */
import { expect } from 'chai';
import { fixtureDir, send, startServer, type RunningServer } from './support/local-http';

describe('appc local: middleware (fixtures/middleware)', function () {
  this.timeout(60000);
  let server: RunningServer;
  before(async () => {
    server = await startServer(fixtureDir('middleware'));
  });
  after(async () => server?.close());

  const key = { 'X-Api-Key': 'secret' };

  it("runs the app's and the blueprint's middleware, in registration order, around every route", async () => {
    const root = await send(server.url, '/', { headers: key });
    expect(root.status).to.equal(200);
    expect(root.headers['x-middleware']).to.equal('reports, app');
    // The converted wrapper saw API Gateway's proxy event and the function's Lambda context.
    expect(root.json()).to.deep.equal({ seen: ['GET for middleware-dev'] });
    const report = await send(server.url, '/reports', { headers: key });
    expect([report.status, report.headers['x-middleware'], report.json()]).to.deep.equal([
      200,
      'reports, app',
      { report: 'ready' },
    ]);
  });

  it('answers for the handler when a middleware does not call next, and shows middleware the view errors', async () => {
    const refused = await send(server.url, '/');
    expect([refused.status, refused.headers['x-middleware'], refused.json()]).to.deep.equal([
      401,
      undefined,
      { error: 'missing x-api-key' },
    ]);
    const failed = await send(server.url, '/fail', { headers: key });
    expect([failed.status, failed.headers['x-middleware'], failed.json()]).to.deep.equal([
      400,
      'reports, app',
      { Code: 'BadRequestError', Message: 'failed on purpose' },
    ]);
    expect(server.output.errors).to.deep.equal([]);
  });
});
