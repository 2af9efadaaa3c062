/**
 * The stage variables of the API stage (README "Stages"): what the template writes as the stage's
 * `Variables`, and what `appc local` and events built by tests put in `event.stageVariables`.
 */
import type { ResolvedConfig } from './resolved-config';

/** The stage variable that names the stage's `lambda_alias`. */
export const LAMBDA_ALIAS_VARIABLE = 'LAMBDA_ALIAS';

/**
 * API Gateway's limit on variables per stage ("Quotas for configuring and running a REST API",
 * API Gateway Developer Guide).
 */
export const MAX_STAGE_VARIABLES = 100;

/**
 * `stage_variables`, then `LAMBDA_ALIAS` when `lambda_alias` is set; `{}` when there are none.
 * @example apiStageVariables({ stageVariables: { TABLE: 'orders' }, lambdaAlias: 'live' })
 *   // { TABLE: 'orders', LAMBDA_ALIAS: 'live' }
 */
export function apiStageVariables(
  config: Pick<ResolvedConfig, 'stageVariables' | 'lambdaAlias'>,
): Record<string, string> {
  const variables = { ...config.stageVariables };
  if (config.lambdaAlias !== undefined) variables[LAMBDA_ALIAS_VARIABLE] = config.lambdaAlias;
  return variables;
}
