import { functionConfig } from '../config/resolve-config';
import type { ResolvedConfig } from '../config/resolved-config';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import type { AppModel } from '../model/app-model';
import { packagedFunctionNames } from '../model/names';
import { quoteList } from './wording';

/**
 * "Total size of all environment variables doesn't exceed 4 KB" per function (AWS Lambda
 * Developer Guide, "Lambda quotas"). Lambda measures the variables as one JSON object, so
 * the size here is the UTF-8 length of the compact JSON of the merged map.
 */
export const ENVIRONMENT_LIMIT_BYTES = 4096;

/**
 * Functions whose merged `environment_variables` exceed Lambda's 4 KB; functions sharing one map are reported together.
 */
export function validateEnvironmentLimits(model: AppModel, config: ResolvedConfig): Diagnostic[] {
  const names = packagedFunctionNames(model);
  const byMap = new Map<string, string[]>();
  for (const name of names) {
    const json = JSON.stringify(functionConfig(config, name).environmentVariables);
    byMap.set(json, [...(byMap.get(json) ?? []), name]);
  }
  return [...byMap].flatMap(([json, functions]) => tooLarge(json, functions));
}

function tooLarge(json: string, functions: string[]): Diagnostic[] {
  const size = Buffer.byteLength(json, 'utf8');
  if (size <= ENVIRONMENT_LIMIT_BYTES) return [];
  const variables = Object.entries(JSON.parse(json) as Record<string, string>);
  const [largest] = variables.sort(([, a], [, b]) => Buffer.byteLength(b) - Buffer.byteLength(a));
  const which = functions.length === 1 ? `function '${functions[0]}'` : `functions ${quoteList(functions)}`;
  return [
    error(
      'APPC336',
      `.appc/config.json gives ${which} ${size} bytes of environment variables; Lambda allows ${ENVIRONMENT_LIMIT_BYTES} bytes (4 KB) per function, all variables together`,
      `Shrink them (the largest is '${largest[0]}', ${Buffer.byteLength(largest[1])} bytes): keep large values in S3, SSM Parameter Store or Secrets Manager and put only their names in environment_variables.`,
    ),
  ];
}
