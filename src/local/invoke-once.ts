/**
 * One invocation of one function of the app (`appc invoke`): a single function instance loads the bundle with the
 * function's environment variables (Init), runs its handler once with `event` (Invoke) and ends, as a Lambda
 * execution environment would for one request. What the handler writes goes to `output`.
 */
import { functionConfig } from '../compiler/config/resolve-config';
import { error, type Diagnostic } from '../compiler/diagnostics/diagnostic';
import { apiIdentity } from './api-gateway';
import { AppInstances } from './app-instances';
import { appStack } from './app-stack';
import { contextFields } from './invoke-function';
import { loadError } from './load-app';
import type { LocalBundle } from './local-bundle';
import type { OutputSink } from './function-instance';
import type { WebsocketTransport } from '../runtime/websocket-api';

/** The function to run: its name (`api_handler`, `report`) and the bundle's export for it (`APIHandler`, `Report`). */
export interface InvokeTarget {
  name: string;
  exportName: string;
}

/** The handler's value (what Lambda would return), or why there is none. */
export type InvokeOnceResult = { value: unknown } | { diagnostics: Diagnostic[] };

/** Runs `target` of `bundle` once with `event`; the task directory is removed afterwards. */
export async function invokeOnce(
  bundle: LocalBundle,
  projectDir: string,
  target: InvokeTarget,
  event: unknown,
  output: OutputSink,
): Promise<InvokeOnceResult> {
  const { model, config, taskDir } = bundle;
  const instances = new AppInstances({
    bundleFile: taskDir.bundleFile,
    config,
    concurrency: 1,
    onStrayError: (_, e) => output('stderr', `The app threw outside the invocation: ${e.stack ?? e.message}\n`),
    websockets: loggedWebsockets(output),
    output,
  });
  try {
    const { lambdaMemorySize, lambdaTimeout } = functionConfig(config, target.name);
    const pool = instances.pool(target.name);
    const loaded = await pool.warm();
    if (loaded === 'timeout') return { diagnostics: [initTimeout(target.name, lambdaTimeout)] };
    if ('error' in loaded) return { diagnostics: [loadError(loaded.error, projectDir)] };
    const { region, accountId } = apiIdentity(config);
    const site = { appName: model.appName, stage: config.stage, region, accountId };
    const outcome = await pool.invoke(target.exportName, event, (deadline) =>
      contextFields(site, target.name, lambdaMemorySize, deadline),
    );
    if (outcome === 'timeout') return { diagnostics: [invokeTimeout(target.name, lambdaTimeout)] };
    if ('error' in outcome) return { diagnostics: [handlerError(target.name, outcome.error, projectDir)] };
    return { value: outcome.value };
  } finally {
    instances.close();
    taskDir.remove();
  }
}

/** What the function threw, at the app's line that threw, with the app's frames. */
function handlerError(name: string, thrown: unknown, projectDir: string): Diagnostic {
  const e = thrown instanceof Error ? thrown : new Error(String(thrown));
  const { location, frames } = appStack(e.stack, projectDir);
  const what = e.name && e.name !== 'Error' ? `${e.name}: ${e.message}` : e.message;
  const diagnostic = error(
    'APPC605',
    `${name} threw: ${what.split('\n')[0]}`,
    'The handler threw or rejected: on Lambda the invocation fails with this error (and event sources retry it).',
    location,
  );
  return frames.length > 0 ? { ...diagnostic, trace: frames } : diagnostic;
}

function initTimeout(name: string, seconds: number): Diagnostic {
  return error(
    'APPC604',
    `the app's module-level code did not finish within ${name}'s lambda_timeout (${seconds} s)`,
    'Make the code that runs at load time finish (await nothing that never settles), or raise lambda_timeout in .appc/config.json.',
  );
}

function invokeTimeout(name: string, seconds: number): Diagnostic {
  return error(
    'APPC606',
    `${name} did not finish within its lambda_timeout (${seconds} s)`,
    'Lambda stops the invocation at this point: make the handler finish sooner, or raise lambda_timeout in .appc/config.json.',
  );
}

/** `app.websocketApi.send` and `close` have no client to reach here: each call is logged and succeeds. */
function loggedWebsockets(output: OutputSink): WebsocketTransport {
  return {
    send: async (connectionId, data) => {
      const text = typeof data === 'string' ? data : `<${data.byteLength} bytes>`;
      output('stderr', `app.websocketApi.send(${JSON.stringify(connectionId)}, ${JSON.stringify(text)})\n`);
    },
    close: async (connectionId) => output('stderr', `app.websocketApi.close(${JSON.stringify(connectionId)})\n`),
  };
}
