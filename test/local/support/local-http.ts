/**
 * Driving `appc local` in tests: start the server in this process on an ephemeral port,
 * and send real HTTP requests with node:http (full control over headers and bodies).
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from '../../../src/compiler/diagnostics/diagnostic';
import { startLocalServer, type LocalServer } from '../../../src/local/local-server';
import { FIXTURES_DIR } from '../../support/fixtures';
import type { JsonDoc } from '../../support/json-doc';

export const LOCAL_FIXTURES_DIR = path.resolve(__dirname, '../fixtures');

/** `fixtures/<name>` of the repo, or `test/local/fixtures/<name>` when it is one of local mode's own. */
export function fixtureDir(name: string): string {
  const own = path.join(LOCAL_FIXTURES_DIR, name);
  return fs.existsSync(own) ? own : path.join(FIXTURES_DIR, name);
}

export interface RunningServer extends LocalServer {
  /** What the server reported, by kind. */
  output: { info: string[]; requests: string[]; errors: string[]; diagnostics: Diagnostic[] };
}

/** Starts `appc local` on `projectDir` (port 0); throws with the diagnostics when it cannot. */
export async function startServer(
  projectDir: string,
  options: { stage?: string; autoreload?: boolean; concurrency?: number } = {},
): Promise<RunningServer> {
  const output: RunningServer['output'] = { info: [], requests: [], errors: [], diagnostics: [] };
  const reporter = {
    info: (line: string) => output.info.push(line),
    request: (line: string) => output.requests.push(line),
    error: (text: string) => output.errors.push(text),
    diagnostics: (list: readonly Diagnostic[]) => output.diagnostics.push(...list),
  };
  const started = await startLocalServer({
    projectDir,
    stage: options.stage ?? 'dev',
    port: 0,
    autoreload: options.autoreload,
    concurrency: options.concurrency,
    reporter,
  });
  if (!started.server)
    throw new Error(
      `appc local did not start:\n${started.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n')}`,
    );
  return Object.assign(started.server, { output });
}

export interface SendOptions {
  method?: string;
  /** A record, or name/value pairs to send a header more than once. */
  headers?: Record<string, string> | Array<[string, string]>;
  body?: string | Buffer;
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json(): JsonDoc;
}

/** One HTTP request to `baseUrl + target` (target: path and query, sent as given). */
export function send(baseUrl: string, target: string, options: SendOptions = {}): Promise<Reply> {
  const url = new URL(baseUrl);
  // Raw name/value pairs go out exactly as given, so Host and Content-Length must be among them.
  const headers = Array.isArray(options.headers)
    ? [
        ['Host', url.host],
        ...(options.body === undefined ? [] : [['Content-Length', String(Buffer.byteLength(options.body))]]),
        ...options.headers,
      ].flat()
    : (options.headers ?? {});
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method: options.method ?? 'GET', path: target, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = body.toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text, json: () => JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A copy of a fixture in a fresh temp directory (for tests that edit files). */
export function copyFixture(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `appc-local-${name}-`));
  fs.cpSync(fixtureDir(name), dir, { recursive: true });
  return dir;
}
