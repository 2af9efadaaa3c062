/**
 * IAM roles of the functions (as in `chalice package`) in the three modes the config
 * allows: one shared `DefaultRole` with the generated policy, one role per function with
 * the policy file's document, or an existing role's ARN. The documents come built
 * (src/compiler/policy, the policy files): this file only places them in roles.
 */
import type { ResolvedConfig } from '../config/resolved-config';
import { toLogicalId } from '../model/names';
import { assertNever, getAtt, type Json, type JsonObject, type ResourceEntry } from './cfn';
import { settingsOf, type LambdaPlan } from './sam-plan';

/** Where the functions' permissions come from. */
export type PolicyInput =
  /** Generated (`generatedPolicy`): one `DefaultRole` shared by every function, with `document`. */
  | { mode: 'autogen'; document: JsonObject }
  /** `autogen_policy: false`: the policy file's document for each function name. */
  | { mode: 'file'; documents: Readonly<Record<string, JsonObject>> }
  /** `manage_iam_role: false`: each function uses its `iam_role_arn`. */
  | { mode: 'none' };

/** A function's role: a role resource of this template, or the ARN of an existing one. */
export type FunctionRole = { kind: 'managed'; role: ResourceEntry } | { kind: 'existing'; arn: string };

export function roleProperty(role: FunctionRole): Json {
  return role.kind === 'managed' ? getAtt(role.role.id, 'Arn') : role.arn;
}

/** The role of each planned function, by function name; a shared role is one object. */
export function functionRoles(
  plans: readonly LambdaPlan[],
  policy: PolicyInput,
  config: ResolvedConfig,
): Map<string, FunctionRole> {
  switch (policy.mode) {
    case 'autogen': {
      const shared: FunctionRole = { kind: 'managed', role: roleEntry('DefaultRole', policy.document) };
      return new Map(plans.map((plan) => [plan.name, shared]));
    }
    case 'file':
      return new Map(plans.map((plan) => [plan.name, fileRole(plan, policy.documents)]));
    case 'none':
      return new Map(plans.map((plan) => [plan.name, existingRole(plan, config)]));
    default:
      return assertNever(policy);
  }
}

function fileRole(plan: LambdaPlan, documents: Readonly<Record<string, JsonObject>>): FunctionRole {
  const document = documents[plan.name];
  if (!document) throw new Error(`appc internal error: no IAM policy document was read for function ${plan.name}`);
  return { kind: 'managed', role: roleEntry(toLogicalId(`${plan.name}_role`), document) };
}

function existingRole(plan: LambdaPlan, config: ResolvedConfig): FunctionRole {
  const arn = settingsOf(config, plan.name).iamRoleArn;
  if (arn === undefined)
    throw new Error(`appc internal error: manage_iam_role is false but ${plan.name} has no iam_role_arn`);
  return { kind: 'existing', arn };
}

function roleEntry(id: string, document: JsonObject): ResourceEntry {
  return {
    id,
    resource: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            { Sid: '', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        },
        Policies: [{ PolicyDocument: document, PolicyName: `${id}Policy` }],
      },
    },
  };
}
