import { refName, type JsonSchema, type JsonSchemaType } from '../model/json-schema';

/** How a `$ref`'s definition is spelled in the generated declarations (see `declarationNames`). */
export type TypeNames = ReadonlyMap<string, string>;

/**
 * The TypeScript type of a JSON Schema (README "Models"), written out in full so that the client's
 * declarations need no generic inference: `$ref` -> the definition's name, `enum` -> a union of literals,
 * `anyOf`/`oneOf` -> a union, `allOf` -> an intersection, objects -> object literal types (nested ones indented
 * from `indent`), tuples -> tuple types. A schema that constrains nothing is `unknown`.
 */
export function schemaType(schema: JsonSchema, names: TypeNames, indent = ''): string {
  return typed(schema, names, indent).text;
}

/** A type's text, and whether it is a union or intersection (to be parenthesized inside another type). */
interface Typed {
  readonly text: string;
  readonly compound: boolean;
}

function typed(schema: JsonSchema, names: TypeNames, indent: string): Typed {
  if (schema.$ref !== undefined) return atom(refType(schema.$ref, names));
  if (schema.enum !== undefined) return union(schema.enum.map((value) => atom(JSON.stringify(value))));
  const parts: Typed[] = [];
  if (schema.anyOf) parts.push(union(schema.anyOf.map((s) => typed(s, names, indent))));
  if (schema.oneOf) parts.push(union(schema.oneOf.map((s) => typed(s, names, indent))));
  for (const member of schema.allOf ?? []) parts.push(typed(member, names, indent));
  const own = ownType(schema, names, indent);
  if (own !== undefined) parts.push(own);
  if (parts.length === 0) return atom('unknown');
  if (parts.length === 1) return parts[0];
  return { text: parts.map(parenthesized).join(' & '), compound: true };
}

const atom = (text: string): Typed => ({ text, compound: false });

function refType(ref: string, names: TypeNames): string {
  const name = refName(ref);
  return (name !== undefined && names.get(name)) || 'unknown';
}

/** The type the schema's `type` keyword (or, without one, its object or array keywords) gives; none: undefined. */
function ownType(schema: JsonSchema, names: TypeNames, indent: string): Typed | undefined {
  const types = typeList(schema);
  if (types.length === 0) return undefined;
  return union(types.map((type) => atom(typeOf(type, schema, names, indent))));
}

function typeList(schema: JsonSchema): JsonSchemaType[] {
  if (schema.type !== undefined) return Array.isArray(schema.type) ? schema.type : [schema.type];
  if (schema.properties !== undefined || schema.additionalProperties !== undefined) return ['object'];
  if (schema.items !== undefined) return ['array'];
  return [];
}

function typeOf(type: JsonSchemaType, schema: JsonSchema, names: TypeNames, indent: string): string {
  switch (type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return type;
    case 'integer':
      return 'number';
    case 'array':
      return arrayType(schema, names, indent);
    case 'object':
      return objectType(schema, names, indent);
  }
}

/** `T[]`, or a tuple for `items: [...]` (optional elements past `minItems`, a rest element unless closed). */
function arrayType(schema: JsonSchema, names: TypeNames, indent: string): string {
  const items = schema.items;
  if (items === undefined) return 'unknown[]';
  if (!Array.isArray(items)) return `${parenthesized(typed(items, names, indent))}[]`;
  const min = schema.minItems ?? 0;
  const elements = items.map((item, i) =>
    i >= min ? `${parenthesized(typed(item, names, indent))}?` : schemaType(item, names, indent),
  );
  const rest = schema.additionalItems;
  if (rest !== false) {
    const restType = rest === undefined || rest === true ? atom('unknown') : typed(rest, names, indent);
    elements.push(`...${parenthesized(restType)}[]`);
  }
  return `[${elements.join(', ')}]`;
}

/**
 * An object literal type. `additionalProperties` as a schema is an index signature (of `unknown` beside declared
 * properties, whose types TypeScript requires to fit it); an object with neither properties nor a closed shape
 * is any JSON object.
 */
export function objectType(schema: JsonSchema, names: TypeNames, indent: string): string {
  const inner = `${indent}  `;
  const required = new Set(schema.required ?? []);
  const members = Object.entries(schema.properties ?? {}).map(
    ([name, property]) =>
      docComment(schemaDoc(property), inner) +
      `${inner}${propertyKey(name)}${required.has(name) ? '' : '?'}: ${schemaType(property, names, inner)};\n`,
  );
  const extra = schema.additionalProperties;
  if (typeof extra === 'object') {
    const valueType = members.length > 0 ? 'unknown' : schemaType(extra, names, inner);
    members.push(`${inner}[key: string]: ${valueType};\n`);
  } else if (members.length === 0 && extra !== false) members.push(`${inner}[key: string]: unknown;\n`);
  return members.length === 0 ? '{}' : `{\n${members.join('')}${indent}}`;
}

/** JSDoc tags for the keywords a TypeScript type cannot say (README "Models" reads the same tags). */
const DOC_TAGS = [
  'format',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'exclusiveMinimum',
  'maximum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'default',
  'example',
] as const;

/** A schema's description, then one `@tag value` line per constraint; undefined when it has neither. */
export function schemaDoc(schema: JsonSchema): string | undefined {
  const tags = DOC_TAGS.flatMap((tag) => {
    const value = schema[tag];
    if (value === undefined) return [];
    return [
      `@${tag} ${typeof value === 'string' && tag !== 'default' && tag !== 'example' ? value : JSON.stringify(value)}`,
    ];
  });
  const lines = [...(schema.description !== undefined ? [schema.description] : []), ...tags];
  return lines.length > 0 ? lines.join('\n') : undefined;
}

/** A property name as written in a type: bare when it is an identifier, else quoted. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

/** A JSDoc comment of `text` at `indent` (`*\/` defused), or nothing. */
export function docComment(text: string | undefined, indent: string): string {
  if (text === undefined || text.trim() === '') return '';
  const lines = text.replace(/\*\//g, '*\\/').split('\n');
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((line) => `${indent} *${line === '' ? '' : ` ${line}`}\n`).join('')}${indent} */\n`;
}

function union(members: Typed[]): Typed {
  const unique = [...new Set(members.map((member) => member.text))];
  if (unique.length === 0) return atom('never');
  return unique.length === 1 ? atom(unique[0]) : { text: unique.join(' | '), compound: true };
}

/** Parentheses around a union or intersection used as an array element or an intersection member. */
function parenthesized(type: Typed): string {
  return type.compound ? `(${type.text})` : type.text;
}
