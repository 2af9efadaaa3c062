/** `appc invoke` as a user runs it: the built CLI in its own process, its stdout, stderr and exit code. */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { toProxyEvent } from '../../src/events/proxy-event';
import { REPO_ROOT } from '../support/fixtures';

const BIN = path.join(REPO_ROOT, 'bin', 'appc.js');
const APP = path.join(REPO_ROOT, 'test', 'local', 'fixtures', 'invoke-app');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `appc invoke ARGS` in the fixture app, `input` on stdin. */
function invoke(args: string[], input = ''): Promise<Run> {
  const child = spawn(process.execPath, [BIN, 'invoke', ...args], { cwd: APP, env: { PATH: process.env.PATH ?? '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

/** A REST proxy event for GET `url` of route `/orders/{id}`, in a temp file. */
function orderEvent(id: string): string {
  const request = {
    method: 'GET',
    url: `/orders/${id}`,
    rawHeaders: ['Host', 'localhost'],
    body: Buffer.alloc(0),
    sourceIp: '127.0.0.1',
    httpVersion: '1.1',
    receivedAt: Date.UTC(2026, 0, 1),
  };
  const api = { region: 'us-east-1', accountId: '123456789012', apiId: 'local', stage: 'api', stageVariables: null };
  const event = toProxyEvent(request, { resource: '/orders/{id}', pathParameters: { id } }, api, []);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'appc-invoke-')), `order-${id}.json`);
  fs.writeFileSync(file, JSON.stringify(event));
  return file;
}

describe('appc invoke', function () {
  this.timeout(120000);

  before(() => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'cli', 'main.js')))
      throw new Error('dist/ is missing: run `npm run build` (make test does) before the CLI tests');
  });

  it('prints the result as JSON on stdout and the logs on stderr, with the stage environment', async () => {
    const [dev, prod] = await Promise.all([
      invoke(['report', '--event', '-'], '{ "day": "mon" }'),
      invoke(['report', '--event', '-', '--stage', 'prod'], '{ "day": "tue" }'),
    ]);
    expect(dev).to.deep.equal({
      status: 0,
      stdout: '{\n  "day": "mon",\n  "table": "orders-dev"\n}\n',
      stderr: 'report for mon\n',
    });
    expect(prod).to.deep.equal({
      status: 0,
      stdout: '{\n  "day": "tue",\n  "table": "orders-prod"\n}\n',
      stderr: 'report for tue\n',
    });
  });

  it("exits 1 when the function throws, with the error at the app's .ts line and its frames", async () => {
    const run = await invoke(['report']);
    expect(run.status).to.equal(1);
    expect(run.stdout).to.equal('');
    expect(run.stderr).to.equal(
      [
        'report for undefined',
        'app.ts:11:25 - error APPC605: report threw: RangeError: report needs a day',
        "  11 |   if (!event.day) throw new RangeError('report needs a day');",
        '     |                         ^',
        '    at Object.handler (app.ts:11:25)',
        '  The handler threw or rejected: on Lambda the invocation fails with this error (and event sources retry it).',
        '',
        'Found 1 error.',
        '',
      ].join('\n'),
    );
  });

  it("sends an event source's function a sample of its own source, or the sample asked for", async () => {
    const [own, schedule] = await Promise.all([invoke(['onOrder']), invoke(['nightly', '--sample', 'schedule'])]);
    expect(own.status, own.stderr).to.equal(0);
    expect(JSON.parse(own.stdout)).to.deep.equal([
      { body: '{"hello":"world"}', queue: 'arn:aws:sqs:us-east-1:123456789012:orders' },
    ]);
    expect(schedule).to.deep.equal({ status: 0, stdout: '{\n  "source": "aws.events"\n}\n', stderr: '' });
  });

  it('runs the API handler with an API Gateway event; its caught error is logged mapped to the .ts source', async () => {
    const [ok, failed] = await Promise.all([
      invoke(['api_handler', '--event', orderEvent('7')]),
      invoke(['api_handler', '--event', orderEvent('abc')]),
    ]);
    expect(ok.status, ok.stderr).to.equal(0);
    expect(JSON.parse(ok.stdout)).to.deep.include({ statusCode: 200, body: '{"order":{"id":7},"table":"orders-dev"}' });
    expect(failed.status).to.equal(0);
    expect(JSON.parse(failed.stdout)).to.deep.include({ statusCode: 500 });
    expect(failed.stderr)
      .to.contain(
        'invokeapp - ERROR - Caught exception for GET /orders/abc: RangeError: order id abc is not a number\n',
      )
      .and.contain(`    at parseOrder (${path.join(APP, 'lib', 'orders.ts')}:7:35)\n`);
  });

  it('names the functions and the one meant for an unknown NAME, and says what else is missing, exit 2', async () => {
    const runs = await Promise.all([
      invoke(['reprot']),
      invoke(['api_handler']),
      invoke(['report', '--sample', 'sqq']),
      invoke([]),
      invoke(['report', '--event', 'missing.json']),
    ]);
    expect(runs.map((run) => run.status)).to.deep.equal([2, 2, 2, 2, 2]);
    expect(runs.map((run) => run.stdout)).to.deep.equal(['', '', '', '', '']);
    expect(runs[0].stderr).to.equal(
      "appc: error APPC451: the app has no function named 'reprot'. Did you mean 'report'? " +
        'Its functions: api_handler, report, onOrder, nightly.\n',
    );
    expect(runs[1].stderr).to.equal(
      'appc: error APPC451: api_handler needs an event. Pass an API Gateway proxy event with --event FILE (or - for stdin).\n',
    );
    expect(runs[2].stderr).to.match(
      /^appc: error APPC451: --sample sqq is not a sample event\. Did you mean --sample sqs\? /,
    );
    expect(runs[3].stderr).to.match(
      /^appc: appc invoke needs the name of a function \(NAME\)\n\nUsage: appc invoke NAME \[options\]\n/,
    );
    expect(runs[4].stderr).to.equal(
      'appc: error APPC451: --event missing.json cannot be read (ENOENT). Give a JSON file, or - for stdin.\n',
    );
  });
});
