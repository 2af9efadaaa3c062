/**
 * Checks every resource's `Properties` against the AWS resource specification that
 * `@aws-cdk/aws-service-spec` ships (the CloudFormation registry schemas, SAM types
 * included): known property names, value types down through nested property types,
 * allowed values, and required properties present.
 */
import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';
import type { PropertyType, Resource, ResourceProperties, TypeDefinition } from '@aws-cdk/service-spec-types';
import { isIntrinsic, isPlainObject, type Template } from './template-walk';

type SpecDatabase = ReturnType<typeof loadAwsServiceSpecSync>;
let database: SpecDatabase | undefined;

/** The spec database, loaded once (about 0.5 s). */
export function specDatabase(): SpecDatabase {
  database ??= loadAwsServiceSpecSync();
  return database;
}

export function specResource(type: string): Resource | undefined {
  const found = specDatabase().lookup('resource', 'cloudFormationType', 'equals', type);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Properties the spec's copy of the SAM event schemas lacks although SAM documents them,
 * by property-type name. The SAM JSON schema check validates these strictly instead.
 */
const SAM_SPEC_GAPS: Record<string, readonly string[]> = {
  // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-sqs.html
  SQSEvent: ['MaximumBatchingWindowInSeconds', 'ScalingConfig'],
  // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-kinesis.html
  KinesisEvent: ['MaximumBatchingWindowInSeconds'],
  // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html#sam-function-autopublishaliasallproperties
  'AWS::Serverless::Function': ['AutoPublishAliasAllProperties'],
};

/** Every problem found, as `Resources.<Id>.Properties.<path>: message`; empty when valid. */
export function checkResourceSpec(template: Template): string[] {
  const errors: string[] = [];
  for (const [id, resource] of Object.entries(template.Resources ?? {})) {
    const spec = resource.Type ? specResource(resource.Type) : undefined;
    if (!spec) {
      errors.push(`Resources.${id}: unknown resource type ${String(resource.Type)}`);
      continue;
    }
    const path = `Resources.${id}.Properties`;
    errors.push(...checkObject(resource.Properties ?? {}, spec.properties, path, spec.cloudFormationType));
  }
  return errors;
}

function checkObject(value: unknown, properties: ResourceProperties, path: string, typeName: string): string[] {
  if (isIntrinsic(value)) return [];
  if (!isPlainObject(value)) return [`${path}: expected an object (${typeName}), got ${describe(value)}`];
  const errors: string[] = [];
  for (const [name, property] of Object.entries(properties)) {
    if (property.required && !(name in value)) errors.push(`${path}: required property ${name} is missing`);
  }
  for (const [name, child] of Object.entries(value)) {
    const property = properties[name];
    if (property) errors.push(...checkValue(child, property.type, `${path}.${name}`, value));
    else if (!SAM_SPEC_GAPS[typeName]?.includes(name)) errors.push(`${path}: unknown property ${name} of ${typeName}`);
  }
  return errors;
}

/** `parent` lets a union pick the member a sibling `Type` names (SAM's event `Properties`). */
function checkValue(value: unknown, type: PropertyType, path: string, parent?: Record<string, unknown>): string[] {
  if (isIntrinsic(value)) return [];
  switch (type.type) {
    case 'string':
    case 'date-time':
      if (typeof value !== 'string') return [`${path}: expected a string, got ${describe(value)}`];
      return allowed(value, 'allowedValues' in type ? type.allowedValues : undefined, path);
    case 'number':
      return typeof value === 'number' ? [] : [`${path}: expected a number, got ${describe(value)}`];
    case 'integer':
      if (!Number.isInteger(value)) return [`${path}: expected an integer, got ${describe(value)}`];
      return allowed(value as number, type.allowedValues, path);
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path}: expected a boolean, got ${describe(value)}`];
    case 'null':
      return value === null ? [] : [`${path}: expected null, got ${describe(value)}`];
    case 'json':
      return [];
    case 'tag':
      return checkTag(value, path);
    case 'ref':
      return checkDefinition(value, specDatabase().get('typeDefinition', type.reference), path);
    case 'array':
      if (!Array.isArray(value)) return [`${path}: expected an array, got ${describe(value)}`];
      return value.flatMap((item, i) => checkValue(item, type.element, `${path}[${i}]`));
    case 'map':
      if (!isPlainObject(value)) return [`${path}: expected a map, got ${describe(value)}`];
      return Object.entries(value).flatMap(([k, v]) => checkValue(v, type.element, `${path}.${k}`));
    case 'union':
      return checkUnion(value, type.types, path, parent);
    default:
      return [`${path}: the checker does not know spec type ${JSON.stringify(type)}`];
  }
}

function checkDefinition(value: unknown, definition: TypeDefinition, path: string): string[] {
  return checkObject(value, definition.properties, path, definition.name);
}

/** Valid when any member accepts the value; else the errors of the closest member. */
function checkUnion(value: unknown, types: PropertyType[], path: string, parent?: Record<string, unknown>): string[] {
  const named = typeof parent?.Type === 'string' ? memberNamed(types, `${parent.Type}Event`) : undefined;
  if (named) return checkValue(value, named, path);
  const results = types.map((member) => checkValue(value, member, path));
  if (results.some((errors) => errors.length === 0)) return [];
  return results.reduce((best, errors) => (errors.length < best.length ? errors : best));
}

function memberNamed(types: PropertyType[], name: string): PropertyType | undefined {
  return types.find(
    (member) => member.type === 'ref' && specDatabase().get('typeDefinition', member.reference).name === name,
  );
}

function checkTag(value: unknown, path: string): string[] {
  const ok =
    isPlainObject(value) &&
    typeof value.Key === 'string' &&
    (typeof value.Value === 'string' || isIntrinsic(value.Value));
  return ok ? [] : [`${path}: expected a {Key, Value} tag, got ${describe(value)}`];
}

function allowed<T>(value: T, values: readonly T[] | undefined, path: string): string[] {
  if (!values || values.includes(value)) return [];
  return [`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(values)}`];
}

function describe(value: unknown): string {
  return JSON.stringify(value)?.slice(0, 80) ?? String(value);
}
