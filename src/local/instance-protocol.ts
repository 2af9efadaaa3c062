/**
 * The messages between `appc local`'s server and one function instance (a worker thread
 * running the bundle, see instance-worker.ts): plain data, structured-cloned by postMessage.
 */

/** What the worker needs to load the app: the bundle in its task directory. */
export interface InstanceData {
  bundleFile: string;
}

/** The Lambda context's fields; the worker adds `getRemainingTimeInMillis` from `deadline`. */
export interface ContextFields {
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  awsRequestId: string;
  logGroupName: string;
  logStreamName: string;
  /** Epoch milliseconds when the invocation times out. */
  deadline: number;
}

/** The context object a handler receives, like the Node.js runtime's, from its fields. */
export function toLambdaContext({ deadline, ...fields }: ContextFields): Record<string, unknown> {
  return {
    ...fields,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

/** Server to worker: run export `exportName` with `event`. One at a time per instance. */
export interface InvokeMessage {
  kind: 'invoke';
  exportName: string;
  event: unknown;
  context: ContextFields;
}

/** A call of `app.websocketApi.send` or `close` in the worker, which the server carries out on its connections. */
export interface WebsocketCall {
  kind: 'websocket';
  /** Answered by the `websocket-done` with the same id. */
  id: number;
  action: 'send' | 'close';
  connectionId: string;
  data?: string | Uint8Array;
}

/** Server to worker. */
export type ServerMessage =
  | InvokeMessage
  /** A websocket call is done: `error` when it failed (`GoneException` for a connection that is not open). */
  | { kind: 'websocket-done'; id: number; error?: ErrorFields };

/** An error as it crosses the thread boundary (only its text survives, as in Lambda's error result). */
export interface ErrorFields {
  name: string;
  message: string;
  stack?: string;
  code?: string;
}

/** Worker to server. */
export type InstanceMessage =
  /** The bundle loaded; the names of its exported functions. */
  | { kind: 'ready'; exports: string[] }
  /** The bundle threw while loading (Lambda's Init phase failed). */
  | { kind: 'load-failed'; error: ErrorFields }
  /** The app wrote to stdout or stderr; sent on the same port as results, so it arrives first. */
  | { kind: 'output'; stream: 'stdout' | 'stderr'; chunk: string | Uint8Array }
  /** The handler's value as Lambda's runtime serializes it (`JSON.stringify`; undefined stays undefined). */
  | { kind: 'result'; json: string | undefined }
  /** The handler threw or rejected, or its value cannot be serialized. */
  | { kind: 'failed'; error: ErrorFields }
  | WebsocketCall;

/** An error thrown by app code, as text fields (anything thrown: an Error, a string, an object). */
export function errorFields(error: unknown): ErrorFields {
  if (error instanceof Error) {
    const { code } = error as { code?: unknown };
    return {
      name: error.name,
      message: error.message,
      stack: error.stack,
      ...(typeof code === 'string' ? { code } : {}),
    };
  }
  let message: string;
  try {
    message = typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error));
  } catch {
    message = String(error);
  }
  return { name: 'Error', message };
}

/** The server's Error for `fields`: same name, message and stack as the app's. */
export function toError(fields: ErrorFields): Error {
  const error = new Error(fields.message);
  error.name = fields.name;
  if (fields.stack !== undefined) error.stack = fields.stack;
  if (fields.code !== undefined) Object.assign(error, { code: fields.code });
  return error;
}
