import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AppModel, FunctionModel, HandlerModel } from '../../../src/compiler/model/app-model';

/** Handler expressions of the sample app, found in its text to compute the model's offsets. */
const ROUTE_HANDLER = `({ proxy }) => ({
  greeting: greet(proxy),
  padded: pad('7', 3),
  data: JSON.parse(readFileSync(join(__dirname, 'lib', 'data.json'), 'utf8')),
  vendored: require(join(__dirname, 'vendored.js')).answer,
  sdk: new S3Client().origin,
})`;
const SCHEDULE_HANDLER = `function everyHour(event: { detailType: string }) {
  return { detailType: event.detailType, fn: 'everyHour' };
}`;
const WORKER_HANDLER = `(event: { n: number }) => ({ doubled: event.n * 2, names: [...app.functions.keys()] })`;

export const APP_TS = `import { App } from 'appc';
import { pad } from 'padder';
import { S3Client } from '@aws-sdk/client-s3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { greet } from './lib/greet';

export const app = new App({ appName: 'zipapp' });

app.route('/{proxy+}', { methods: ['POST'] }, ${ROUTE_HANDLER});

export const everyHour = app.schedule('rate(1 hour)', ${SCHEDULE_HANDLER});

export const worker = app.lambdaFunction(${WORKER_HANDLER});
`;

const pkg = (name: string, version: string, extra: object = {}) =>
  JSON.stringify({ name, version, main: 'index.js', ...extra }, null, 2);

/** Every file of the sample project, relative path -> contents. */
export const PROJECT_FILES: Record<string, string> = {
  'app.ts': APP_TS,
  'lib/greet.ts': `export const greet = (who: string) => \`hello \${who}\`;\n`,
  'lib/data.json': '{ "answer": 42 }\n',
  'lib/tests/fixture.json': '{}\n',
  'lib/server.pem': 'secret\n',
  'vendor/vendored.js': 'exports.answer = "vendored";\n',
  'vendor/.env.production': 'SECRET=1\n',
  '.env': 'SECRET=1\n',
  '.appc/config.json': '{ "version": "2.0", "app_name": "zipapp" }\n',
  'package.json': JSON.stringify(
    {
      name: 'zipapp',
      version: '1.0.0',
      private: true,
      dependencies: { '@aws-sdk/client-s3': '^3.0.0', appc: 'file:../appc', padder: '^1.0.0' },
      optionalDependencies: { 'not-installed': '^1.0.0' },
      devDependencies: { devtool: '^1.0.0' },
    },
    null,
    2,
  ),
  'node_modules/padder/package.json': pkg('padder', '1.0.0', {
    dependencies: { 'repeat-str': '^1.0.0', 'tiny-version': '^2.0.0' },
  }),
  'node_modules/padder/index.js': `const repeat = require('repeat-str');\nexports.pad = (s, n) => repeat('0', n - s.length) + s + require('tiny-version').v;\n`,
  'node_modules/padder/bin/cli.js': '#!/usr/bin/env node\n',
  'node_modules/padder/node_modules/tiny-version/package.json': pkg('tiny-version', '2.0.0'),
  'node_modules/padder/node_modules/tiny-version/index.js': 'exports.v = "@2";\n',
  'node_modules/repeat-str/package.json': pkg('repeat-str', '1.0.0'),
  'node_modules/repeat-str/index.js': 'module.exports = (s, n) => s.repeat(n);\n',
  'node_modules/tiny-version/package.json': pkg('tiny-version', '1.0.0'),
  'node_modules/tiny-version/index.js': 'exports.v = "@1";\n',
  'node_modules/devtool/package.json': pkg('devtool', '1.0.0', { dependencies: { 'tiny-version': '^1.0.0' } }),
  'node_modules/devtool/index.js': '',
  'node_modules/.bin/devtool': '#!/bin/sh\n',
  'node_modules/@aws-sdk/client-s3/package.json': pkg('@aws-sdk/client-s3', '3.0.0', {
    dependencies: { '@smithy/stub': '^1.0.0' },
  }),
  'node_modules/@aws-sdk/client-s3/index.js': `require('@smithy/stub');\nexports.S3Client = class S3Client { origin = 'project'; };\n`,
  'node_modules/@smithy/stub/package.json': pkg('@smithy/stub', '1.0.0'),
  'node_modules/@smithy/stub/index.js': '',
  'node_modules/appc/package.json': pkg('appc', '0.1.0', { dependencies: { esbuild: '*' } }),
};

/** package-lock.json (v3) matching PROJECT_FILES. */
export function projectLock(): Record<string, unknown> {
  const packages: Record<string, object> = { '': { name: 'zipapp', version: '1.0.0' } };
  for (const file of Object.keys(PROJECT_FILES).filter(
    (f) => f.startsWith('node_modules/') && f.endsWith('/package.json'),
  )) {
    const { version } = JSON.parse(PROJECT_FILES[file]);
    packages[file.slice(0, -'/package.json'.length)] = { version, dev: file.includes('devtool') || undefined };
  }
  return { name: 'zipapp', version: '1.0.0', lockfileVersion: 3, requires: true, packages };
}

const created: string[] = [];
process.on('exit', () => created.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A fresh temporary directory outside the repository, removed when the test process exits. */
export function tempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `appc-pkg-${label}-`));
  created.push(dir);
  return dir;
}

/** Writes the sample project (with its lock) into `dir` and returns `dir`. */
export function writeProject(dir: string, files: Record<string, string> = PROJECT_FILES): string {
  for (const [file, text] of Object.entries({
    ...files,
    'package-lock.json': JSON.stringify(projectLock(), null, 2),
  })) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  fs.chmodSync(path.join(dir, 'node_modules/padder/bin/cli.js'), 0o755);
  return dir;
}

function handler(text: string, source = APP_TS): HandlerModel {
  const start = source.indexOf(text);
  if (start < 0) throw new Error(`handler not found: ${text.slice(0, 30)}`);
  const line = source.slice(0, start).split('\n').length;
  const column = start - source.lastIndexOf('\n', start - 1);
  const location = { file: 'app.ts', line, column, length: text.length };
  return { location, start, end: start + text.length, paramNames: null, ownName: null, docs: {} };
}

/** The AppModel the analyzer would produce for APP_TS. */
export function projectModel(): AppModel {
  const route = handler(ROUTE_HANDLER);
  const everyHour = handler(SCHEDULE_HANDLER);
  const worker = handler(WORKER_HANDLER);
  const functions: FunctionModel[] = [
    {
      kind: 'schedule',
      name: 'everyHour',
      localName: 'everyHour',
      expression: 'rate(1 hour)',
      handler: { ...everyHour, ownName: 'everyHour' },
      location: everyHour.location,
      parts: { options: {}, elements: {} },
      unknownOptions: [],
    },
    {
      kind: 'lambda',
      name: 'worker',
      localName: 'worker',
      handler: worker,
      location: worker.location,
      parts: { options: {}, elements: {} },
      unknownOptions: [],
    },
  ];
  return {
    appName: 'zipapp',
    entry: 'app.ts',
    modules: ['app.ts', 'lib/greet.ts'],
    debug: false,
    binaryTypes: [],
    cors: false,
    routes: [
      {
        path: '/{proxy+}',
        methods: ['POST'],
        name: null,
        contentTypes: ['application/json'],
        apiKeyRequired: false,
        cors: null,
        authorizer: null,
        handler: { ...route, paramNames: ['proxy'] },
        location: route.location,
        parts: { options: {}, elements: {} },
        unknownOptions: [],
      },
    ],
    functions,
    location: { file: 'app.ts', line: 8, column: 20, length: 30 },
  };
}

/** Creates each file (contents: its own path) under `dir`, with its folders. */
export function plant(dir: string, files: readonly string[]): void {
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), `${file}\n`);
  }
}

/**
 * `collectProjectFiles` on `dir` as a user without privileges, so that mode 000 means
 * EACCES: in-process when the tests run as such a user, else (as root, who may read
 * anything) in a child process running as `nobody`.
 */
export function runUnprivileged(dir: string, _fn: 'collectProjectFiles'): { files: string[]; diagnostics: string[] } {
  const summarize = (r: {
    files: Array<{ zipPath: string }>;
    diagnostics: Array<{ code: string; message: string }>;
  }) => ({
    files: r.files.map((f) => f.zipPath),
    diagnostics: r.diagnostics.map((d) => `${d.code} ${d.message}`),
  });
  if (process.getuid?.() !== 0) {
    const { collectProjectFiles } =
      require('../../../src/compiler/package/project-files') as typeof import('../../../src/compiler/package/project-files');
    return summarize(collectProjectFiles({ projectDir: dir }));
  }
  fs.chmodSync(dir, 0o755); // mkdtemp makes it 0700
  const module = path.resolve(__dirname, '../../../src/compiler/package/project-files.ts');
  const script = `const { collectProjectFiles } = require(${JSON.stringify(module)});
const r = collectProjectFiles({ projectDir: ${JSON.stringify(dir)} });
process.stdout.write(JSON.stringify({ files: r.files.map((f) => f.zipPath), diagnostics: r.diagnostics.map((d) => d.code + ' ' + d.message) }));`;
  const child = spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', script], {
    uid: NOBODY,
    gid: NOBODY,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', TMPDIR: os.tmpdir() },
    cwd: os.tmpdir(),
  });
  if (child.status !== 0) throw new Error(`unprivileged child failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

const NOBODY = 65534;
