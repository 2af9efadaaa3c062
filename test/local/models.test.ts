/**
 * Request models through `appc local` over real HTTP (README "Models"): what the gateway's model checks
 * gets the gateway's answer (its validator's words, as the BAD_REQUEST_* gateway responses), what only
 * the runtime checks (array lengths, query types and patterns) gets the runtime's, as deployed.
 */
import { expect } from 'chai';
import { fixtureDir, send, startServer, type RunningServer } from './support/local-http';

describe('appc local: request models (test/local/fixtures/models)', function () {
  this.timeout(60000);
  let server: RunningServer;
  before(async () => {
    server = await startServer(fixtureDir('models'));
  });
  after(async () => server?.close());

  const post = (body: unknown) =>
    send(server.url, '/todos', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('passes a valid body and query to the handler, the query converted', async () => {
    const created = await post({ title: 'buy', priority: 'low', tags: ['home'] });
    expect(created.status).to.equal(200);
    expect(created.json()).to.deep.equal({ created: { title: 'buy', priority: 'low', tags: ['home'] } });
    const listed = await send(server.url, '/todos?owner=ann&limit=5&done=false&tag=a&tag=b');
    expect(listed.json()).to.deep.include({ query: { owner: 'ann', limit: 5, done: false, tag: ['a', 'b'] } });
  });

  it('answers what the gateway model checks as the gateway does, with the CORS headers', async () => {
    const reply = await post({ priority: 'urgent' });
    expect(reply.status).to.equal(400);
    expect(reply.headers['x-amzn-errortype']).to.equal('BadRequestException');
    expect(reply.headers['access-control-allow-origin']).to.equal('*');
    expect(reply.json()).to.deep.equal({
      Code: 'BadRequestError',
      Message:
        '[object has missing required properties (["title"]), ' +
        'instance value ("urgent") not found in enum (possible values: ["low","high"])]',
    });
    const missing = await send(server.url, '/todos?limit=5');
    expect(missing.status).to.equal(400);
    expect(missing.json()).to.deep.equal({
      Code: 'BadRequestError',
      Message: 'Missing required request parameters: [owner]',
    });
  });

  it('answers what only the runtime checks from the handler, as the deployed Lambda does', async () => {
    const reply = await post({ title: 'buy', priority: 'low', tags: [] });
    expect(reply.status).to.equal(400);
    expect(reply.headers['x-amzn-errortype']).to.equal(undefined);
    expect(reply.json()).to.deep.equal({ Code: 'BadRequestError', Message: '$.tags: must have at least 1 item' });
    const query = await send(server.url, '/todos?owner=Ann&limit=x');
    expect(query.json()).to.deep.equal({
      Code: 'BadRequestError',
      Message: 'query.owner: must match the pattern ^[a-z]+$; query.limit: must be a number',
    });
  });
});
