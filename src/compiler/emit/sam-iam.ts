/**
 * IAM roles of the functions (CHALICE-PACKAGE.md §5.3) in the three modes the config
 * allows: one shared `DefaultRole` with the generated policy, one role per function with
 * the policy file's document, or an existing role's ARN.
 */
import type { ResolvedConfig } from '../config/resolved-config';
import { toLogicalId } from '../model/names';
import { assertNever, getAtt, type Json, type JsonObject, type ResourceEntry } from './cfn';
import { allowAll, eventSourceStatement } from './sam-events';
import { settingsOf, type LambdaPlan } from './sam-plan';

/** Where the functions' permissions come from. */
export type PolicyInput =
  /** Generated: `statements` from code analysis go before the CloudWatch Logs statement. */
  | { mode: 'autogen'; statements: JsonObject[] }
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
export function functionRoles(plans: readonly LambdaPlan[], policy: PolicyInput, config: ResolvedConfig): Map<string, FunctionRole> {
  switch (policy.mode) {
    case 'autogen': {
      const shared: FunctionRole = { kind: 'managed', role: roleEntry('DefaultRole', defaultPolicy(plans, policy.statements, config)) };
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
  if (arn === undefined) throw new Error(`appc internal error: manage_iam_role is false but ${plan.name} has no iam_role_arn`);
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
          Statement: [{ Sid: '', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        },
        Policies: [{ PolicyDocument: document, PolicyName: `${id}Policy` }],
      },
    },
  };
}

const LOGS_STATEMENT: JsonObject = {
  Effect: 'Allow',
  Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
  Resource: 'arn:*:logs:*:*:*',
};
const VPC_STATEMENT = allowAll([
  'ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DetachNetworkInterface', 'ec2:DeleteNetworkInterface',
]);
const XRAY_STATEMENT = allowAll(['xray:PutTraceSegments', 'xray:PutTelemetryRecords']);

/**
 * Analysis statements, CloudWatch Logs, then VPC and X-Ray when any function sharing the
 * role uses them (Chalice looks only at the API handler, and repeats the VPC statement),
 * then each polling event source's statement once, in order of first use.
 */
function defaultPolicy(plans: readonly LambdaPlan[], analysis: readonly JsonObject[], config: ResolvedConfig): JsonObject {
  const settings = plans.map((plan) => settingsOf(config, plan.name));
  const usesVpc = settings.some((s) => s.subnetIds.length > 0 && s.securityGroupIds.length > 0);
  const usesXray = settings.some((s) => s.xray);
  const statements = [
    ...withSids(analysis),
    LOGS_STATEMENT,
    ...(usesVpc ? [VPC_STATEMENT] : []),
    ...(usesXray ? [XRAY_STATEMENT] : []),
    ...plans.flatMap((plan) => (plan.fn ? [eventSourceStatement(plan.fn)] : [])).filter((s) => s !== undefined),
  ];
  return { Version: '2012-10-17', Statement: withoutDuplicates(statements) };
}

/** Drops a statement equal (Sid aside) to an earlier one. */
function withoutDuplicates(statements: readonly JsonObject[]): JsonObject[] {
  const seen = new Set<string>();
  return statements.filter((statement) => {
    const { Sid: _sid, ...content } = statement;
    const key = JSON.stringify(content);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Gives every statement a Sid derived from its content (its services in PascalCase:
 * `s3:GetObject` -> `S3`), numbered when two derive the same, so templates are reproducible.
 */
function withSids(statements: readonly JsonObject[]): JsonObject[] {
  const used = new Set(statements.map((s) => s.Sid).filter((sid): sid is string => typeof sid === 'string'));
  return statements.map((statement) => {
    if (typeof statement.Sid === 'string') return statement;
    const base = servicesOf(statement).map(toLogicalId).join('') || 'Statement';
    let sid = base;
    for (let n = 2; used.has(sid); n++) sid = `${base}${n}`;
    used.add(sid);
    return { ...statement, Sid: sid };
  });
}

function servicesOf(statement: JsonObject): string[] {
  const actions = ([] as Json[]).concat(statement.Action ?? statement.NotAction ?? []);
  const services = actions.filter((a): a is string => typeof a === 'string').map((a) => a.split(':')[0].trim());
  return [...new Set(services.filter(Boolean))];
}
