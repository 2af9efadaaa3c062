/**
 * Checks resources' `Properties` against the AWS resource specification that `@aws-cdk/aws-service-spec`
 * ships (the CloudFormation registry schemas, SAM's types included): known property names, value types down
 * through nested property types, allowed values, and required properties present. The tests hold appc's own
 * templates to it; `appc package` holds a `--merge-template` result to it.
 */
import type { PropertyType, Resource, ResourceProperties, TypeDefinition } from '@aws-cdk/service-spec-types';
import type { JsonPath } from '../config/config-lookup';

type SpecDatabase = ReturnType<typeof import('@aws-cdk/aws-service-spec').loadAwsServiceSpecSync>;
let database: SpecDatabase | undefined;

/** The spec database, loaded once and only when asked for (0.5 s or more: it is the whole specification). */
export function specDatabase(): SpecDatabase {
  database ??= (
    require('@aws-cdk/aws-service-spec') as typeof import('@aws-cdk/aws-service-spec')
  ).loadAwsServiceSpecSync();
  return database;
}

export function specResource(type: string): Resource | undefined {
  const found = specDatabase().lookup('resource', 'cloudFormationType', 'equals', type);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * One problem: where in the template (`['Resources', 'Api', 'Properties', 'MemorySize']`), what, and its kind:
 * `mismatch` (a wrong type, a required property missing) contradicts the specification; `unknown` (a resource
 * type, property or allowed value it does not list) may be newer than the specification this appc ships.
 */
export interface SpecProblem {
  readonly path: JsonPath;
  readonly message: string;
  readonly kind: 'mismatch' | 'unknown';
  /** Where to point, when it is more precise than `path`: an unknown property's key, a resource's `Type` value. */
  readonly target?: { readonly path: JsonPath; readonly part: 'key' | 'value' };
}

/** A template resource as the check reads it. */
export interface TemplateResource {
  readonly Type?: unknown;
  readonly Properties?: unknown;
}

/**
 * Properties the spec's copy of the SAM event schemas lacks although SAM documents them,
 * by property-type name.
 */
const SAM_SPEC_GAPS: Record<string, readonly string[]> = {
  // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-sqs.html
  SQSEvent: ['MaximumBatchingWindowInSeconds', 'ScalingConfig'],
  // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-kinesis.html
  KinesisEvent: ['MaximumBatchingWindowInSeconds'],
  // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html#sam-function-autopublishaliasallproperties
  'AWS::Serverless::Function': ['AutoPublishAliasAllProperties'],
};

/** Every problem of the resources `ids` (default: all); empty when they are valid. */
export function checkResources(
  resources: Readonly<Record<string, TemplateResource>>,
  ids: readonly string[] = Object.keys(resources),
): SpecProblem[] {
  return ids.flatMap((id) => {
    const resource = resources[id];
    const spec = typeof resource?.Type === 'string' ? specResource(resource.Type) : undefined;
    if (!spec) {
      const unknown = problem(['Resources', id], `unknown resource type ${String(resource?.Type)}`, 'unknown');
      return [{ ...unknown, target: { path: ['Resources', id, 'Type'], part: 'value' } }];
    }
    const path = ['Resources', id, 'Properties'];
    return checkObject(resource.Properties ?? {}, spec.properties, path, spec.cloudFormationType);
  });
}

/** `Resources.Api.Properties.Policies[0].PolicyName`. */
export function formatSpecPath(path: JsonPath): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function checkObject(value: unknown, properties: ResourceProperties, path: JsonPath, typeName: string): SpecProblem[] {
  if (isIntrinsic(value)) return [];
  if (!isPlainObject(value)) return [problem(path, `expected an object (${typeName}), got ${describe(value)}`)];
  const problems: SpecProblem[] = [];
  for (const [name, property] of Object.entries(properties)) {
    if (property.required && !(name in value)) problems.push(problem(path, `required property ${name} is missing`));
  }
  for (const [name, child] of Object.entries(value)) {
    const property = properties[name];
    if (property) problems.push(...checkValue(child, property.type, [...path, name], value));
    else if (!SAM_SPEC_GAPS[typeName]?.includes(name))
      problems.push({
        ...problem(path, `unknown property ${name} of ${typeName}`, 'unknown'),
        target: { path: [...path, name], part: 'key' },
      });
  }
  return problems;
}

/** `parent` lets a union pick the member a sibling `Type` names (SAM's event `Properties`). */
function checkValue(
  value: unknown,
  type: PropertyType,
  path: JsonPath,
  parent?: Record<string, unknown>,
): SpecProblem[] {
  if (isIntrinsic(value)) return [];
  switch (type.type) {
    case 'string':
    case 'date-time':
      if (typeof value !== 'string') return [expected(path, 'a string', value)];
      return allowed(value, 'allowedValues' in type ? type.allowedValues : undefined, path);
    case 'number':
      return typeof value === 'number' ? [] : [expected(path, 'a number', value)];
    case 'integer':
      if (!Number.isInteger(value)) return [expected(path, 'an integer', value)];
      return allowed(value as number, type.allowedValues, path);
    case 'boolean':
      return typeof value === 'boolean' ? [] : [expected(path, 'a boolean', value)];
    case 'null':
      return value === null ? [] : [expected(path, 'null', value)];
    case 'json':
      return [];
    case 'tag':
      return checkTag(value, path);
    case 'ref':
      return checkDefinition(value, specDatabase().get('typeDefinition', type.reference), path);
    case 'array':
      if (!Array.isArray(value)) return [expected(path, 'an array', value)];
      return value.flatMap((item, i) => checkValue(item, type.element, [...path, i]));
    case 'map':
      if (!isPlainObject(value)) return [expected(path, 'a map', value)];
      return Object.entries(value).flatMap(([k, v]) => checkValue(v, type.element, [...path, k]));
    case 'union':
      return checkUnion(value, type.types, path, parent);
    default:
      return [problem(path, `the checker does not know spec type ${JSON.stringify(type)}`)];
  }
}

function checkDefinition(value: unknown, definition: TypeDefinition, path: JsonPath): SpecProblem[] {
  return checkObject(value, definition.properties, path, definition.name);
}

/** Valid when any member accepts the value; else the problems of the closest member. */
function checkUnion(
  value: unknown,
  types: PropertyType[],
  path: JsonPath,
  parent?: Record<string, unknown>,
): SpecProblem[] {
  const named = typeof parent?.Type === 'string' ? memberNamed(types, `${parent.Type}Event`) : undefined;
  if (named) return checkValue(value, named, path);
  const results = types.map((member) => checkValue(value, member, path));
  if (results.some((problems) => problems.length === 0)) return [];
  return results.reduce((best, problems) => (problems.length < best.length ? problems : best));
}

function memberNamed(types: PropertyType[], name: string): PropertyType | undefined {
  return types.find(
    (member) => member.type === 'ref' && specDatabase().get('typeDefinition', member.reference).name === name,
  );
}

function checkTag(value: unknown, path: JsonPath): SpecProblem[] {
  const ok =
    isPlainObject(value) &&
    typeof value.Key === 'string' &&
    (typeof value.Value === 'string' || isIntrinsic(value.Value));
  return ok ? [] : [expected(path, 'a {Key, Value} tag', value)];
}

function allowed<T>(value: T, values: readonly T[] | undefined, path: JsonPath): SpecProblem[] {
  if (!values || values.includes(value)) return [];
  return [problem(path, `${JSON.stringify(value)} is not one of ${JSON.stringify(values)}`, 'unknown')];
}

function expected(path: JsonPath, what: string, value: unknown): SpecProblem {
  return problem(path, `expected ${what}, got ${describe(value)}`);
}

function problem(path: JsonPath, message: string, kind: SpecProblem['kind'] = 'mismatch'): SpecProblem {
  return { path, message, kind };
}

function describe(value: unknown): string {
  return JSON.stringify(value)?.slice(0, 80) ?? String(value);
}

/** `{ "Ref": ... }` or `{ "Fn::Xxx": ... }`: CloudFormation resolves it, so any property type accepts it. */
export function isIntrinsic(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
