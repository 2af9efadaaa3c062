import type { Json, JsonObject } from '../model/json';
import { orderSchema, refName, type JsonSchema } from '../model/json-schema';

/**
 * A draft-4 schema (the model's, README "Models") in OpenAPI 3.1's dialect, JSON Schema 2020-12
 * (https://spec.openapis.org/oas/v3.1.0#schema-object): refs point into `components/schemas`, boolean
 * `exclusiveMinimum`/`exclusiveMaximum` become the numbers they qualify, tuple `items` become `prefixItems` (with
 * `additionalItems` as `items`), and `example` becomes `examples`.
 */
export function openApiSchema(schema: JsonSchema): JsonObject {
  const out: JsonObject = {};
  const ordered = orderSchema(schema) as Record<string, unknown>;
  for (const [key, value] of Object.entries(ordered)) Object.assign(out, convertKeyword(key, value, schema));
  return out;
}

function convertKeyword(key: string, value: unknown, schema: JsonSchema): JsonObject {
  switch (key) {
    case '$ref':
      return { $ref: `#/components/schemas/${refName(value as string) ?? ''}` };
    case 'minimum':
      return schema.exclusiveMinimum === true ? {} : { minimum: value as number };
    case 'maximum':
      return schema.exclusiveMaximum === true ? {} : { maximum: value as number };
    case 'exclusiveMinimum':
      return value === true && schema.minimum !== undefined ? { exclusiveMinimum: schema.minimum } : {};
    case 'exclusiveMaximum':
      return value === true && schema.maximum !== undefined ? { exclusiveMaximum: schema.maximum } : {};
    case 'items':
      return Array.isArray(value) ? { prefixItems: value.map(openApiSchema) } : { items: sub(value) };
    case 'additionalItems':
      return Array.isArray(schema.items) ? { items: sub(value) } : {};
    case 'not':
    case 'additionalProperties':
      return { [key]: sub(value) };
    case 'properties':
      return { properties: mapValues(value as Record<string, JsonSchema>) };
    case 'anyOf':
    case 'allOf':
    case 'oneOf':
      return { [key]: (value as JsonSchema[]).map(openApiSchema) };
    case 'example':
      return { examples: [value as Json] };
    default:
      return { [key]: value as Json };
  }
}

function sub(value: unknown): Json {
  return typeof value === 'boolean' ? value : openApiSchema(value as JsonSchema);
}

function mapValues(properties: Record<string, JsonSchema>): JsonObject {
  return Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, openApiSchema(schema)]));
}
