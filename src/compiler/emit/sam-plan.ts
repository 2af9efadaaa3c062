/**
 * Which Lambda functions the template holds, in Chalice's emission order
 * (CHALICE-PACKAGE.md §5.1): pure functions, then event-source functions, then (with
 * routes) the API handler and every built-in authorizer.
 */
import type { LambdaNodeRuntime } from '../config/lambda-runtimes';
import { functionConfig } from '../config/resolve-config';
import type { FunctionConfig, ResolvedConfig } from '../config/resolved-config';
import type { AppModel, FunctionModel } from '../model/app-model';
import { API_HANDLER_ID, API_HANDLER_NAME, toLogicalId } from '../model/names';

export interface LambdaPlan {
  /** The config key: `api_handler` or the function's name. */
  name: string;
  logicalId: string;
  /** `<module>.<LogicalId>`: the generated entry module exports each handler under its logical ID. */
  handler: string;
  /** The model of a non-API function; `null` for the API handler. */
  fn: FunctionModel | null;
}

export function planFunctions(model: AppModel, handlerModule: string): LambdaPlan[] {
  const plan = (fn: FunctionModel): LambdaPlan => {
    const name = functionName(fn);
    const logicalId = toLogicalId(name);
    return { name, logicalId, handler: `${handlerModule}.${logicalId}`, fn };
  };
  const pure = model.functions.filter((fn) => fn.kind === 'lambda');
  const sources = model.functions.filter((fn) => fn.kind !== 'lambda' && fn.kind !== 'authorizer');
  const plans = [...pure, ...sources].map(plan);
  if (model.routes.length === 0) return plans;
  const apiHandler = { name: API_HANDLER_NAME, logicalId: API_HANDLER_ID, handler: `${handlerModule}.${API_HANDLER_ID}`, fn: null };
  const authorizers = model.functions.filter((fn) => fn.kind === 'authorizer').map(plan);
  return [...plans, apiHandler, ...authorizers];
}

function functionName(fn: FunctionModel): string {
  if (fn.name === null) throw new Error(`appc internal error: unnamed ${fn.kind} function at ${fn.location.file}:${fn.location.line}`);
  return fn.name;
}

/** A function's resolved settings (the stage's defaults for a function the config does not list). */
export function settingsOf(config: ResolvedConfig, name: string): FunctionConfig {
  return functionConfig(config, name);
}

/** The `Runtime` of every function of the template, in plan order: what the shared bundle must run on. */
export function functionRuntimes(model: AppModel, config: ResolvedConfig): LambdaNodeRuntime[] {
  return planFunctions(model, '').map((plan) => settingsOf(config, plan.name).lambdaRuntime);
}
