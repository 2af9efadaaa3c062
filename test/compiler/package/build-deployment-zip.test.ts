import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { formatDiagnostics } from '../../../src/compiler/diagnostics/format';
import { buildDeploymentZip } from '../../../src/compiler/package/build-deployment-zip';
import { EVENTS_DIR, extractZip, fakeLambdaRuntime, invokeHandler, readEvent } from './run-handler';
import { PROJECT_FILES, projectModel, tempDir, writeProject } from './zip-project';

const SHIPPED = [
  'app.js',
  'lib/data.json',
  'node_modules/padder/bin/cli.js',
  'node_modules/padder/index.js',
  'node_modules/padder/node_modules/tiny-version/index.js',
  'node_modules/padder/node_modules/tiny-version/package.json',
  'node_modules/padder/package.json',
  'node_modules/repeat-str/index.js',
  'node_modules/repeat-str/package.json',
  'vendored.js',
];

async function build(dir: string, bundleAwsSdk = false): Promise<Uint8Array> {
  const { zip, diagnostics } = await buildDeploymentZip({ projectDir: dir, model: projectModel(), bundleAwsSdk });
  expect(diagnostics).to.deep.equal([]);
  return zip;
}

describe('buildDeploymentZip', () => {
  it('holds the bundle, lib/ assets, vendor/ contents and the production closure, nothing else', async () => {
    const zip = await build(writeProject(tempDir('zip')));
    expect(Object.keys(unzipSync(zip))).to.deep.equal(SHIPPED);
  });

  it('ships @aws-sdk/* and its own dependencies with bundleAwsSdk', async () => {
    const zip = await build(writeProject(tempDir('zip-sdk')), true);
    const names = Object.keys(unzipSync(zip));
    expect(names.filter((n) => !SHIPPED.includes(n))).to.deep.equal([
      'node_modules/@aws-sdk/client-s3/index.js', 'node_modules/@aws-sdk/client-s3/package.json',
      'node_modules/@smithy/stub/index.js', 'node_modules/@smithy/stub/package.json',
    ]);
  });

  it('is byte-identical when built twice from copies at different paths, absolute or relative', async () => {
    const first = await build(writeProject(tempDir('zip-a')));
    const second = await build(path.relative(process.cwd(), writeProject(path.join(tempDir('zip-b'), 'deeper', 'copy'))));
    expect(Buffer.from(first).equals(Buffer.from(second))).to.equal(true);
  });

  it('reports a missing dependency and builds no zip', async () => {
    const dir = writeProject(tempDir('zip-missing'));
    fs.rmSync(path.join(dir, 'node_modules', 'padder'), { recursive: true });
    const { zip, diagnostics } = await buildDeploymentZip({ projectDir: dir, model: projectModel(), bundleAwsSdk: false });
    expect(zip).to.have.length(0);
    const line = PROJECT_FILES['package.json'].split('\n').findIndex((l) => l.includes('"padder"')) + 1;
    const readSource = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
    expect(formatDiagnostics(diagnostics, { readSource, color: false })).to.equal([
      `package.json:${line}:5 - error APPC402: dependency padder is not installed (package-lock.json lists it at node_modules/padder)`,
      `  ${line} |     "padder": "^1.0.0"`,
      `    |     ^^^^^^^^`,
      '  Run `npm install` in the project directory, then package again.',
      '',
      'Found 1 error.',
      '',
    ].join('\n'));
  });

  it('reports a vendor/ file that would replace the bundle', async () => {
    const dir = writeProject(tempDir('zip-clash'), { ...PROJECT_FILES, 'vendor/app.js': '' });
    const { diagnostics } = await buildDeploymentZip({ projectDir: dir, model: projectModel(), bundleAwsSdk: false });
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).to.deep.equal([
      'APPC406 two files would be app.js in deployment.zip (one of them is vendor/app.js)',
    ]);
  });
});

describe('deployment.zip, extracted and invoked in a clean node process', function () {
  const proxyEvent = readEvent('aws-sam-cli/AwsProxy.json');
  const scheduledEvent = readEvent('aws-sam-cli/ScheduledEvent.json');
  let dir = '';
  let lambdaRuntime = '';

  before(async function () {
    if (!proxyEvent || !scheduledEvent) {
      console.log(`    SKIPPED: reference events not found in ${EVENTS_DIR}`);
      this.skip();
    }
    expect(fs.existsSync(path.join(os.tmpdir(), 'node_modules')), 'a node_modules in the temp dir would leak into the test').to.equal(false);
    dir = extractZip(await build(writeProject(tempDir('zip-run'))));
    lambdaRuntime = fakeLambdaRuntime();
  });

  it('answers an API Gateway proxy event through app.APIHandler, using lib/, vendor/, a dependency and the runtime SDK', () => {
    const { result } = invokeHandler(dir, 'APIHandler', proxyEvent, lambdaRuntime);
    expect(result).to.deep.include({ statusCode: 200, headers: { 'Content-Type': 'application/json' } });
    expect(JSON.parse((result as { body: string }).body)).to.deep.equal({
      greeting: 'hello /path/to/resource', padded: '007@2', data: { answer: 42 }, vendored: 'vendored', sdk: 'lambda-runtime',
    });
  });

  it('runs a schedule function through its logical-ID export', () => {
    expect(invokeHandler(dir, 'EveryHour', scheduledEvent, lambdaRuntime).result).to.deep.equal({ detailType: 'Scheduled Event', fn: 'everyHour' });
  });

  it('finds a function named only by its const at run time', () => {
    expect(invokeHandler(dir, 'Worker', { n: 21 }, lambdaRuntime).result).to.deep.equal({ doubled: 42, names: ['everyHour', 'worker'] });
  });

  it('uses the shipped SDK with bundleAwsSdk', async () => {
    const withSdk = extractZip(await build(writeProject(tempDir('zip-run-sdk')), true));
    const { result } = invokeHandler(withSdk, 'APIHandler', proxyEvent, lambdaRuntime);
    expect(JSON.parse((result as { body: string }).body)).to.have.property('sdk', 'project');
  });

  it('cannot start without the Lambda runtime SDK (proves nothing leaks in from the repository)', () => {
    expect(() => invokeHandler(dir, 'Worker', {}, undefined)).to.throw(/Cannot find module '@aws-sdk\/client-s3'/);
  });
});
