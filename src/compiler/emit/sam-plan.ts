/** Which Lambda functions the template holds (`templateFunctions`), with their logical IDs and handlers. */
import type { LambdaNodeRuntime } from '../config/lambda-runtimes';
import { functionConfig } from '../config/resolve-config';
import type { FunctionConfig, ResolvedConfig } from '../config/resolved-config';
import type { AppModel, FunctionModel } from '../model/app-model';
import { API_HANDLER_ID, toLogicalId } from '../model/names';
import { templateFunctions } from '../model/template-functions';

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
  return templateFunctions(model).map(({ name, fn }) => {
    const logicalId = fn === null ? API_HANDLER_ID : toLogicalId(name);
    return { name, logicalId, handler: `${handlerModule}.${logicalId}`, fn };
  });
}

/** A function's resolved settings (the stage's defaults for a function the config does not list). */
export function settingsOf(config: ResolvedConfig, name: string): FunctionConfig {
  return functionConfig(config, name);
}

/** The `Runtime` of every function of the template, in plan order: what the shared bundle must run on. */
export function functionRuntimes(model: AppModel, config: ResolvedConfig): LambdaNodeRuntime[] {
  return planFunctions(model, '').map((plan) => settingsOf(config, plan.name).lambdaRuntime);
}
