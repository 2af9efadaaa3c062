import type { ResolvedConfig } from '../config/resolved-config';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { JsonObject } from '../emit/cfn';
import { emitSam } from '../emit/sam';
import { emitSwagger } from '../emit/swagger';
import type { AppModel } from '../model/app-model';
import { appcVersion } from '../version';
import { policyStatements } from './generate-policy';

/**
 * `appc gen-policy`: the document `appc package` gives the shared `DefaultRole` when the
 * policy is generated (analysis statements, CloudWatch Logs, then the VPC, X-Ray and event
 * source statements the stage's functions need), whatever the config says about roles, so
 * its output can seed `.appc/policy-<stage>.json`. Taken from the emitted template itself,
 * so the two never differ.
 */
export function generatedPolicyDocument(model: AppModel, config: ResolvedConfig): { document: JsonObject; diagnostics: Diagnostic[] } {
  const { statements, diagnostics } = policyStatements(model.sdk);
  const swagger = emitSwagger(model, config);
  // Handler names do not reach the role; any valid module name does.
  const sam = emitSam({ model, config, swagger, appcVersion: appcVersion(), handlerModule: 'app', policy: { mode: 'autogen', statements } });
  const role = (sam.Resources as Record<string, { Properties: { Policies: Array<{ PolicyDocument: JsonObject }> } } | undefined>).DefaultRole;
  return { document: role?.Properties.Policies[0].PolicyDocument ?? { Version: '2012-10-17', Statement: statements }, diagnostics };
}
