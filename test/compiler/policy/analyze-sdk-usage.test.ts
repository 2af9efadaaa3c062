import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { analyzeProject } from '../../../src/compiler/analyze/analyze-project';
import { loadProgram } from '../../../src/compiler/analyze/program';
import { FIXTURES_DIR } from '../../support/fixtures';

/** A throwaway project: `files` relative to its directory. */
function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-policy-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** The recorded calls as `module Operation line`, and the unresolved uses as `line reason`. */
function sdkOf(app: string, files: Record<string, string> = {}): { calls: string[]; unresolved: string[] } {
  const dir = project({
    'app.ts': `import { App } from 'appc';\nexport const app = new App({ appName: 'a' });\n${app}`,
    ...files,
  });
  try {
    const { model, diagnostics } = analyzeProject(dir);
    expect(diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
    return {
      calls: (model!.sdk?.calls ?? []).map((c) => `${c.module} ${c.operation} ${c.location.line}`),
      unresolved: (model!.sdk?.unresolved ?? []).map((u) => `${u.location.line} ${u.reason}`),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('analyzeSdkUsage: following SDK clients through the app', () => {
  it('records nothing, and leaves the model as it was, for an app without AWS SDK use', () => {
    const { model } = analyzeProject(path.join(FIXTURES_DIR, 'hello'));
    expect(model).to.not.have.property('sdk');
  });

  it('reads v2 through require(), destructuring and dynamic import()', () => {
    const { calls } = sdkOf(
      [
        "const AWS = require('aws-sdk');",
        'const { SQS } = AWS;',
        "app.route('/', async () => {",
        '  await new SQS().sendMessage({}).promise();',
        "  const { KMSClient, EncryptCommand } = await import('@aws-sdk/client-kms');",
        '  await new KMSClient({}).send(new EncryptCommand({}));',
        "  return new AWS.SNS().getSignedUrlPromise('publish', {});",
        '});',
      ].join('\n'),
    );
    expect(calls).to.deep.equal([
      'aws-sdk/clients/sqs SendMessage 6',
      '@aws-sdk/client-kms Encrypt 8',
      'aws-sdk/clients/sns Publish 9',
    ]);
  });

  it('follows aggregated clients through return values, getters, object properties and lazily created singletons', () => {
    const { calls } = sdkOf(
      [
        "import { S3 } from '@aws-sdk/client-s3';",
        "import { clients } from './lib/clients';",
        'let cached: S3 | undefined;',
        'const client = () => (cached ??= new S3({}));',
        "app.route('/', async () => {",
        "  await client().getObject({ Bucket: 'b', Key: 'k' });",
        "  await clients.storage.putObject({ Bucket: 'b', Key: 'k' });",
        "  await clients.topics.publish({ Message: 'm' });",
        '  return {};',
        '});',
      ].join('\n'),
      {
        'lib/clients.ts':
          "import { SNS } from '@aws-sdk/client-sns';\nexport const clients = { storage: new (require('@aws-sdk/client-s3').S3)({}), get topics() { return new SNS({}); } };\n",
      },
    );
    expect(calls).to.deep.equal([
      '@aws-sdk/client-s3 GetObject 8',
      '@aws-sdk/client-s3 PutObject 9',
      '@aws-sdk/client-sns Publish 10',
    ]);
  });

  it('follows commands into helpers: through a union annotation, else from what the callers pass', () => {
    const { calls, unresolved } = sdkOf(
      [
        "import { S3Client, GetObjectCommand, PutObjectCommand, DeleteObjectCommand } from '@aws-sdk/client-s3';",
        "import type { Command } from '@smithy/smithy-client';",
        'const s3 = new S3Client({});',
        'const typed = (command: GetObjectCommand | PutObjectCommand) => s3.send(command);',
        'function generic(command: Command<any, any, any>) { return s3.send(command); }',
        "app.route('/', async () => {",
        "  await generic(new DeleteObjectCommand({ Bucket: 'b', Key: 'k' }));",
        '  return {};',
        '});',
        'app.lambdaFunction(function worker(event: GetObjectCommand) { return typed(event); });',
      ].join('\n'),
    );
    expect(calls).to.deep.equal([
      '@aws-sdk/client-s3 GetObject 6',
      '@aws-sdk/client-s3 PutObject 6',
      '@aws-sdk/client-s3 DeleteObject 7',
    ]);
    expect(unresolved).to.deep.equal([]);
  });

  it('counts registered handlers and what they call, not an unregistered blueprint nor uncalled code', () => {
    const { calls } = sdkOf(
      [
        "import { Blueprint } from 'appc';",
        "import { SQSClient, SendMessageCommand, PurgeQueueCommand } from '@aws-sdk/client-sqs';",
        'const sqs = new SQSClient({});',
        'const forgotten = new Blueprint();',
        "forgotten.route('/x', () => sqs.send(new PurgeQueueCommand({ QueueUrl: 'q' })));",
        'function send() { return sqs.send(new SendMessageCommand({ QueueUrl: "q", MessageBody: "m" })); }',
        'function neverCalled() { return sqs.send(new PurgeQueueCommand({ QueueUrl: "q" })); }',
        'app.lambdaFunction(function worker() { return send(); });',
      ].join('\n'),
    );
    expect(calls).to.deep.equal(['@aws-sdk/client-sqs SendMessage 8']);
  });

  it('terminates on recursive functions and self-referencing values', () => {
    const { calls, unresolved } = sdkOf(
      [
        "import { S3Client } from '@aws-sdk/client-s3';",
        'function a(n: number): any { return n ? b(n - 1) : a(n); }',
        'function b(n: number): any { return a(n); }',
        'const loop: any = loop;',
        'const s3 = new S3Client({});',
        "app.route('/', () => s3.send(a(3) ?? loop));",
      ].join('\n'),
    );
    expect(calls).to.deep.equal([]);
    expect(unresolved).to.deep.equal(['8 cannot tell which command this sends']);
  });

  it('does not load AWS SDK typings the project has installed (they cost about 1.2 s per client)', () => {
    const dir = project({
      'app.ts':
        "import { App } from 'appc';\nimport { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';\nexport const app = new App({ appName: 'a' });\napp.route('/', () => new S3Client({}).send(new ListBucketsCommand({})));\n",
      'node_modules/@aws-sdk/client-s3/package.json':
        '{ "name": "@aws-sdk/client-s3", "version": "3.0.0", "types": "index.d.ts" }',
      'node_modules/@aws-sdk/client-s3/index.d.ts':
        'export declare class S3Client { constructor(config: object); send(command: unknown): Promise<unknown>; }\nexport declare class ListBucketsCommand { constructor(input: object); }\n',
    });
    try {
      const { loaded } = loadProgram(dir, 'app.ts');
      expect(
        loaded!.program
          .getSourceFiles()
          .map((f) => f.fileName)
          .filter((f) => f.includes('@aws-sdk')),
      ).to.deep.equal([]);
      expect(analyzeProject(dir).model!.sdk!.calls.map((c) => c.operation)).to.deep.equal(['ListBuckets']);
      const typechecked = loadProgram(dir, 'app.ts', true)
        .loaded!.program.getSourceFiles()
        .map((f) => f.fileName);
      expect(
        typechecked.some((f) => f.includes('node_modules/@aws-sdk/client-s3/index.d.ts')),
        '--typecheck checks against them',
      ).to.equal(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
