/**
 * `appc local`'s websocket API on the server's port, driven by a real websocket client (`ws`):
 * `$connect` accepting and refusing, a message echoed back through `app.websocketApi.send`,
 * and `$disconnect` when the client closes (fixtures/websockets).
 */
import { expect } from 'chai';
import WebSocket from 'ws';
import { fixtureDir, startServer, type RunningServer } from './support/local-http';

function wsUrl(server: RunningServer, query = ''): string {
  return `${server.url.replace(/^http/, 'ws')}/${query}`;
}

/** Opens a client; resolves when it is open, or with the HTTP status that refused it. */
function connect(url: string): Promise<{ socket: WebSocket } | { refused: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('open', () => resolve({ socket }));
    socket.once('unexpected-response', (_req, res) => resolve({ refused: res.statusCode ?? 0 }));
    socket.once('error', reject);
  });
}

function nextMessage(socket: WebSocket): Promise<string> {
  return new Promise((resolve) => socket.once('message', (data) => resolve(String(data))));
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(check(), what).to.equal(true);
}

describe('appc local: websockets (fixtures/websockets)', function () {
  this.timeout(30000);
  let server: RunningServer;
  before(async () => {
    server = await startServer(fixtureDir('websockets'));
  });
  after(async () => server?.close());

  it('connects when $connect answers 2xx, and echoes a message back through app.websocketApi.send', async () => {
    const opened = await connect(wsUrl(server, '?name=ada'));
    if (!('socket' in opened)) throw new Error(`refused with ${opened.refused}`);
    const reply = nextMessage(opened.socket);
    opened.socket.send('hello');
    expect(await reply).to.equal('echo: hello');
    opened.socket.close(1000);
    await until(
      () => server.output.requests.some((line) => /^WS \$disconnect \S+ 200 /.test(line)),
      `a $disconnect line in ${JSON.stringify(server.output.requests)}`,
    );
    const connectLine = server.output.requests.find((line) => line.startsWith('WS $connect'));
    const id = connectLine?.split(' ')[2];
    expect(server.output.requests.filter((line) => line.includes(` ${id} `)).map((l) => l.split(' ')[1])).to.deep.equal(
      ['$connect', '$default', '$disconnect'],
    );
    expect(server.output.errors).to.deep.equal([]);
  });

  it('refuses the connection with the status $connect answers', async () => {
    expect(await connect(wsUrl(server))).to.deep.equal({ refused: 403 });
  });

  it('keeps each client its own connection: a message is echoed to its sender only', async () => {
    const [a, b] = await Promise.all([connect(wsUrl(server, '?name=a')), connect(wsUrl(server, '?name=b'))]);
    if (!('socket' in a) || !('socket' in b)) throw new Error('refused');
    const received: string[] = [];
    b.socket.on('message', (data) => received.push(String(data)));
    const reply = nextMessage(a.socket);
    a.socket.send('for a');
    expect(await reply).to.equal('echo: for a');
    const replyB = nextMessage(b.socket);
    b.socket.send('for b');
    expect(await replyB).to.equal('echo: for b');
    expect(received).to.deep.equal(['echo: for b']);
    a.socket.close();
    b.socket.close();
  });
});

describe('appc local: websocket upgrades on an app without websocket handlers (fixtures/routes)', function () {
  this.timeout(30000);
  let server: RunningServer;
  before(async () => {
    server = await startServer(fixtureDir('routes'));
  });
  after(async () => server?.close());

  it('refuses them with 403', async () => {
    expect(await connect(wsUrl(server))).to.deep.equal({ refused: 403 });
  });
});
