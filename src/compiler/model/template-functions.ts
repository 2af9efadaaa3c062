import type { AppModel, FunctionModel } from './app-model';
import { API_HANDLER_NAME } from './names';

/** A Lambda function of the template: its config key and its model (`null` for the API handler). */
export interface TemplateFunction {
  /** The config key: `api_handler` or the function's name. */
  name: string;
  fn: FunctionModel | null;
}

/** The websocket functions in the order Chalice's `WebsocketAPI` lists them: connect, message, disconnect. */
export const WEBSOCKET_KINDS = ['ws-connect', 'ws-message', 'ws-disconnect'] as const;

/**
 * The functions the template holds, in Chalice's emission order (as in `chalice package`):
 * pure functions, then event-source functions, then (with routes) the API handler and
 * every built-in authorizer, then the websocket functions.
 */
export function templateFunctions(model: Pick<AppModel, 'routes' | 'functions'>): TemplateFunction[] {
  const of = (fn: FunctionModel): TemplateFunction => ({ name: functionName(fn), fn });
  const pure = model.functions.filter((fn) => fn.kind === 'lambda');
  const sources = model.functions.filter((fn) => fn.kind !== 'lambda' && fn.kind !== 'authorizer' && !isWebsocket(fn));
  const websocket = WEBSOCKET_KINDS.flatMap((kind) => model.functions.filter((fn) => fn.kind === kind));
  const functions = [...pure, ...sources].map(of);
  const authorizers = model.functions.filter((fn) => fn.kind === 'authorizer').map(of);
  const api = model.routes.length === 0 ? [] : [{ name: API_HANDLER_NAME, fn: null }, ...authorizers];
  return [...functions, ...api, ...websocket.map(of)];
}

/** Whether `fn` handles a route of the websocket API. */
export function isWebsocket(
  fn: FunctionModel,
): fn is Extract<FunctionModel, { kind: (typeof WEBSOCKET_KINDS)[number] }> {
  return (WEBSOCKET_KINDS as readonly string[]).includes(fn.kind);
}

function functionName(fn: FunctionModel): string {
  if (fn.name !== null) return fn.name;
  const { file, line } = fn.location;
  throw new Error(`appc internal error: unnamed ${fn.kind} function at ${file}:${line}`);
}
