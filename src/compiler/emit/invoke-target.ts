/**
 * How the template names a function for whatever invokes it (README "Stages"). With `lambda_alias`,
 * SAM publishes a version and moves the alias on each deploy (AutoPublishAlias), and binds the event
 * sources it generates to the alias; it does not rewrite a `DefinitionBody` swagger or a permission the
 * template writes itself (the trap of serverless#7059). Those name the alias through SAM's referenceable
 * property `<LogicalId>.Alias` ("Generated CloudFormation resources for AWS SAM"), so that nothing
 * invokes `$LATEST`.
 */
import { getAtt, ref, type JsonObject } from './cfn';

/** `{"Ref": "<id>.Alias"}`: the ARN of the alias SAM generates for the function. */
export function aliasRef(logicalId: string): JsonObject {
  return ref(`${logicalId}.Alias`);
}

/** The ARN to invoke: the alias's with an alias, the function's without. */
export function invokedArn(logicalId: string, alias: string | undefined): JsonObject {
  return alias === undefined ? getAtt(logicalId, 'Arn') : aliasRef(logicalId);
}

/** The same ARN as an `Fn::Sub` variable: `<id>.Alias` or `<id>.Arn`. */
export function invokedArnVariable(logicalId: string, alias: string | undefined): string {
  return alias === undefined ? `${logicalId}.Arn` : `${logicalId}.Alias`;
}
