/**
 * One function instance of `appc local`, the entry point of its worker thread: like a Lambda
 * execution environment it loads the bundle once (Init), with its own module state, globals
 * and `process.env`, then runs one invocation at a time when the server asks (Invoke).
 * https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html
 */
import { Module } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import {
  errorFields,
  toLambdaContext,
  toError,
  type ErrorFields,
  type InstanceData,
  type InstanceMessage,
  type InvokeMessage,
  type ServerMessage,
  type WebsocketCall,
} from './instance-protocol';
import { WEBSOCKET_TRANSPORT, type WebsocketTransport } from '../runtime/websocket-api';

type Exports = Record<string, unknown>;

/** What `Module` has beyond its typings: how `require` compiles a file and finds node_modules for it. */
interface CommonJsModule extends Module {
  _compile(code: string, filename: string): void;
}
const Loader = Module as unknown as { new (id: string): CommonJsModule; _nodeModulePaths(dir: string): string[] };

const port = parentPort;
if (port) {
  const post = (message: InstanceMessage) => port.postMessage(message);
  forwardOutput(post);
  const websocketCalls = installWebsocketTransport(post);
  const loaded = loadBundle((workerData as InstanceData).bundleFile);
  if ('error' in loaded) {
    post({ kind: 'load-failed', error: errorFields(loaded.error) });
  } else {
    post({
      kind: 'ready',
      exports: Object.keys(loaded.exports).filter((name) => typeof loaded.exports[name] === 'function'),
    });
    port.on('message', (message: ServerMessage) => {
      if (message.kind === 'websocket-done') websocketCalls.settle(message.id, message.error);
      else void invoke(loaded.exports, message).then(post);
    });
  }
}

/**
 * Runs the CommonJS bundle as the task directory's `app.js` (its `require` finds the project's node_modules there),
 * compiled as `require` compiles a file: that is what reads its `//# sourceMappingURL`, so that with source maps
 * enabled stack traces name the app's `.ts` lines (`vm.compileFunction` would not).
 * https://nodejs.org/api/process.html#processsetsourcemapsenabledval
 */
function loadBundle(filename: string): { exports: Exports } | { error: unknown } {
  process.setSourceMapsEnabled(true);
  const module = new Loader(filename);
  module.filename = filename;
  module.paths = Loader._nodeModulePaths(path.dirname(filename));
  try {
    module._compile(fs.readFileSync(filename, 'utf8'), filename);
  } catch (error) {
    return { error };
  }
  return { exports: module.exports as Exports };
}

async function invoke(exports: Exports, { exportName, event, context }: InvokeMessage): Promise<InstanceMessage> {
  try {
    const handler = exports[exportName] as (event: unknown, context: unknown) => unknown;
    const value = await handler(event, toLambdaContext(context));
    return { kind: 'result', json: JSON.stringify(value) };
  } catch (error) {
    return { kind: 'failed', error: errorFields(error) };
  }
}

/**
 * `app.websocketApi.send` and `close` in this instance go to the server, which holds the connections: the
 * runtime finds this transport on `globalThis` (src/runtime/websocket-api.ts) and uses it instead of the SDK.
 */
function installWebsocketTransport(post: (message: InstanceMessage) => void) {
  const pending = new Map<number, { resolve(): void; reject(error: Error): void }>();
  let next = 0;
  const call = (action: WebsocketCall['action'], connectionId: string, data?: string | Uint8Array) =>
    new Promise<void>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      post({ kind: 'websocket', id, action, connectionId, ...(data === undefined ? {} : { data }) });
    });
  const transport: WebsocketTransport = {
    send: (connectionId, data) => call('send', connectionId, data),
    close: (connectionId) => call('close', connectionId),
  };
  (globalThis as { [WEBSOCKET_TRANSPORT]?: WebsocketTransport })[WEBSOCKET_TRANSPORT] = transport;
  return {
    settle(id: number, error: ErrorFields | undefined): void {
      const waiting = pending.get(id);
      pending.delete(id);
      if (error) waiting?.reject(toError(error));
      else waiting?.resolve();
    },
  };
}

/**
 * Sends what the app writes to stdout and stderr over the result's port, so a log line written
 * during an invocation reaches the server's stdout before the invocation's answer.
 */
function forwardOutput(post: (message: InstanceMessage) => void): void {
  for (const stream of ['stdout', 'stderr'] as const) {
    process[stream].write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      post({ kind: 'output', stream, chunk });
      const callback = rest[rest.length - 1];
      if (typeof callback === 'function') process.nextTick(callback as () => void);
      return true;
    }) as typeof process.stdout.write;
  }
}
