/**
 * `lambda_source_maps` end to end: fixtures/source-maps packaged, its deployment.zip unzipped into an empty
 * directory and its handlers run in a clean Node of the functions' Runtime with the template's environment
 * (NODE_OPTIONS included), as Lambda runs them: stack traces name the app's .ts files, lines and columns.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { expect } from 'chai';
import { unzipSync } from 'fflate';
import { toProxyEvent } from '../../src/events/proxy-event';
import { FIXTURES_DIR } from '../support/fixtures';
import { extractZip } from '../support/invoke-zip';
import { packagedFixture } from '../support/packaged-fixtures';
import { runtimeNode } from '../support/runtime-node';

type Template = {
  Resources: Record<string, { Properties: { Runtime: string; Environment?: { Variables: Record<string, string> } } }>;
};

const DIR = path.join(FIXTURES_DIR, 'source-maps');
const APP_LINES = fs.readFileSync(path.join(DIR, 'app.ts'), 'utf8').split('\n');
const ORDERS_LINES = fs.readFileSync(path.join(DIR, 'lib', 'orders.ts'), 'utf8').split('\n');
/** 1-based line and column of `text` (V8 points a `throw new X` at its `new`). */
const at = (lines: string[], text: string) => {
  const line = lines.findIndex((l) => l.includes(text));
  return `${line + 1}:${lines[line].indexOf(text) + 1}`;
};

/** Runs `script` in the unzipped zip with `functionId`'s Node and environment; stdout and stderr together. */
function run(stage: string, files: Map<string, Uint8Array | string>, functionId: string, script: string): string {
  const template = JSON.parse(files.get('sam.json') as string) as Template;
  const fn = template.Resources[functionId].Properties;
  const node = runtimeNode(fn.Runtime);
  if (node.kind !== 'ready') throw new Error(`${stage}: ${node.problem}`);
  const dir = extractZip(files.get('deployment.zip') as Uint8Array);
  try {
    const output = execFileSync(node.node, ['-e', script], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', ...fn.Environment?.Variables },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return output.split(dir).join('/var/task');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const REPORT = `require('./app.js').Report({}, {}).then(() => console.log('no error'), (e) => console.log(e.stack));`;

function apiScript(): string {
  const request = {
    method: 'GET',
    url: '/orders/abc',
    rawHeaders: [],
    body: Buffer.alloc(0),
    sourceIp: '127.0.0.1',
    httpVersion: '1.1',
    receivedAt: 0,
  };
  const api = { region: 'us-east-1', accountId: '123456789012', apiId: 'api', stage: 'api', stageVariables: null };
  const event = toProxyEvent(request, { resource: '/orders/{id}', pathParameters: { id: 'abc' } }, api, []);
  const call = `require('./app.js').APIHandler(${JSON.stringify(event)}, {})`;
  // The runtime logs the error with console.error; stderr goes to stdout to keep the order.
  return `console.error = console.log; ${call}.then((r) => console.log('status', r.statusCode));`;
}

describe('lambda_source_maps: the zip run as Lambda runs it', function () {
  this.timeout(900000); // the first use of a runtime installs its Node (runtime-node.ts)

  it('ships app.js.map with sources relative to the project, and sets NODE_OPTIONS on every function', async () => {
    const files = await packagedFixture({
      name: 'source-maps',
      stage: 'dev',
      dir: DIR,
      label: 'source-maps (stage dev)',
    });
    const zip = unzipSync(files.get('deployment.zip') as Uint8Array);
    const map = JSON.parse(new TextDecoder().decode(zip['app.js.map'])) as { sources: string[] };
    expect(map.sources.filter((s) => !s.startsWith('appc:'))).to.deep.equal(['lib/orders.ts', 'app.ts']);
    expect(new TextDecoder().decode(zip['app.js'])).to.match(/\n\/\/# sourceMappingURL=app\.js\.map\n$/);
    const template = JSON.parse(files.get('sam.json') as string) as Template;
    expect(
      Object.values(template.Resources).flatMap((r) => r.Properties.Environment?.Variables.NODE_OPTIONS ?? []),
    ).to.deep.equal(['--enable-source-maps --stack-trace-limit=50', '--enable-source-maps']);
  });

  it("prints a function's error at its .ts line and column, and an API handler's caught error too", async () => {
    const files = await packagedFixture({
      name: 'source-maps',
      stage: 'dev',
      dir: DIR,
      label: 'source-maps (stage dev)',
    });
    const report = run('dev', files, 'Report', REPORT);
    expect(report).to.match(
      new RegExp(
        `^RangeError: report needs a day\\n    at .*\\(/var/task/app\\.ts:${at(APP_LINES, "new RangeError('report")}\\)\\n`,
      ),
    );
    const api = run('dev', files, 'APIHandler', apiScript());
    expect(api).to.contain('Caught exception for GET /orders/abc: RangeError: order id abc is not a number\n');
    expect(api).to.contain(`    at parseOrder (/var/task/lib/orders.ts:${at(ORDERS_LINES, 'new RangeError')})\n`);
    expect(api).to.contain(`(/var/task/app.ts:${at(APP_LINES, 'parseOrder(id)')})\n`);
    expect(api).to.contain('    at dispatch (appc:runtime/api-handler.ts:').and.contain('status 500');
  });

  it('leaves the map out and the stack in app.js where the stage turns it off', async () => {
    const files = await packagedFixture({
      name: 'source-maps',
      stage: 'quiet',
      dir: DIR,
      label: 'source-maps (stage quiet)',
    });
    expect(Object.keys(unzipSync(files.get('deployment.zip') as Uint8Array))).to.deep.equal(['app.js']);
    expect(run('quiet', files, 'Report', REPORT)).to.match(
      /^RangeError: report needs a day\n {4}at .*\(\/var\/task\/app\.js:\d+:\d+\)\n/,
    );
  });
});
