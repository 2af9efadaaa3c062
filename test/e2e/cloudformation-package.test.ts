import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { commandLine, runProcess } from '../support/aws-checks/run-process';
import { requireTools } from '../support/aws-checks/tools';
import { fixtureStages, packagedFixture, writePackaged } from '../support/packaged-fixtures';

const BUCKET = 'appc-e2e-artifacts';

/**
 * The real `aws cloudformation package` on what `appc package` writes for fixtures/hello,
 * against moto's S3 on 127.0.0.1: it uploads deployment.zip and rewrites every CodeUri
 * to the uploaded object (https://docs.aws.amazon.com/cli/latest/reference/cloudformation/package.html).
 */
describe('aws cloudformation package on the output of appc package (S3 served by moto)', function () {
  this.timeout(300000);
  let work: string;
  let moto: ChildProcess | undefined;
  let env: NodeJS.ProcessEnv;

  before(async function () {
    requireTools(this, ['aws', 'moto_server'], 'Running aws cloudformation package against a local S3');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-cfn-package-'));
    const port = await freePort();
    moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
    env = awsEnvironment(work, `http://127.0.0.1:${port}`);
    await waitForHttp(`http://127.0.0.1:${port}/`, moto);
    await aws(env, ['s3api', 'create-bucket', '--bucket', BUCKET]);
  });

  after(async () => {
    if (moto) await stop(moto);
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('uploads deployment.zip and points every CodeUri at it', async () => {
    const hello = fixtureStages().find((f) => f.name === 'hello' && f.stage === 'dev')!;
    const files = await packagedFixture(hello);
    const out = path.join(work, 'out');
    writePackaged(files, out);
    const packaged = path.join(work, 'packaged.json');
    await aws(env, [
      'cloudformation',
      'package',
      '--template-file',
      path.join(out, 'sam.json'),
      '--s3-bucket',
      BUCKET,
      '--output-template-file',
      packaged,
      '--use-json',
    ]);

    const template = JSON.parse(fs.readFileSync(packaged, 'utf8')) as {
      Resources: Record<string, { Type: string; Properties: { CodeUri?: unknown } }>;
    };
    const functions = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::Serverless::Function');
    expect(functions.length, 'functions in the packaged template').to.be.greaterThan(0);
    const uris = new Set(functions.map(([, r]) => r.Properties.CodeUri));
    expect(uris.size, 'every function shares the one deployment.zip').to.equal(1);
    const [uri] = [...uris] as string[];
    expect(uri).to.match(new RegExp(`^s3://${BUCKET}/[^/]+$`));

    const key = uri.slice(`s3://${BUCKET}/`.length);
    const listed = JSON.parse((await aws(env, ['s3api', 'list-objects-v2', '--bucket', BUCKET])).stdout) as {
      Contents: Array<{ Key: string }>;
    };
    expect(
      listed.Contents.map((o) => o.Key),
      'objects in the bucket',
    ).to.deep.equal([key]);
    const downloaded = path.join(work, 'downloaded.zip');
    await aws(env, ['s3api', 'get-object', '--bucket', BUCKET, '--key', key, downloaded]);
    expect(
      Buffer.compare(fs.readFileSync(downloaded), Buffer.from(files.get('deployment.zip') as Uint8Array)),
      'the uploaded object is deployment.zip, byte for byte',
    ).to.equal(0);
  });
});

/**
 * This environment without its AWS_* settings, plus dummy credentials and config files that
 * do not exist, so nothing of the user's ~/.aws is read. AWS_ENDPOINT_URL
 * sends every service (S3 included, which `cloudformation package` uses) to moto
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html).
 */
function awsEnvironment(work: string, endpoint: string): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
  return {
    ...inherited,
    AWS_ACCESS_KEY_ID: 'appc-e2e',
    AWS_SECRET_ACCESS_KEY: 'appc-e2e',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: path.join(work, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(work, 'no-aws-credentials'),
    AWS_ENDPOINT_URL: endpoint,
  };
}

async function aws(env: NodeJS.ProcessEnv, args: string[]): Promise<{ stdout: string }> {
  const run = await runProcess('aws', args, { env });
  if (run.status !== 0) throw new Error(`${commandLine('aws', args)} exited ${run.status}: ${run.stderr}`);
  return run;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** moto_server answers HTTP once it has started (a few seconds of Python imports). */
async function waitForHttp(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto_server exited ${child.exitCode} before answering ${url}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`moto_server did not answer ${url} within 120 s`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
