/**
 * One function instance of `appc local`, the entry point of its worker thread: like a Lambda
 * execution environment it loads the bundle once (Init), with its own module state, globals
 * and `process.env`, then runs one invocation at a time when the server asks (Invoke).
 * https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html
 */
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import {
  errorFields,
  toLambdaContext,
  type InstanceData,
  type InstanceMessage,
  type InvokeMessage,
} from './instance-protocol';

type Exports = Record<string, unknown>;

const port = parentPort;
if (port) {
  const post = (message: InstanceMessage) => port.postMessage(message);
  forwardOutput(post);
  const loaded = loadBundle((workerData as InstanceData).bundleFile);
  if ('error' in loaded) {
    post({ kind: 'load-failed', error: errorFields(loaded.error) });
  } else {
    post({
      kind: 'ready',
      exports: Object.keys(loaded.exports).filter((name) => typeof loaded.exports[name] === 'function'),
    });
    port.on('message', (message: InvokeMessage) => void invoke(loaded.exports, message).then(post));
  }
}

/** Runs the CommonJS bundle as the task directory's `app.js` (its `require` finds the project's node_modules there). */
function loadBundle(filename: string): { exports: Exports } | { error: unknown } {
  const module = { exports: {} as Exports };
  try {
    const code = fs.readFileSync(filename, 'utf8');
    const run = vm.compileFunction(code, ['exports', 'require', 'module', '__filename', '__dirname'], { filename });
    run.call(module.exports, module.exports, createRequire(filename), module, filename, path.dirname(filename));
  } catch (error) {
    return { error };
  }
  return { exports: module.exports };
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
