import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { formatDiagnostics } from '../../../src/compiler/diagnostics/format';
import { buildDeploymentZip, startDeploymentZip } from '../../../src/compiler/package/build-deployment-zip';
import { EVENTS_DIR, extractZip, fakeLambdaRuntime, invokeHandler, readEvent } from './run-handler';
import { plant, PROJECT_FILES, projectModel, tempDir, writeProject } from './zip-project';

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
  const { zip, diagnostics } = await buildDeploymentZip({
    projectDir: dir,
    model: projectModel(),
    bundleAwsSdk,
    target: 'node24',
  });
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
      'node_modules/@aws-sdk/client-s3/index.js',
      'node_modules/@aws-sdk/client-s3/package.json',
      'node_modules/@smithy/stub/index.js',
      'node_modules/@smithy/stub/package.json',
    ]);
  });

  it('is byte-identical when built twice from copies at different paths, absolute or relative', async () => {
    const first = await build(writeProject(tempDir('zip-a')));
    const second = await build(
      path.relative(process.cwd(), writeProject(path.join(tempDir('zip-b'), 'deeper', 'copy'))),
    );
    expect(Buffer.from(first).equals(Buffer.from(second))).to.equal(true);
  });

  it('reports a missing dependency and builds no zip', async () => {
    const dir = writeProject(tempDir('zip-missing'));
    fs.rmSync(path.join(dir, 'node_modules', 'padder'), { recursive: true });
    const { zip, diagnostics } = await buildDeploymentZip({
      projectDir: dir,
      model: projectModel(),
      bundleAwsSdk: false,
      target: 'node24',
    });
    expect(zip).to.have.length(0);
    const line = PROJECT_FILES['package.json'].split('\n').findIndex((l) => l.includes('"padder"')) + 1;
    const readSource = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
    expect(formatDiagnostics(diagnostics, { readSource, color: false })).to.equal(
      [
        `package.json:${line}:5 - error APPC402: dependency padder is not installed (package-lock.json lists it at node_modules/padder)`,
        `  ${line} |     "padder": "^1.0.0"`,
        `    |     ^^^^^^^^`,
        '  Run `npm install` in the project directory, then package again.',
        '',
        'Found 1 error.',
        '',
      ].join('\n'),
    );
  });

  it('reports a vendor/ file that would replace the bundle', async () => {
    const dir = writeProject(tempDir('zip-clash'), { ...PROJECT_FILES, 'vendor/app.js': '' });
    const { diagnostics } = await buildDeploymentZip({
      projectDir: dir,
      model: projectModel(),
      bundleAwsSdk: false,
      target: 'node24',
    });
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).to.deep.equal([
      'APPC406 two files would be app.js in deployment.zip (one of them is vendor/app.js)',
    ]);
  });
});

describe('startDeploymentZip', () => {
  const start = (dir: string, automaticLayer: boolean) =>
    startDeploymentZip({
      projectDir: dir,
      model: projectModel(),
      bundleAwsSdk: false,
      target: 'node24',
      automaticLayer,
    });

  it('knows before the bundle whether the dependencies go to the layer zip, as finish then does', async () => {
    const dir = writeProject(tempDir('zip-start'));
    for (const automaticLayer of [false, true]) {
      const pending = await start(dir, automaticLayer);
      expect(pending.layered).to.equal(automaticLayer);
      const built = await pending.finish();
      expect(built.diagnostics).to.deep.equal([]);
      expect(built.layerZip !== undefined).to.equal(automaticLayer);
    }
  });

  it('gives what buildDeploymentZip gives, byte for byte', async () => {
    const dir = writeProject(tempDir('zip-start-same'));
    const started = await (await start(dir, true)).finish();
    const built = await buildDeploymentZip({
      projectDir: dir,
      model: projectModel(),
      bundleAwsSdk: false,
      target: 'node24',
      automaticLayer: true,
    });
    expect(Buffer.from(started.zip).equals(Buffer.from(built.zip))).to.equal(true);
    expect(Buffer.from(started.layerZip!).equals(Buffer.from(built.layerZip!))).to.equal(true);
  });
});

describe('buildDeploymentZip on a project with planted secrets and symlinks', () => {
  /**
   * The sample project plus what the issue found shipping: secrets, junk, a dependency's working copy, links in and
   * out.
   */
  function planted(): { dir: string; outside: string } {
    const dir = writeProject(tempDir('zip-planted'));
    const outside = tempDir('zip-outside');
    plant(outside, ['etc/passwd', 'etc/shadow', 'notes.txt']);
    plant(dir, [
      'lib/keys/id_rsa',
      'lib/.ssh/id_ed25519',
      'lib/.aws/credentials',
      'lib/.npmrc',
      'lib/.netrc',
      'lib/.htpasswd',
      'lib/cert.p12',
      'lib/service-account.json',
      'lib/npm-debug.log',
      'lib/tsconfig.tsbuildinfo',
      'lib/.DS_Store',
      'lib/assets/logo.txt',
      'vendor/.env',
      'vendor/.git/config',
      'vendor/id_rsa',
      'node_modules/repeat-str/.env',
      'node_modules/repeat-str/.git/config',
      'node_modules/repeat-str/server.pem',
      'node_modules/repeat-str/test/index.test.js',
      'out/deployment.zip',
    ]);
    fs.writeFileSync(path.join(dir, 'node_modules/repeat-str/.npmignore'), 'test/\n');
    fs.symlinkSync('assets', path.join(dir, 'lib/assets-alias'));
    fs.symlinkSync('..', path.join(dir, 'lib/up'));
    fs.symlinkSync(path.join(outside, 'etc'), path.join(dir, 'lib/etc'));
    fs.symlinkSync(path.join(outside, 'notes.txt'), path.join(dir, 'vendor/notes.txt'));
    return { dir, outside };
  }

  it('ships nothing of them, and names every link it refuses', async () => {
    const { dir, outside } = planted();
    const { zip, diagnostics, excluded } = await buildDeploymentZip({
      projectDir: dir,
      model: projectModel(),
      bundleAwsSdk: false,
      outDir: path.join(dir, 'out'),
    });
    expect(zip).to.have.length(0);
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).to.deep.equal([
      `APPC422 lib/etc is a symlink to ${path.join(outside, 'etc')}, which is outside the project: deployment.zip never follows a link out of the project`,
      'APPC423 lib/up is a symlink to .., a directory that contains the link: following it would never end',
      `APPC422 vendor/notes.txt is a symlink to ${path.join(outside, 'notes.txt')}, which is outside the project: deployment.zip never follows a link out of the project`,
    ]);
    expect(excluded.map((e) => e.path)).to.include.members([
      'lib/keys/id_rsa',
      'vendor/.env',
      'node_modules/repeat-str/.env',
      'node_modules/repeat-str/test/',
    ]);
  });

  it('with the bad links removed, holds exactly the app, its assets and the published dependency files', async () => {
    const { dir } = planted();
    ['lib/up', 'lib/etc', 'vendor/notes.txt'].forEach((link) => fs.unlinkSync(path.join(dir, link)));
    fs.mkdirSync(path.join(dir, 'lib/out'));
    fs.writeFileSync(path.join(dir, 'lib/out/sam.json'), '{}');
    const { zip, diagnostics, excluded } = await buildDeploymentZip({
      projectDir: dir,
      model: projectModel(),
      bundleAwsSdk: false,
      outDir: path.join(dir, 'lib/out'),
    });
    expect(diagnostics).to.deep.equal([]);
    expect(Object.keys(unzipSync(zip))).to.deep.equal([
      'app.js',
      'lib/assets-alias/logo.txt',
      'lib/assets/logo.txt',
      'lib/data.json',
      ...SHIPPED.filter((f) => f.startsWith('node_modules/')),
      'vendored.js',
    ]);
    expect(excluded.map((e) => `${e.path} (${e.reason})`)).to.deep.equal([
      'lib/.DS_Store (OS file)',
      'lib/.aws (credentials directory)',
      'lib/.htpasswd (credentials or token file)',
      'lib/.netrc (credentials or token file)',
      'lib/.npmrc (credentials or token file)',
      'lib/.ssh (credentials directory)',
      'lib/cert.p12 (key or certificate material)',
      'lib/keys/id_rsa (SSH key)',
      'lib/npm-debug.log (log file)',
      'lib/out (the output directory (OUT))',
      'lib/server.pem (key or certificate material)',
      'lib/service-account.json (credentials file)',
      'lib/tests (test folder)',
      'lib/tsconfig.tsbuildinfo (build info)',
      'node_modules/repeat-str/.env (environment file)',
      'node_modules/repeat-str/.git/ (not in the published package (npm pack rules))',
      'node_modules/repeat-str/.npmignore (not in the published package (npm pack rules))',
      'node_modules/repeat-str/server.pem (key or certificate material)',
      'node_modules/repeat-str/test/ (not in the published package (npm pack rules))',
      'vendor/.env (environment file)',
      'vendor/.env.production (environment file)',
      'vendor/.git (version control)',
      'vendor/id_rsa (SSH key)',
    ]);
  });

  it("refuses a deployment over Lambda's 250 MB unzipped limit, naming the biggest parts", async () => {
    const dir = writeProject(tempDir('zip-big'));
    fs.mkdirSync(path.join(dir, 'lib/videos'));
    const video = path.join(dir, 'lib/videos/intro.mp4');
    fs.writeFileSync(video, '');
    fs.truncateSync(video, 262_144_000); // sparse: nothing is read or written before the check
    const { zip, diagnostics } = await buildDeploymentZip({
      projectDir: dir,
      model: projectModel(),
      bundleAwsSdk: false,
    });
    expect(zip).to.have.length(0);
    expect(diagnostics).to.have.length(1);
    expect(diagnostics[0].code).to.equal('APPC426');
    const [head, parts] = diagnostics[0].message.split('; the biggest parts: ');
    expect(head).to.match(
      /^deployment\.zip unzips to 250\.0 MB \(2621\d{5} bytes\), over Lambda's limit of 250\.0 MB \(262144000 bytes\) for a function's code and layers unzipped$/,
    );
    expect(parts.split(', ').map((part) => part.replace(/ [\d.]+ KB$/, ' KB'))).to.deep.equal([
      'lib/videos/ 250.0 MB',
      'app.js KB',
      'node_modules/padder/ KB',
      'node_modules/repeat-str/ KB',
      'vendored.js KB',
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
    expect(
      fs.existsSync(path.join(os.tmpdir(), 'node_modules')),
      'a node_modules in the temp dir would leak into the test',
    ).to.equal(false);
    dir = extractZip(await build(writeProject(tempDir('zip-run'))));
    lambdaRuntime = fakeLambdaRuntime();
  });

  it('answers an API Gateway proxy event through app.APIHandler, using lib/, vendor/, a dependency and the runtime SDK', () => {
    const { result } = invokeHandler(dir, 'APIHandler', proxyEvent, lambdaRuntime);
    expect(result).to.deep.include({ statusCode: 200, headers: { 'Content-Type': 'application/json' } });
    expect(JSON.parse((result as { body: string }).body)).to.deep.equal({
      greeting: 'hello /path/to/resource',
      padded: '007@2',
      data: { answer: 42 },
      vendored: 'vendored',
      sdk: 'lambda-runtime',
    });
  });

  it('runs a schedule function through its logical-ID export', () => {
    expect(invokeHandler(dir, 'EveryHour', scheduledEvent, lambdaRuntime).result).to.deep.equal({
      detailType: 'Scheduled Event',
      fn: 'everyHour',
    });
  });

  it('finds a function named only by its const at run time', () => {
    expect(invokeHandler(dir, 'Worker', { n: 21 }, lambdaRuntime).result).to.deep.equal({
      doubled: 42,
      names: ['everyHour', 'worker'],
    });
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
