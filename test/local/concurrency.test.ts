/**
 * `appc local` scaling out like Lambda (test/local/fixtures/concurrency, lambda_timeout 2 s):
 * concurrent requests on isolated function instances, at most `--concurrency` per function,
 * the rest queued; a hung handler ended at the function's timeout without holding up others.
 */
import { expect } from 'chai';
import type { Diagnostic } from '../../src/compiler/diagnostics/diagnostic';
import { startLocalServer } from '../../src/local/local-server';
import { fixtureDir, send, startServer, type Reply, type RunningServer } from './support/local-http';

const FIXTURE = fixtureDir('concurrency');

/** Starts the fixture's server with `concurrency` before the block's tests and stops it after. */
function serving(concurrency?: number): () => RunningServer {
  let server: RunningServer | undefined;
  before(async function () {
    this.timeout(30000);
    server = await startServer(FIXTURE, { concurrency });
  });
  after(async () => server?.close());
  return () => server as RunningServer;
}

/** A promise's state, now. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  const pending = Symbol('pending');
  return (await Promise.race([promise, Promise.resolve(pending)])) !== pending;
}

/** The most intervals [started, ended] that overlap at one time. */
function mostAtOnce(intervals: Array<{ started: number; ended: number }>): number {
  const edges = intervals
    .flatMap(({ started, ended }) => [
      [started, 1],
      [ended, -1],
    ])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let most = 0;
  for (const [, step] of edges) most = Math.max(most, (now += step));
  return most;
}

describe('appc local: concurrent invocations (default --concurrency 10)', function () {
  this.timeout(30000);
  const server = serving();

  it('answers other requests while one handler hangs, then ends the hung one at lambda_timeout with 502', async () => {
    const started = Date.now();
    const hung = send(server().url, '/hang');
    const hello = await send(server().url, '/hello');
    expect(hello.json()).to.deep.equal({ hello: 'world' });
    expect(await settled(hung), 'the hung request answered before the other one').to.equal(false);
    const other = await send(server().url, '/echo/7?q=x');
    expect(other.json()).to.include({ id: '7', path: '/echo/7' });
    expect(await settled(hung)).to.equal(false);
    const reply = await hung;
    expect(reply.status).to.equal(502);
    expect(reply.json()).to.deep.equal({ message: 'Internal server error' });
    expect(Date.now() - started).to.be.at.least(2000);
    expect(server().output.errors.join('\n')).to.contain('GET /hang: the API handler timed out (lambda_timeout 2 s)');
  });

  it('ends a handler stuck in a synchronous loop at lambda_timeout without holding up the others', async () => {
    const spinning = send(server().url, '/spin');
    expect((await send(server().url, '/hello')).json()).to.deep.equal({ hello: 'world' });
    expect(await settled(spinning)).to.equal(false);
    expect((await spinning).status).to.equal(502);
    expect(server().output.errors.join('\n')).to.contain('GET /spin: the API handler timed out (lambda_timeout 2 s)');
  });

  it('reports an error thrown outside an invocation, ends that instance, and goes on serving', async () => {
    const { instance } = (await send(server().url, '/stray')).json();
    for (
      const started = Date.now();
      !server().output.errors.join('\n').includes('thrown from a timer') && Date.now() - started < 10000;
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(server().output.errors.join('\n'))
      .to.contain('api_handler: the app threw outside an invocation')
      .and.contain('thrown from a timer');
    const replies = await Promise.all(Array.from({ length: 5 }, () => send(server().url, '/count')));
    expect(replies.map((reply) => reply.json().instance)).to.not.include(instance);
  });

  it('runs requests on several instances at once, each with its own module state and one invocation at a time', async () => {
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => send(server().url, `/hold/${i}?ms=150`)));
    const bodies = replies.map((reply) => reply.json());
    expect(bodies.map((body) => body.id)).to.deep.equal(Array.from({ length: 20 }, (_, i) => String(i)));
    expect(
      bodies.map((body) => body.atOnce),
      'an instance ran two invocations at once',
    ).to.deep.equal(bodies.map(() => 1));
    const instances = new Set(bodies.map((body) => body.instance));
    expect(instances.size).to.be.within(2, 10);
    expect(mostAtOnce(bodies)).to.be.within(2, 10);
  });

  it('gives each of many concurrent requests its own currentRequest', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => i);
    const replies = await Promise.all(ids.map((i) => send(server().url, `/echo/${i}?q=query-${i}&ms=${(i * 7) % 13}`)));
    for (const [i, reply] of replies.entries()) {
      expect(reply.status, reply.text).to.equal(200);
      expect(reply.json()).to.deep.equal({
        id: String(i),
        path: `/echo/${i}`,
        param: String(i),
        query: `query-${i}`,
        same: true,
      });
    }
  });

  it("gives each function its own environment variables, concurrently, and leaves this process's alone", async () => {
    const replies = await Promise.all(
      Array.from({ length: 30 }, (_, i) => send(server().url, '/whoami', { headers: { Authorization: `token-${i}` } })),
    );
    for (const [i, reply] of replies.entries()) {
      expect(reply.status, reply.text).to.equal(200);
      expect(reply.json()).to.deep.equal({
        token: `token-${i}`,
        handler: { role: 'api', roleAtLoad: 'api', shared: 'top' },
        authorizer: { role: 'authorizer', roleAtLoad: 'authorizer', shared: 'top' },
      });
    }
    expect([process.env.ROLE, process.env.SHARED]).to.deep.equal([undefined, undefined]);
  });
});

describe('appc local: --concurrency 2 queues the requests beyond it', function () {
  this.timeout(30000);
  const server = serving(2);

  it('runs at most two invocations at once, on at most two instances, and answers every request', async () => {
    const replies = await Promise.all(Array.from({ length: 8 }, (_, i) => send(server().url, `/hold/${i}?ms=100`)));
    const bodies = replies.map((reply) => reply.json());
    expect(replies.map((reply) => reply.status)).to.deep.equal(replies.map(() => 200));
    expect(new Set(bodies.map((body) => body.instance)).size).to.equal(2);
    expect(mostAtOnce(bodies)).to.equal(2);
  });

  it('serves queued requests in arrival order', async () => {
    // Both instances busy, the first until 0.8 s, the other until 1.6 s; three requests queue
    // meanwhile, in the order sent, and then all run on the first instance to come free.
    const holding = [send(server().url, '/hold/a?ms=800'), send(server().url, '/hold/b?ms=1600')];
    await new Promise((resolve) => setTimeout(resolve, 150));
    const queued: Array<Promise<Reply>> = [];
    for (let i = 0; i < 3; i++) {
      queued.push(send(server().url, '/count'));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const counts = (await Promise.all(queued)).map((reply) => reply.json());
    await Promise.all(holding);
    expect(new Set(counts.map((count) => count.instance)).size).to.equal(1);
    expect(counts.map((count) => count.invocations - counts[0].invocations)).to.deep.equal([0, 1, 2]);
  });
});

describe('appc local: --concurrency 1, a timed-out instance is replaced', function () {
  this.timeout(30000);
  const server = serving(1);

  it('reuses the warm instance, makes the next request wait for a hung one, then serves it on a fresh instance', async () => {
    const first = (await send(server().url, '/count')).json();
    const second = (await send(server().url, '/count')).json();
    expect(second).to.deep.equal({ instance: first.instance, invocations: first.invocations + 1 });
    const hung = send(server().url, '/hang');
    const queued = send(server().url, '/count');
    const reply = await hung;
    expect(reply.status).to.equal(502);
    expect(await settled(queued), 'the queued request ran beside the hung one').to.equal(false);
    const after = (await queued).json();
    expect(after.instance).to.not.equal(first.instance);
    expect(after.invocations).to.equal(1);
  });
});

describe('appc local: module-level code that never finishes', () => {
  it("is APPC604 after the API handler's lambda_timeout, and the server does not start", async function () {
    this.timeout(30000);
    const reported: Diagnostic[] = [];
    const reporter = {
      info: () => undefined,
      request: () => undefined,
      error: () => undefined,
      diagnostics: (list: readonly Diagnostic[]) => reported.push(...list),
    };
    const started = await startLocalServer({
      projectDir: fixtureDir('hangs-at-load'),
      stage: 'dev',
      port: 0,
      reporter,
    });
    expect(started.server).to.equal(undefined);
    expect(started.diagnostics.map((d) => `${d.code} ${d.message}`)).to.deep.equal([
      "APPC604 the app's module-level code did not finish within the API handler's lambda_timeout (1 s)",
    ]);
  });
});
