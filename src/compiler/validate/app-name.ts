import type { ResolvedConfig } from '../config/resolved-config';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import type { AppModel } from '../model/app-model';

/** docs/config-reference.md: `app_name`, when the config gives one, must equal the code's `appName`. */
export function validateAppName(model: AppModel, config: ResolvedConfig): Diagnostic[] {
  if (config.appName === undefined || config.appName === model.appName) return [];
  return [
    error(
      'APPC332',
      `.appc/config.json says app_name '${config.appName}' but the code says appName '${model.appName}'`,
      `Make them equal, or remove app_name from .appc/config.json (the code's appName is used).`,
      model.location,
    ),
  ];
}
