/**
 * Checks the CloudFormation that SAM's translator made of a template with `AutoPublishAlias`
 * (README "Stages"): each aliased function has its alias and a version, a function with a
 * `DeploymentPreference` has the CodeDeploy application and deployment group, and nothing that
 * invokes a function (permission, event source, subscription, rule target, API integration or
 * authorizer URI) names the function itself, which would invoke `$LATEST` (serverless#7059).
 */
import { isPlainObject, walk, type Template } from './template-walk';

/** Resource types that invoke a Lambda function, and where they name it. */
const INVOKERS: Record<string, string> = {
  'AWS::Lambda::Permission': 'FunctionName',
  'AWS::Lambda::EventSourceMapping': 'FunctionName',
  'AWS::SNS::Subscription': 'Endpoint',
  'AWS::Events::Rule': 'Targets',
  'AWS::ApiGateway::RestApi': 'Body',
  'AWS::ApiGateway::Authorizer': 'AuthorizerUri',
  'AWS::ApiGatewayV2::Integration': 'IntegrationUri',
};

/** Every problem found, empty when the translated template is right; `invokers` counts what was checked. */
export function checkAliasedInvokers(sam: Template, translated: Template): { problems: string[]; invokers: number } {
  const aliased = aliasedFunctions(sam);
  const resources = translated.Resources ?? {};
  const problems = [...aliased].flatMap(([id, fn]) => generatedResources(id, fn, resources));
  let invokers = 0;
  for (const [id, resource] of Object.entries(resources)) {
    const property = INVOKERS[resource.Type ?? ''];
    if (!property || resource.Properties?.[property] === undefined) continue;
    invokers++;
    for (const name of referencedNames(resource.Properties[property])) {
      if (aliased.has(name)) problems.push(`${id} (${resource.Type}) invokes ${name} unqualified, not its alias`);
    }
  }
  return { problems, invokers };
}

interface AliasedFunction {
  alias: string;
  preference?: Record<string, unknown>;
}

function aliasedFunctions(sam: Template): Map<string, AliasedFunction> {
  const functions = new Map<string, AliasedFunction>();
  for (const [id, resource] of Object.entries(sam.Resources ?? {})) {
    const alias = resource.Properties?.AutoPublishAlias;
    if (resource.Type !== 'AWS::Serverless::Function' || typeof alias !== 'string') continue;
    const preference = resource.Properties?.DeploymentPreference;
    functions.set(id, { alias, preference: isPlainObject(preference) ? preference : undefined });
  }
  return functions;
}

/** SAM names the alias `<id>Alias<name>` (- and _ spelled D and U) and the deployment group `<id>DeploymentGroup`. */
function generatedResources(id: string, fn: AliasedFunction, resources: NonNullable<Template['Resources']>): string[] {
  const problems: string[] = [];
  const aliasId = `${id}Alias${fn.alias.replace(/-/g, 'D').replace(/_/g, 'U')}`;
  const alias = resources[aliasId];
  if (alias?.Type !== 'AWS::Lambda::Alias' || alias.Properties?.Name !== fn.alias) {
    problems.push(`${id}: no AWS::Lambda::Alias ${aliasId} named ${fn.alias}`);
  }
  const versions = Object.values(resources).filter(
    (r) =>
      r.Type === 'AWS::Lambda::Version' && JSON.stringify(r.Properties?.FunctionName) === JSON.stringify({ Ref: id }),
  );
  if (versions.length !== 1) problems.push(`${id}: ${versions.length} AWS::Lambda::Version resources, expected 1`);
  if (!fn.preference) return problems;
  if (resources.ServerlessDeploymentApplication?.Type !== 'AWS::CodeDeploy::Application') {
    problems.push(`${id}: no AWS::CodeDeploy::Application ServerlessDeploymentApplication`);
  }
  const group = resources[`${id}DeploymentGroup`];
  const config = JSON.stringify(group?.Properties?.DeploymentConfigName ?? null);
  if (group?.Type !== 'AWS::CodeDeploy::DeploymentGroup' || !config.includes(String(fn.preference.Type))) {
    problems.push(`${id}: no AWS::CodeDeploy::DeploymentGroup ${id}DeploymentGroup for ${String(fn.preference.Type)}`);
  }
  return problems;
}

/** Logical IDs named by `Ref`, `Fn::GetAtt` and `${Id}` / `${Id.Attr}` in `Fn::Sub` below `value`. */
function referencedNames(value: unknown): string[] {
  const names: string[] = [];
  walk(value, '', (node) => {
    // A `Ref` to `Fn.Alias` left unresolved counts as naming `Fn`: the translator should have replaced it.
    if (typeof node.Ref === 'string') names.push(node.Ref.split('.')[0]);
    const getAtt = node['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') names.push(getAtt[0]);
    const sub = node['Fn::Sub'];
    const text = Array.isArray(sub) ? sub[0] : sub;
    if (typeof text === 'string') {
      for (const [, name] of text.matchAll(/\$\{(?!!)([^}.]*)[^}]*\}/g)) names.push(name);
    }
  });
  return names;
}
