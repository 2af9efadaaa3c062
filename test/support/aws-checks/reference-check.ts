/**
 * Checks that every `Ref`, `Fn::GetAtt` and `Fn::Sub` variable (`${X}`, `${X.Attr}`)
 * in a template names a resource, a parameter, a pseudo parameter or a variable of the
 * Sub's own map; and that GetAtt attributes exist for the target's type.
 */
import { specResource } from './resource-spec-check';
import { walk, type Template } from './template-walk';

// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html
const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

/**
 * GetAtt on a SAM function or API reaches the resource SAM generates
 * (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-generated-resources-function.html).
 */
const SAM_GENERATED_TYPE: Record<string, string> = {
  'AWS::Serverless::Function': 'AWS::Lambda::Function',
  'AWS::Serverless::Api': 'AWS::ApiGateway::RestApi',
};

/**
 * `Ref` names SAM resolves to a resource it generates: `<Api>.Stage`, `<Api>.Deployment`,
 * `<Function>.Alias`, `<Function>.Version` (the "referenceable property" of each generated resource,
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-generated-resources.html).
 */
const SAM_REFERENCEABLE: Record<string, readonly string[]> = {
  'AWS::Serverless::Api': ['Stage', 'Deployment'],
  'AWS::Serverless::Function': ['Alias', 'Version'],
};

function samReferenceable(name: string, resources: NonNullable<Template['Resources']>): boolean {
  const dot = name.indexOf('.');
  const type = dot === -1 ? undefined : resources[name.slice(0, dot)]?.Type;
  return type !== undefined && (SAM_REFERENCEABLE[type] ?? []).includes(name.slice(dot + 1));
}

export function checkReferences(template: Template): string[] {
  const resources = template.Resources ?? {};
  const parameters = Object.keys((template.Parameters as Record<string, unknown> | undefined) ?? {});
  const errors: string[] = [];
  const refTarget = (name: string, path: string) => {
    const known = name in resources || parameters.includes(name) || PSEUDO_PARAMETERS.has(name);
    if (!known && !samReferenceable(name, resources)) {
      errors.push(`${path}: ${name} is not a resource, parameter or pseudo parameter`);
    }
  };
  const attTarget = (name: string, attribute: string, path: string) => {
    // `${Fn.Alias}` in an Fn::Sub is the referenceable property too, as SAM resolves it there as well.
    if (path.endsWith('(Fn::Sub)') && samReferenceable(`${name}.${attribute}`, resources)) return;
    const type = resources[name]?.Type;
    if (!type) return errors.push(`${path}: GetAtt target ${name} is not a resource`);
    const spec = specResource(SAM_GENERATED_TYPE[type] ?? type);
    if (spec && !(attribute in spec.attributes)) errors.push(`${path}: ${type} has no attribute ${attribute}`);
  };
  walk(template, '$', (node, path) => {
    if (typeof node.Ref === 'string') refTarget(node.Ref, path);
    const getAtt = node['Fn::GetAtt'];
    if (getAtt !== undefined) checkGetAtt(getAtt, path, attTarget, errors);
    const subValue = node['Fn::Sub'];
    if (subValue !== undefined) checkSub(subValue, path, refTarget, attTarget, errors);
  });
  return errors;
}

type AttTarget = (name: string, attribute: string, path: string) => void;

function checkGetAtt(value: unknown, path: string, attTarget: AttTarget, errors: string[]): void {
  const parts = typeof value === 'string' ? value.split('.') : value;
  if (!Array.isArray(parts) || parts.length !== 2 || parts.some((p) => typeof p !== 'string')) {
    errors.push(`${path}: malformed Fn::GetAtt ${JSON.stringify(value)}`);
    return;
  }
  attTarget(parts[0], parts[1], path);
}

function checkSub(
  value: unknown,
  path: string,
  refTarget: (n: string, p: string) => void,
  attTarget: AttTarget,
  errors: string[],
): void {
  const [text, variables] = Array.isArray(value) ? value : [value, {}];
  if (typeof text !== 'string' || typeof variables !== 'object' || variables === null) {
    errors.push(`${path}: malformed Fn::Sub ${JSON.stringify(value)}`);
    return;
  }
  // `${!Literal}` is an escaped literal, not a variable.
  for (const [, name] of text.matchAll(/\$\{(?!!)([^}]*)\}/g)) {
    if (name in variables) continue;
    const dot = name.indexOf('.');
    if (dot === -1 || name.startsWith('AWS::')) refTarget(name, `${path} (Fn::Sub)`);
    else attTarget(name.slice(0, dot), name.slice(dot + 1), `${path} (Fn::Sub)`);
  }
}
