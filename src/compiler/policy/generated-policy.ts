import { functionConfig } from '../config/resolve-config';
import type { ResolvedConfig } from '../config/resolved-config';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { AppModel } from '../model/app-model';
import type { JsonObject } from '../model/json';
import { isWebsocket, templateFunctions } from '../model/template-functions';
import { policyStatements } from './policy-statements';
import {
  eventSourceStatement,
  LOGS_STATEMENT,
  MANAGE_CONNECTIONS_STATEMENT,
  VPC_STATEMENT,
  XRAY_STATEMENT,
} from './service-statements';
import { withoutDuplicates, withSids } from './statement-sids';

export interface GeneratedPolicy {
  /** `{ Version, Statement }`. */
  document: JsonObject;
  /** APPC5xx warnings: SDK calls whose permissions the document lacks. */
  diagnostics: Diagnostic[];
}

/**
 * The generated policy (README "IAM policy"): the document of the role the template's functions
 * share when `autogen_policy` is on, and what `appc gen-policy` prints, with the warnings
 * of the SDK calls it cannot map (APPC5xx). The one place appc builds an IAM document.
 * @example generatedPolicy(model, config).document // { Version: '2012-10-17', Statement: [...] }
 */
export function generatedPolicy(model: AppModel, config: ResolvedConfig): GeneratedPolicy {
  const { statements, diagnostics } = policyStatements(model.sdk);
  return { document: rolePolicyDocument(model, config, statements), diagnostics };
}

/**
 * Analysis statements, CloudWatch Logs, then VPC and X-Ray when any function sharing the
 * role uses them (Chalice looks only at the API handler, and repeats the VPC statement),
 * then each polling event source's statement once, in order of first use, then the websocket
 * API's connections when the app has websocket handlers (Chalice adds it last too). A template
 * without functions has no role: its document is then the analysis statements alone.
 */
export function rolePolicyDocument(
  model: Pick<AppModel, 'routes' | 'functions'>,
  config: ResolvedConfig,
  analysis: readonly JsonObject[],
): JsonObject {
  const functions = templateFunctions(model);
  if (functions.length === 0) return { Version: '2012-10-17', Statement: [...analysis] };
  const settings = functions.map(({ name }) => functionConfig(config, name));
  const usesVpc = settings.some((s) => s.subnetIds.length > 0 && s.securityGroupIds.length > 0);
  const usesXray = settings.some((s) => s.xray);
  const statements = [
    ...withSids(analysis),
    LOGS_STATEMENT,
    ...(usesVpc ? [VPC_STATEMENT] : []),
    ...(usesXray ? [XRAY_STATEMENT] : []),
    ...functions.flatMap(({ fn }) => (fn ? [eventSourceStatement(fn)] : [])).filter((s) => s !== undefined),
    ...(functions.some(({ fn }) => fn !== null && isWebsocket(fn)) ? [MANAGE_CONNECTIONS_STATEMENT] : []),
  ];
  return { Version: '2012-10-17', Statement: withoutDuplicates(statements) };
}
