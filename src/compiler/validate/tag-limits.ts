import { functionConfig } from '../config/resolve-config';
import type { ResolvedConfig } from '../config/resolved-config';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import type { AppModel } from '../model/app-model';
import { packagedFunctionNames } from '../model/names';

/**
 * "Maximum number of tags per resource – 50" (AWS Lambda Developer Guide, "Using tags on Lambda
 * functions", tag restrictions). Every function also carries appc's own `appc` tag and the
 * `lambda:createdBy: SAM` tag the SAM transform adds, so a function may have 48 configured tags.
 * Key and value lengths and the reserved `aws:` prefix are rules of the config schema.
 */
export const MAX_CONFIGURED_TAGS = 48;

/** Functions whose merged `tags` leave no room for the two tags appc and SAM add. */
export function validateTagLimits(model: AppModel, config: ResolvedConfig): Diagnostic[] {
  const names = packagedFunctionNames(model);
  return names.flatMap((name) => {
    const count = Object.keys(functionConfig(config, name).tags).filter((key) => key !== 'appc').length;
    if (count <= MAX_CONFIGURED_TAGS) return [];
    return [
      error(
        'APPC337',
        `.appc/config.json gives function '${name}' ${count} tags; Lambda allows 50 per function, and appc's 'appc' tag and SAM's 'lambda:createdBy' tag take two of them`,
        `Keep at most ${MAX_CONFIGURED_TAGS} tags in tags (top level, stage and lambda_functions entries are merged).`,
      ),
    ];
  });
}
