import { warning, type Diagnostic } from '../diagnostics/diagnostic';
import type { JsonObject } from '../model/json';
import type { SdkCall, SdkUsage } from '../model/app-model';
import { actionsOf, operationsOf } from './action-map';
import { iamServiceOf } from './service-names';

/**
 * Policy diagnostics (APPC5xx), all warnings: the policy is still generated, without the
 * permissions of the calls named.
 *   APPC501  an SDK module whose service the IAM data does not know
 *   APPC502  an operation no IAM action is known for
 *   APPC503  an SDK use whose operation cannot be told statically
 */
const HAND_WRITTEN =
  'set "autogen_policy": false in .appc/config.json and write the policy in .appc/policy-<stage>.json';

export interface GeneratedStatements {
  /**
   * One per IAM service, sorted by service; actions sorted, each once; `Resource: ["*"]`. No Sid (the template gives
   * them).
   */
  statements: JsonObject[];
  diagnostics: Diagnostic[];
}

/**
 * The analysis statements of the generated policy (as in `chalice package`): the
 * IAM actions of every SDK call the analyzer recorded, grouped by service.
 * @example policyStatements({ calls: [{ module: '@aws-sdk/client-s3', operation: 'ListObjectsV2', location }],
 *   unresolved: [] })
 *   // -> [{ Effect: 'Allow', Action: ['s3:ListBucket'], Resource: ['*'] }]
 */
export function policyStatements(usage: SdkUsage | undefined): GeneratedStatements {
  const byService = new Map<string, Set<string>>();
  const diagnostics: Diagnostic[] = [];
  for (const call of usage?.calls ?? []) {
    const actions = callActions(call, diagnostics);
    for (const action of actions) {
      const service = action.slice(0, action.indexOf(':'));
      byService.set(service, (byService.get(service) ?? new Set()).add(action));
    }
  }
  for (const { reason, location } of usage?.unresolved ?? []) {
    diagnostics.push(
      warning(
        'APPC503',
        `${reason}; the generated policy may lack its permission`,
        `Pass \`new XxxCommand(...)\` or call the client's method by name; otherwise ${HAND_WRITTEN}.`,
        location,
      ),
    );
  }
  const statements = [...byService.keys()].sort().map((service) => ({
    Effect: 'Allow',
    Action: [...(byService.get(service) as Set<string>)].sort(),
    Resource: ['*'],
  }));
  return { statements, diagnostics };
}

function callActions(call: SdkCall, diagnostics: Diagnostic[]): string[] {
  const service = iamServiceOf(call.module);
  if (service === undefined) {
    diagnostics.push(
      warning(
        'APPC501',
        `no IAM permissions are known for ${call.module}: the generated policy does not allow ${call.operation}`,
        `To allow it, ${HAND_WRITTEN}.`,
        call.location,
      ),
    );
    return [];
  }
  return operationsOf(call.module, service, call.operation).flatMap((operation) => {
    const actions = actionsOf(service, operation);
    if (actions) return actions;
    diagnostics.push(
      warning(
        'APPC502',
        `no IAM action is known for ${service} operation ${operation} (${call.module}): the generated policy does not allow it`,
        `Check the operation's name; if it is right, ${HAND_WRITTEN}.`,
        call.location,
      ),
    );
    return [];
  });
}
