/**
 * How a new version reaches traffic (README "Stages"): `lambda_alias` -> `AutoPublishAlias` on every
 * function, `deployment_preference` -> `DeploymentPreference` on every function but the hooks, and the
 * role CodeDeploy runs the hooks with.
 */
import type { DeploymentPreference, ResolvedConfig } from '../config/resolved-config';
import { getAtt, ref, sub, type JsonObject, type ResourceEntry } from './cfn';
import type { LambdaPlan } from './sam-plan';

export const HOOKS_ROLE_ID = 'CodeDeployHooksRole';

/** A stage's release settings, worked out once for all its functions. */
export interface Release {
  alias: string;
  /** The `DeploymentPreference` every function but the hooks gets; absent without `deployment_preference`. */
  deploymentPreference?: JsonObject;
  /** The hook functions, which must not wait on themselves. */
  hooks: readonly LambdaPlan[];
}

/** The stage's release, or undefined without `lambda_alias`. */
export function planRelease(config: ResolvedConfig, plans: readonly LambdaPlan[]): Release | undefined {
  if (config.lambdaAlias === undefined) return undefined;
  const preference = config.deploymentPreference;
  if (!preference) return { alias: config.lambdaAlias, hooks: [] };
  const pre = preference.preTraffic === undefined ? undefined : hookPlan(preference.preTraffic, plans);
  const post = preference.postTraffic === undefined ? undefined : hookPlan(preference.postTraffic, plans);
  const hooks = [...new Set([pre, post].filter((plan) => plan !== undefined))];
  return { alias: config.lambdaAlias, deploymentPreference: samPreference(preference, pre, post), hooks };
}

/** The function's `AutoPublishAlias`, `AutoPublishAliasAllProperties` and `DeploymentPreference`. */
export function releaseProperties(plan: LambdaPlan, release: Release | undefined): JsonObject {
  if (!release) return {};
  // A version freezes the function's configuration too: without AllProperties a changed environment
  // variable or memory size would publish no version, and the alias would keep serving the old settings.
  const properties: JsonObject = { AutoPublishAlias: release.alias, AutoPublishAliasAllProperties: true };
  if (release.deploymentPreference && !release.hooks.includes(plan)) {
    properties.DeploymentPreference = structuredClone(release.deploymentPreference);
  }
  return properties;
}

/**
 * The role CodeDeploy shifts traffic with when there are hooks. SAM's own role has only the managed
 * policy AWSCodeDeployRoleForLambda, whose `lambda:InvokeFunction` covers functions named
 * `CodeDeployHook_*`; the template's functions get names from CloudFormation, so this role also may
 * invoke the hooks it names.
 */
export function hooksRoleResource(release: Release | undefined): ResourceEntry | undefined {
  if (!release || release.hooks.length === 0) return undefined;
  const statement = {
    Effect: 'Allow',
    Action: 'lambda:InvokeFunction',
    Resource: release.hooks.map((plan) => getAtt(plan.logicalId, 'Arn')),
  };
  const properties: JsonObject = {
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'codedeploy.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    },
    ManagedPolicyArns: [sub('arn:${AWS::Partition}:iam::aws:policy/service-role/AWSCodeDeployRoleForLambda')],
    Policies: [
      { PolicyName: 'InvokeDeploymentHooks', PolicyDocument: { Version: '2012-10-17', Statement: [statement] } },
    ],
  };
  return { id: HOOKS_ROLE_ID, resource: { Type: 'AWS::IAM::Role', Properties: properties } };
}

function samPreference(preference: DeploymentPreference, pre?: LambdaPlan, post?: LambdaPlan): JsonObject {
  const result: JsonObject = { Type: preference.type };
  if (preference.alarms.length > 0) result.Alarms = [...preference.alarms];
  if (pre || post) {
    const hooks: JsonObject = {};
    if (pre) hooks.PreTraffic = ref(pre.logicalId);
    if (post) hooks.PostTraffic = ref(post.logicalId);
    result.Hooks = hooks;
    result.Role = getAtt(HOOKS_ROLE_ID, 'Arn');
  }
  return result;
}

function hookPlan(name: string, plans: readonly LambdaPlan[]): LambdaPlan {
  const plan = plans.find((p) => p.name === name);
  if (!plan) throw new Error(`appc internal error: deployment hook ${name} is not a function of the template`);
  return plan;
}
