import type { AppModel } from '../model/app-model';
import type { ResolvedConfig } from '../config/resolved-config';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { validateRoutePaths } from './route-paths';
import { validateHandlerParams } from './handler-params';
import { validateDuplicateMethods, validateMethods } from './route-methods';
import { validateCors } from './route-cors';
import { validateContentTypes } from './content-types';
import { validateUnknownOptions } from './unknown-options';
import { validateFunctionNames } from './function-names';
import { validateAuthorizers } from './authorizers';
import { validateEventSources } from './event-sources';
import { validateSchedules } from './schedule';
import { validateConfiguredFunctions } from './config-functions';
import { validateAppName } from './app-name';
import { validateNotEmpty } from './empty-app';
import { validateEnvironmentLimits } from './environment-limits';
import { validateTagLimits } from './tag-limits';

/**
 * Every check Chalice makes at import, package or deploy time, plus appc's own, over an
 * analyzed app and its resolved config. Runs every rule and returns all problems, in rule order.
 * @example if (hasErrors(validateApp(model, config))) ...
 */
export function validateApp(model: AppModel, config: ResolvedConfig): Diagnostic[] {
  return [
    ...validateRoutePaths(model.routes),
    ...validateHandlerParams(model.routes),
    ...validateMethods(model.routes),
    ...validateDuplicateMethods(model.routes),
    ...validateCors(model),
    ...validateContentTypes(model),
    ...validateUnknownOptions(model),
    ...validateFunctionNames(model.functions, config),
    ...validateAuthorizers(model),
    ...validateEventSources(model.functions),
    ...validateSchedules(model.functions),
    ...validateConfiguredFunctions(model.functions, config),
    ...validateAppName(model, config),
    ...validateNotEmpty(model),
    ...validateEnvironmentLimits(model, config),
    ...validateTagLimits(model, config),
  ];
}
