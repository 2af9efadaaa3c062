import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { tempDir } from './zip-project';

/** The reference events (`../shared/reference/events` next to the repository), or `undefined` when absent. */
export const EVENTS_DIR = path.resolve(__dirname, '../../../../shared/reference/events');

export function readEvent(relative: string): unknown | undefined {
  const file = path.join(EVENTS_DIR, relative);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

/** Extracts a zip into a new empty directory outside the repository. */
export function extractZip(zip: Uint8Array): string {
  const dir = tempDir('unzipped');
  for (const [name, data] of Object.entries(unzipSync(zip))) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), data);
  }
  return dir;
}

/** A stand-in for the Lambda runtime's own node_modules (it provides the AWS SDK v3 through NODE_PATH). */
export function fakeLambdaRuntime(): string {
  const modules = path.join(tempDir('lambda-runtime'), 'node_modules');
  const sdk = path.join(modules, '@aws-sdk', 'client-s3');
  fs.mkdirSync(sdk, { recursive: true });
  fs.writeFileSync(
    path.join(sdk, 'package.json'),
    '{ "name": "@aws-sdk/client-s3", "version": "3.0.0", "main": "index.js" }',
  );
  fs.writeFileSync(path.join(sdk, 'index.js'), `exports.S3Client = class S3Client { origin = 'lambda-runtime'; };\n`);
  return modules;
}

export interface Invocation {
  result: unknown;
  /** Cold `require('./app.js')` plus the first invoke, in milliseconds, measured inside the process. */
  coldMs: number;
}

const INVOKE = `
const start = process.hrtime.bigint();
const handler = require('./app.js')[process.argv[1]];
const event = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
const context = { awsRequestId: 'req-1', functionName: 'fn', getRemainingTimeInMillis: () => 3000 };
Promise.resolve(handler(event, context)).then((result) => {
  const coldMs = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(JSON.stringify({ result, coldMs }));
});
`;

/**
 * Invokes `app.<exportName>` of an extracted zip in a fresh `node` whose cwd is `dir` and
 * whose environment is PATH (plus NODE_PATH, as Lambda sets it) only.
 */
export function invokeHandler(dir: string, exportName: string, event: unknown, nodePath?: string): Invocation {
  const eventFile = path.join(tempDir('event'), 'event.json');
  fs.writeFileSync(eventFile, JSON.stringify(event));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, ...(nodePath ? { NODE_PATH: nodePath } : {}) };
  try {
    const output = execFileSync(process.execPath, ['-e', INVOKE, exportName, eventFile], {
      cwd: dir,
      env,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return JSON.parse(output) as Invocation;
  } catch (e) {
    throw new Error(`app.${exportName} failed: ${(e as { stderr?: string }).stderr ?? e}`, { cause: e });
  }
}

/** Unix mode and DOS date/time of each entry, read from the zip's central directory. */
export function zipEntryHeaders(zip: Uint8Array): { path: string; mode: number; dosDate: number; dosTime: number }[] {
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = view.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = view.readUInt16LE(end + 10);
  let at = view.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const nameLength = view.readUInt16LE(at + 28);
    const extraLength = view.readUInt16LE(at + 30);
    const commentLength = view.readUInt16LE(at + 32);
    entries.push({
      path: view.toString('utf8', at + 46, at + 46 + nameLength),
      mode: view.readUInt32LE(at + 38) >>> 16,
      dosTime: view.readUInt16LE(at + 12),
      dosDate: view.readUInt16LE(at + 14),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
