/** `appc local` as a user runs it: the built CLI in its own process. */
import * as net from 'node:net';
import * as path from 'node:path';
import { expect } from 'chai';
import { ERROR_FIXTURES_DIR, FIXTURES_DIR } from '../support/fixtures';
import { LOCAL_FIXTURES_DIR, send } from './support/local-http';
import { spawnCli, STARTED } from './support/spawn-local';

const STACK_FRAME = /\n\s+at /;

describe('appc local: the command line', function () {
  this.timeout(60000);

  it('prints one start-up line with the URL, binds 127.0.0.1, logs requests, and stops on Ctrl+C with 0', async () => {
    const cli = spawnCli(['local', '--port', '0', '--project-dir', path.join(FIXTURES_DIR, 'hello')]);
    try {
      const [, url] = await cli.waitFor(STARTED);
      expect(url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(cli.stdout()).to.match(
        /^Serving helloworld \(stage dev\) at http:\/\/127\.0\.0\.1:\d+\/\. Press Ctrl\+C to stop\.\n/,
      );
      expect((await send(url, '/')).json()).to.deep.equal({ hello: 'world' });
      await cli.waitFor(/^GET \/ 200 [\d.]+ ms$/m);
    } finally {
      expect(await cli.stop()).to.equal(0);
    }
    expect(cli.stdout()).to.contain('Stopping.');
    expect(cli.stderr()).to.equal('');
  });

  it('says once at start-up which authorizers and API keys it cannot enforce', async () => {
    const cli = spawnCli(['local', '--port', '0', '--project-dir', path.join(FIXTURES_DIR, 'authorizers')]);
    try {
      await cli.waitFor(STARTED);
      await cli.waitFor(/POST \/legacy: custom authorizer Legacy\n/);
      expect(cli.stdout().match(/cannot check IAM, Cognito or custom authorizers, nor API keys/g)).to.have.length(1);
    } finally {
      await cli.stop();
    }
  });

  it('binds another address with --host', async () => {
    const cli = spawnCli([
      'local',
      '--port',
      '0',
      '--host',
      'localhost',
      '--project-dir',
      path.join(FIXTURES_DIR, 'hello'),
    ]);
    try {
      const [, url] = await cli.waitFor(STARTED);
      expect(url).to.match(/^http:\/\/(127\.0\.0\.1|\[::1\]):\d+$/);
      expect((await send(url.replace('[::1]', 'localhost'), '/')).status).to.equal(200);
    } finally {
      await cli.stop();
    }
  });

  it('reports a port in use as a diagnostic, without a stack trace, and exits 1', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const cli = spawnCli(['local', '--port', String(port), '--project-dir', path.join(FIXTURES_DIR, 'hello')]);
      expect(await cli.exited).to.equal(1);
      expect(cli.stderr())
        .to.contain(`error APPC603: cannot listen on 127.0.0.1:${port}: port ${port} is already in use`)
        .and.contain('Pick another port with --port')
        .and.contain('Found 1 error.');
      expect(cli.stderr()).to.not.match(STACK_FRAME);
      expect(cli.stdout()).to.not.match(STARTED);
    } finally {
      blocker.close();
    }
  });

  it("reports a broken app with the compiler's diagnostics (code frame included) and exits 1", async () => {
    const cli = spawnCli([
      'local',
      '--port',
      '0',
      '--project-dir',
      path.join(ERROR_FIXTURES_DIR, 'analyze-syntax-error'),
    ]);
    expect(await cli.exited).to.equal(1);
    expect(cli.stderr())
      .to.match(/^app\.ts:\d+:\d+ - error APPC\d{3}: /m)
      .and.match(/^ {2}\d+ \| /m)
      .and.contain('Found 1 error.');
    expect(cli.stderr()).to.not.match(STACK_FRAME);
  });

  it('reports an app that throws while loading, or a package that is not installed, as APPC601 at its .ts line', async () => {
    const throws = spawnCli(['local', '--port', '0', '--project-dir', path.join(LOCAL_FIXTURES_DIR, 'throws-at-load')]);
    const missing = spawnCli([
      'local',
      '--port',
      '0',
      '--project-dir',
      path.join(LOCAL_FIXTURES_DIR, 'missing-package'),
    ]);
    expect(await throws.exited).to.equal(1);
    // The column is V8's: where `new Error` starts. Only the app's frames: none of appc's runtime, worker or Node's.
    expect(throws.stderr()).to.equal(
      [
        'app.ts:6:45 - error APPC601: the app threw while loading: DATABASE_URL is not configured',
        "  6 | if (!process.env.APPC_TEST_NEVER_SET) throw new Error('DATABASE_URL is not configured');",
        '    |                                             ^',
        '    at Object.<anonymous> (app.ts:6:45)',
        "  Fix the app's module-level code: appc local runs it once at start-up, as Lambda does at a cold start.",
        '',
        'Found 1 error.',
        '',
      ].join('\n'),
    );
    expect(await missing.exited).to.equal(1);
    expect(missing.stderr())
      .to.contain(
        "app.ts:3:25 - error APPC601: the app threw while loading: Cannot find module 'appc-test-not-installed'",
      )
      .and.contain('    at Object.<anonymous> (app.ts:3:25)\n')
      .and.contain('npm install');
    expect(missing.stderr()).to.not.match(/node:internal|appc:|instance-worker/);
  });

  it("logs a handler's error with its stack mapped to the app's .ts files, columns included", async () => {
    const cli = spawnCli(['local', '--port', '0', '--project-dir', path.join(LOCAL_FIXTURES_DIR, 'throws-in-handler')]);
    try {
      const [, url] = await cli.waitFor(STARTED);
      expect((await send(url, '/orders/abc')).status).to.equal(500);
      await cli.waitFor(/^GET \/orders\/abc 500 [\d.]+ ms$/m);
    } finally {
      await cli.stop();
    }
    const project = path.join(LOCAL_FIXTURES_DIR, 'throws-in-handler');
    expect(cli.stdout()).to.contain(
      [
        'throwsinhandler - ERROR - Caught exception for GET /orders/abc: RangeError: order id abc is not a number',
        `    at parseOrder (${path.join(project, 'lib', 'orders.ts')}:7:35)`,
        `    at Object.handler (${path.join(project, 'app.ts')}:7:49)`,
        '    at dispatch (appc:runtime/api-handler.ts:',
      ].join('\n'),
    );
  });

  it('exits 2 on bad usage, and documents its options in --help', async function () {
    this.timeout(120000);
    const cases = [
      ['--port', 'http'],
      ['--port', '70000'],
      ['--concurrency', '0'],
      ['--concurrency', 'many'],
      ['--concurrency', '1001'],
      ['extra'],
      ['--bogus'],
      ['--project-dir', '/no/such/dir'],
    ];
    // All at once: one CLI start takes seconds on a loaded machine.
    const runs = cases.map((args) => ({ args, cli: spawnCli(['local', ...args]) }));
    for (const { args, cli } of runs) {
      expect(await cli.exited, args.join(' ')).to.equal(2);
      expect(cli.stderr(), args.join(' ')).to.match(/^appc: .+\n\nUsage: appc local \[options\]\n/);
      if (args[0] === '--concurrency')
        expect(cli.stderr()).to.contain(`appc: --concurrency must be a whole number from 1 to 1000, not ${args[1]}`);
    }
    const help = spawnCli(['local', '--help']);
    expect(await help.exited).to.equal(0);
    expect(help.stdout())
      .to.contain('--port PORT')
      .and.contain('--host HOST')
      .and.contain('--stage NAME')
      .and.contain('--autoreload')
      .and.contain('--concurrency N')
      .and.contain('(default: 10)');
    const main = spawnCli(['--help']);
    await main.exited;
    expect(main.stdout()).to.contain('appc local [--port 8000]').and.contain('appc new-project NAME');
  });
});
