import { mapProperties, type JsonSchema, type SchemaDefinitions } from './json-schema';

/**
 * The part of a schema API Gateway models enforce. Models are JSON Schema draft 4, and
 * API Gateway documents keywords it does not support in them ("Amazon API Gateway
 * important notes for REST APIs",
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-known-issues.html#api-gateway-known-issues-rest-apis):
 *
 * - `additionalProperties` and `anyOf` "are not supported in Models": a record's value
 *   type and a union of non-literal types (including `T | null` of a named type) are not
 *   checked at the gateway.
 * - `oneOf` "is not supported"; `allOf` was listed with them in earlier versions of the
 *   page. appc writes neither, but any that arrive are dropped.
 * - `discriminator`, `example` and `readOnly` "are not supported" (annotations: nothing is
 *   lost for validation).
 * - `exclusiveMinimum` "is not supported": the minimum is checked inclusively.
 * - `maxItems` and `minItems` "are not included in simple request validation": array
 *   lengths (and tuple lengths) are left to the runtime; dropping them here keeps
 *   `appc local`'s gateway check what the deployed gateway checks.
 * - `Int32`/`Int64` and `decimal` number formats "are not supported": a number's
 *   `format` is dropped.
 * - Models reach API Gateway through the swagger document, and Swagger 2.0's Schema Object
 *   has no tuples (`items` is one schema, no `additionalItems`): a tuple's elements are
 *   checked only when they all have one schema (`[number, number]`), its length never.
 *
 * Every rule removes a constraint and adds none (a `not` that would lose a keyword goes
 * whole), so the model accepts everything the full schema accepts: the gateway never
 * rejects a request the handler's types allow, and the runtime enforces the whole schema
 * after it. (API Gateway's other rule, that a method
 * response's schema be an object or a `$ref`, holds because every root is a `$ref`.)
 */
export function gatewayModelSchema(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema) as Array<[keyof JsonSchema, unknown]>) {
    const tuple = key === 'items' && Array.isArray(value) && !sameSchemas(value as JsonSchema[]);
    const unsupported = tuple || DROPPED.has(key) || (key === 'format' && isNumeric(schema));
    if (unsupported || (key === 'not' && !keepsAll(value as JsonSchema))) continue;
    (out as Record<string, unknown>)[key] = gatewayValue(key, value);
  }
  return out;
}

/** `gatewayModelSchema` of every definition (names and order unchanged). */
export function gatewayModelDefinitions(definitions: SchemaDefinitions): SchemaDefinitions {
  return mapProperties(definitions, gatewayModelSchema);
}

/** Keywords API Gateway models do not support (see above); `discriminator` and `readOnly` are never written by appc. */
const DROPPED: ReadonlySet<string> = new Set([
  'additionalProperties',
  'anyOf',
  'oneOf',
  'allOf',
  'discriminator',
  'example',
  'readOnly',
  'exclusiveMinimum',
  'minItems',
  'maxItems',
  'additionalItems',
]);

/**
 * Whether the gateway keeps every keyword of `schema`. A `not` is kept only then: dropping
 * a constraint inside `not` would make it reject more, not less.
 */
function keepsAll(schema: JsonSchema): boolean {
  return JSON.stringify(gatewayModelSchema(schema)) === JSON.stringify(schema);
}

/** Whether a tuple's element schemas are all one schema (and there is at least one). */
function sameSchemas(items: readonly JsonSchema[]): boolean {
  return items.length > 0 && items.every((item) => JSON.stringify(item) === JSON.stringify(items[0]));
}

function isNumeric(schema: JsonSchema): boolean {
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  return types.some((t) => t === 'number' || t === 'integer');
}

function gatewayValue(key: keyof JsonSchema, value: unknown): unknown {
  switch (key) {
    case 'items':
      return gatewayModelSchema(Array.isArray(value) ? (value[0] as JsonSchema) : (value as JsonSchema));
    case 'properties':
      return mapProperties(value as Record<string, JsonSchema>, gatewayModelSchema);
    default:
      return value;
  }
}
