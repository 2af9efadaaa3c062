/**
 * The server's side of one function instance: a worker thread (instance-worker.ts) with the
 * function's environment variables as its own `process.env`. Worker threads, not `vm`
 * contexts in this thread: each instance gets its own module registry (the project's packages
 * too), globals and environment, and a handler stuck in a loop can be stopped (`terminate`).
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import {
  errorFields,
  toError,
  type ContextFields,
  type InstanceData,
  type InstanceMessage,
  type InvokeMessage,
  type ServerMessage,
  type WebsocketCall,
} from './instance-protocol';
import type { WebsocketTransport } from '../runtime/websocket-api';

export type InvokeResult = { value: unknown } | { error: unknown };

/** Where what the app writes to stdout and stderr goes. */
export type OutputSink = (stream: 'stdout' | 'stderr', chunk: string | Uint8Array) => void;

export interface InstanceOptions {
  bundleFile: string;
  /** The instance's whole `process.env`. */
  env: Readonly<Record<string, string>>;
  /**
   * Hears about errors the app throws outside an invocation (they end the instance, as they end a Lambda environment).
   */
  onStrayError(error: Error): void;
  /** Carries out the app's `app.websocketApi.send` and `close` on the server's connections. */
  websockets: WebsocketTransport;
  /** Default: this process's stdout and stderr (`appc local` logs what the app logs). */
  output?: OutputSink;
}

/**
 * The worker's entry point beside this file: `.js` when built, `.ts` when run from the sources (the tests, through
 * tsx).
 */
const ENTRY = path.join(__dirname, `instance-worker${path.extname(__filename)}`);
let sourceEntry: string | undefined;

/** What `new Worker` runs: the built file, or the TypeScript entry bundled once by esbuild (a worker has no tsx). */
function workerScript(): { script: string; eval: boolean } {
  if (ENTRY.endsWith('.js')) return { script: ENTRY, eval: false };
  sourceEntry ??= buildSync({
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0].text;
  return { script: sourceEntry, eval: true };
}

export class FunctionInstance {
  /** Resolves with the bundle's exported functions, or the error that ended the instance before it was ready. */
  readonly ready: Promise<{ exports: string[] } | { error: Error }>;
  private readonly worker: Worker;
  private pending?: (result: InvokeResult) => void;
  private ended = false;

  constructor(private readonly options: InstanceOptions) {
    const workerData: InstanceData = { bundleFile: options.bundleFile };
    const { script, eval: isCode } = workerScript();
    this.worker = new Worker(script, {
      eval: isCode,
      workerData,
      env: { ...options.env },
      stdout: false,
      stderr: false,
    });
    this.ready = new Promise((resolve) => {
      this.worker.on('message', (message: InstanceMessage) => this.receive(message, resolve));
      this.worker.on('error', (error) => this.end(error, resolve));
      this.worker.on('exit', (code) =>
        this.end(new Error(`the function's runtime exited with status ${code}`), resolve),
      );
    });
  }

  get alive(): boolean {
    return !this.ended;
  }

  /** Runs `exportName` with `event`; the instance must be ready and idle. */
  invoke(exportName: string, event: unknown, context: ContextFields): Promise<InvokeResult> {
    if (this.ended) return Promise.resolve({ error: new Error('the function instance has ended') });
    return new Promise((resolve) => {
      this.pending = resolve;
      const message: InvokeMessage = { kind: 'invoke', exportName, event, context };
      this.worker.postMessage(message);
    });
  }

  /** Stops the instance, whatever it is doing (a timed-out invocation, a retired version). */
  terminate(): void {
    this.ended = true;
    this.settle({ error: new Error('the function instance was stopped') });
    void this.worker.terminate();
  }

  private receive(message: InstanceMessage, ready: (outcome: { exports: string[] } | { error: Error }) => void): void {
    switch (message.kind) {
      case 'ready':
        return ready({ exports: message.exports });
      case 'load-failed':
        this.ended = true;
        void this.worker.terminate();
        return ready({ error: toError(message.error) });
      case 'output':
        if (this.options.output) this.options.output(message.stream, message.chunk);
        else process[message.stream].write(message.chunk);
        return;
      case 'result':
        return this.settle({ value: message.json === undefined ? undefined : JSON.parse(message.json) });
      case 'failed':
        return this.settle({ error: toError(message.error) });
      case 'websocket':
        return void this.websocket(message);
    }
  }

  private async websocket({ id, action, connectionId, data }: WebsocketCall): Promise<void> {
    const { websockets } = this.options;
    let done: ServerMessage;
    try {
      await (action === 'send' ? websockets.send(connectionId, data ?? '') : websockets.close(connectionId));
      done = { kind: 'websocket-done', id };
    } catch (error) {
      done = { kind: 'websocket-done', id, error: errorFields(error) };
    }
    if (!this.ended) this.worker.postMessage(done);
  }

  /** The worker died: an error thrown outside any handler, `process.exit`, or `terminate`. */
  private end(error: Error, ready: (outcome: { error: Error }) => void): void {
    const wasAlive = !this.ended;
    this.ended = true;
    ready({ error });
    if (this.pending) this.settle({ error });
    else if (wasAlive) this.options.onStrayError(error);
  }

  private settle(result: InvokeResult): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.(result);
  }
}
