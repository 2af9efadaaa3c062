/**
 * `appc local`'s server: loads the app (loadLocalApp), serves it over node:http with API
 * Gateway's behaviour (handleRequest), requests concurrently on up to `concurrency` function
 * instances per function, and with `autoreload` loads it again when its files change, going on
 * with the previous version while the new one has errors.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { error, hasErrors, type Diagnostic } from '../compiler/diagnostics/diagnostic';
import { handleRequest } from './handle-request';
import { badGateway, requestTooLarge, type HttpAnswer } from './http-answer';
import { loadLocalApp, type LoadResult, type LocalApp } from './load-app';
import type { IncomingRequest } from '../events/proxy-event';
import { watchProject, type ProjectWatcher } from './watch-project';
import { WebsocketConnections } from './websocket-connections';
import { WebsocketGateway } from './websocket-gateway';

export interface LocalServerOptions {
  projectDir: string;
  stage: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  autoreload?: boolean;
  /**
   * The most function instances at a time per function; more requests wait their turn (default DEFAULT_CONCURRENCY).
   */
  concurrency?: number;
  /** Where the server reports: start-up and reload lines, one line per request, failures. */
  reporter: LocalReporter;
}

export interface LocalReporter {
  info(line: string): void;
  /** A request's line: `GET /cities/seattle 200 1.2 ms`. */
  request(line: string): void;
  /** Something went wrong that API Gateway would only log (a handler failed, a reload failed). */
  error(text: string): void;
  diagnostics(diagnostics: readonly Diagnostic[]): void;
}

export interface LocalServer {
  /** `http://127.0.0.1:8000` */
  url: string;
  /** The app being served (replaced on reload). */
  readonly app: LocalApp;
  /** Calls `listener` after each reload attempt with whether it worked. */
  onReload(listener: (ok: boolean) => void): void;
  close(): Promise<void>;
}

/**
 * Ten instances per function: each is a worker thread with its own V8 heap (tens of MB) and a
 * cold start of tens of milliseconds, and ten cover what a developer's browser and scripts send
 * at once (browsers open six connections per host) while a hung handler still leaves nine.
 */
export const DEFAULT_CONCURRENCY = 10;
/** Lambda's default concurrency quota for all functions of an account in a Region. */
export const MAX_CONCURRENCY = 1000;

/** API Gateway's payload limit. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Loads the app and listens; the result has the server, or the diagnostics that kept it from
 * starting (the app's errors, or a port in use). The stage's environment variables are set in
 * this process until `close()`.
 */
export async function startLocalServer(
  options: LocalServerOptions,
): Promise<{ server?: LocalServer; diagnostics: Diagnostic[] }> {
  const connections = new WebsocketConnections();
  const load = loaderFor(options, connections);
  const loaded = await load();
  if (!loaded.app) return { diagnostics: loaded.diagnostics };
  const apps = new ServedApps(loaded.app);
  const { reporter } = options;
  const { httpServer, websockets } = createServer(apps, connections, reporter);
  const host = options.host ?? '127.0.0.1';
  const listenError = await listen(httpServer, options.port, host);
  if (listenError) {
    apps.stopAll();
    return { diagnostics: [...loaded.diagnostics, listenError] };
  }
  const url = serverUrl(httpServer.address() as AddressInfo);
  const listeners: Array<(ok: boolean) => void> = [];
  const watcher = options.autoreload
    ? startReloading(options, load, apps, (ok) => listeners.forEach((l) => l(ok)))
    : undefined;
  const server: LocalServer = {
    url,
    get app() {
      return apps.current;
    },
    onReload: (listener) => listeners.push(listener),
    close: () =>
      new Promise((resolve) => {
        watcher?.close();
        websockets.close();
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
        apps.stopAll();
      }),
  };
  return { server, diagnostics: loaded.diagnostics };
}

/** The HTTP server: requests to the REST API, upgrade requests to the websocket API. */
function createServer(apps: ServedApps, connections: WebsocketConnections, reporter: LocalReporter) {
  const httpServer = http.createServer((req, res) => serve(apps.current, req, res, reporter));
  const websockets = new WebsocketGateway(() => apps.current, connections, reporter);
  httpServer.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) =>
    websockets.upgrade(req, socket, head),
  );
  return { httpServer, websockets };
}

function loaderFor(options: LocalServerOptions, websockets: WebsocketConnections): () => Promise<LoadResult> {
  return () =>
    loadLocalApp({
      websockets,
      projectDir: options.projectDir,
      stage: options.stage,
      concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
      onStrayError: (name, e) =>
        options.reporter.error(
          `${name}: the app threw outside an invocation; its instance ends, as a Lambda execution environment would: ${e.stack ?? e.message}`,
        ),
    });
}

/** The version being served, and the versions a reload replaced while they finish what they started. */
class ServedApps {
  current: LocalApp;
  private readonly retiring = new Set<LocalApp>();

  constructor(app: LocalApp) {
    this.current = app;
  }

  /** New requests go to `app`'s instances; the old ones finish what they started. */
  replace(app: LocalApp): void {
    const previous = this.current;
    this.current = app;
    this.retiring.add(previous);
    void previous.instances.retire().then(() => {
      previous.taskDir.remove();
      this.retiring.delete(previous);
    });
  }

  stopAll(): void {
    for (const app of [...this.retiring, this.current]) stopApp(app);
  }
}

/** Ends the app's instances and removes its task directory. */
function stopApp(app: LocalApp): void {
  app.instances.close();
  app.taskDir.remove();
}

function listen(server: http.Server, port: number, host: string): Promise<Diagnostic | undefined> {
  return new Promise((resolve) => {
    const onError = (e: NodeJS.ErrnoException) => {
      const why =
        e.code === 'EADDRINUSE'
          ? `port ${port} is already in use`
          : e.code === 'EACCES'
            ? `no permission to listen on port ${port}`
            : e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND'
              ? `${host} is not an address of this machine`
              : e.message;
      resolve(
        error(
          'APPC603',
          `cannot listen on ${host}:${port}: ${why}`,
          'Pick another port with --port (0 picks a free one) or stop the program using it.',
        ),
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(undefined);
    });
  });
}

function serverUrl(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** Reads the request, answers it, and logs one line. */
function serve(app: LocalApp, req: http.IncomingMessage, res: http.ServerResponse, reporter: LocalReporter): void {
  const started = performance.now();
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  });
  req.on('end', () => {
    const request: IncomingRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      rawHeaders: req.rawHeaders,
      body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks),
      sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
      httpVersion: req.httpVersion,
      receivedAt: Date.now(),
    };
    const answering =
      size > MAX_BODY_BYTES
        ? Promise.resolve(requestTooLarge())
        : app.instances.track(() => handleRequest(app, request, reporter.error));
    void answering
      .catch((e: unknown) => {
        reporter.error(
          `appc internal error while answering ${request.method} ${request.url}: ${e instanceof Error ? e.stack : String(e)}`,
        );
        return badGateway();
      })
      .then((answer) => {
        const status = writeAnswer(res, answer, reporter);
        reporter.request(`${request.method} ${request.url} ${status} ${(performance.now() - started).toFixed(1)} ms`);
      });
  });
}

/** Headers API Gateway sets itself, whatever the Lambda says. */
const GATEWAY_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection']);

/**
 * Sends `answer`; one Node refuses to send (a header value with a line break, say) becomes a 502. Returns the status
 * sent.
 */
function writeAnswer(res: http.ServerResponse, answer: HttpAnswer, reporter: LocalReporter): number {
  const headers: Record<string, string | string[]> = {};
  for (const name in answer.headers) if (!GATEWAY_HEADERS.has(name.toLowerCase())) headers[name] = answer.headers[name];
  headers['Content-Length'] = String(answer.body.length);
  try {
    res.writeHead(answer.statusCode, headers);
  } catch (e) {
    reporter.error(`The API handler's answer cannot be sent: ${(e as Error).message}`);
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    return writeAnswer(res, badGateway(), reporter);
  }
  res.end(answer.body);
  return answer.statusCode;
}

/**
 * Watches the project; on a change, loads the app again and swaps it in, or reports the
 * diagnostics and keeps serving the previous version.
 */
function startReloading(
  options: LocalServerOptions,
  load: () => Promise<LoadResult>,
  apps: ServedApps,
  done: (ok: boolean) => void,
): ProjectWatcher {
  let failed = false;
  const reload = async (files: string[]) => {
    failed = !(await reloadApp(options.reporter, files, load, apps));
    done(!failed);
  };
  return watchProject(options.projectDir, (file) => isRelevant(file, apps.current, failed), oneBatchAtATime(reload));
}

/** Loads the app again; swaps it in and returns true, or reports its errors and returns false. */
async function reloadApp(
  reporter: LocalReporter,
  files: string[],
  load: () => Promise<LoadResult>,
  apps: ServedApps,
): Promise<boolean> {
  reporter.info(`Reloading (${files.join(', ')} changed)...`);
  const loaded = await load();
  if (loaded.app && !hasErrors(loaded.diagnostics)) {
    if (loaded.diagnostics.length > 0) reporter.diagnostics(loaded.diagnostics);
    apps.replace(loaded.app);
    reporter.info(`Reloaded ${loaded.app.model.appName}.`);
    return true;
  }
  reporter.diagnostics(loaded.diagnostics);
  reporter.error('The app has errors: still serving the previous version.');
  return false;
}

/** Runs `run` on one batch of changed files at a time; files changed meanwhile make the next batch, sorted. */
function oneBatchAtATime(run: (files: string[]) => Promise<void>): (files: string[]) => void {
  let running: Promise<void> | undefined;
  const queued = new Set<string>();
  const schedule = (files: string[]) => {
    if (running) {
      files.forEach((file) => queued.add(file));
      return;
    }
    running = run(files).finally(() => {
      running = undefined;
      if (queued.size > 0) {
        const next = [...queued].sort();
        queued.clear();
        schedule(next);
      }
    });
  };
  return schedule;
}

/** The app's modules, its config, package.json, tsconfig.json and lib/; after a failed reload, any source file. */
function isRelevant(file: string, app: LocalApp, failed: boolean): boolean {
  if (app.model.modules.includes(file) || file.startsWith('.appc/') || file.startsWith('lib/')) return true;
  if (file === 'package.json' || file === 'tsconfig.json') return true;
  return failed && /\.(m|c)?(t|j)sx?$/.test(file);
}
