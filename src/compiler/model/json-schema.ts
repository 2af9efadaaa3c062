/**
 * JSON Schema as appc's model holds it: plain, JSON-serialisable data, produced by
 * analysis from the handlers' TypeScript types (README "Models") and consumed by the
 * swagger emitter, the runtime validators and `appc local`.
 *
 * The keywords are the draft-4 vocabulary (the one API Gateway models use), plus
 * `example` (an OpenAPI 2.0 schema keyword). References are always local,
 * `#/definitions/<Name>`, as in a swagger document's `definitions`.
 */
export type JsonSchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'array' | 'object';

/** A JSON value (`enum` members, `default`, `example`). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface JsonSchema {
  $ref?: string;
  description?: string;
  type?: JsonSchemaType | JsonSchemaType[];
  enum?: JsonValue[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  multipleOf?: number;
  items?: JsonSchema | JsonSchema[];
  additionalItems?: boolean | JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  not?: JsonSchema;
  default?: JsonValue;
  example?: JsonValue;
}

/** Every keyword, in the order appc writes them: a schema's keys come out in this order whatever built it. */
export const SCHEMA_KEYWORDS: ReadonlyArray<keyof JsonSchema> = [
  '$ref',
  'description',
  'type',
  'enum',
  'format',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'exclusiveMinimum',
  'maximum',
  'exclusiveMaximum',
  'multipleOf',
  'items',
  'additionalItems',
  'minItems',
  'maxItems',
  'uniqueItems',
  'properties',
  'required',
  'additionalProperties',
  'anyOf',
  'allOf',
  'oneOf',
  'not',
  'default',
  'example',
];

/** Named schemas, as a swagger document's `definitions`: keys alphanumeric, sorted. */
export type SchemaDefinitions = Record<string, JsonSchema>;

/** `#/definitions/<name>`: how a schema refers to a named one. */
export function definitionRef(name: string): string {
  return `#/definitions/${name}`;
}

/** The definition name a `$ref` points at (`undefined` for anything but `#/definitions/<name>`). */
export function refName(ref: string): string | undefined {
  return ref.startsWith('#/definitions/') ? ref.slice('#/definitions/'.length) : undefined;
}

/** `properties` (or `definitions`) with `change` applied to each schema. */
export function mapProperties(
  properties: Record<string, JsonSchema>,
  change: (schema: JsonSchema) => JsonSchema,
): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, change(schema)]));
}

/** A copy of `schema` (and every schema inside it) with its keys in `SCHEMA_KEYWORDS` order. */
export function orderSchema(schema: JsonSchema): JsonSchema {
  const out: Record<string, unknown> = {};
  for (const key of SCHEMA_KEYWORDS) {
    const value = schema[key];
    if (value !== undefined) out[key] = orderValue(key, value);
  }
  return out as JsonSchema;
}

function orderValue(key: keyof JsonSchema, value: unknown): unknown {
  switch (key) {
    case 'items':
      return Array.isArray(value) ? value.map(orderSchema) : orderSchema(value as JsonSchema);
    case 'additionalItems':
    case 'additionalProperties':
      return typeof value === 'boolean' ? value : orderSchema(value as JsonSchema);
    case 'not':
      return orderSchema(value as JsonSchema);
    case 'anyOf':
    case 'allOf':
    case 'oneOf':
      return (value as JsonSchema[]).map(orderSchema);
    case 'properties':
      return mapProperties(value as Record<string, JsonSchema>, orderSchema);
    default:
      return value;
  }
}
