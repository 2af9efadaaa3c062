/** IAM building blocks for the pipeline template: statements and roles with inline policies. */
import type { Json, JsonObject } from '../emit/cfn';

/** An `Allow` statement; `Sid`s are fixed strings so the template is the same on every run. */
export function allow(sid: string, actions: string[], resource: Json | Json[], condition?: JsonObject): JsonObject {
  const statement: JsonObject = { Sid: sid, Effect: 'Allow', Action: actions, Resource: resource };
  if (condition) statement.Condition = condition;
  return statement;
}

/**
 * A role that `service` assumes, with one inline policy. Inline, so the permissions exist
 * as soon as the role does: a separate `AWS::IAM::Policy` could attach after the pipeline's
 * first run had started.
 */
export function serviceRole(service: string, policyName: string, statements: JsonObject[]): JsonObject {
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
      },
      Policies: [{ PolicyName: policyName, PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
    },
  };
}
