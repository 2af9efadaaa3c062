import { ts } from '../typescript';
import type { JsonSchema } from '../../model/json-schema';
import { withDocs } from './jsdoc-keywords';
import { aliasDocsAt } from './named-types';
import type { SchemaContext } from './schema-context';
import { withoutAbsent } from './union-schema';

/**
 * An object type (interface, type literal, intersection of object types, mapped type such
 * as `Record<string, T>` or `Partial<T>`): `properties` in the checker's order (own
 * members, then inherited ones), `required` for those neither optional nor possibly
 * `undefined`, and a string or number index signature as `additionalProperties`.
 * Other properties are allowed, as TypeScript's structural types allow them.
 */
export function objectSchema(ctx: SchemaContext, type: ts.Type, node: ts.Node): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const property of ctx.checker.getPropertiesOfType(type)) {
    if (!isJsonKey(property)) continue;
    const { schema, optional } = propertySchema(ctx, property, node);
    properties[property.name] = schema;
    if (!optional) required.push(property.name);
  }
  const index = indexSchema(ctx, type, node);
  return {
    type: 'object',
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
    ...(required.length > 0 ? { required } : {}),
    ...(index ? { additionalProperties: index } : {}),
  };
}

/** Symbol-keyed members (`[Symbol.iterator]`) and `#private` fields never reach JSON. */
function isJsonKey(property: ts.Symbol): boolean {
  return !property.name.startsWith('__@') && !property.name.startsWith('#');
}

function propertySchema(
  ctx: SchemaContext,
  property: ts.Symbol,
  node: ts.Node,
): { schema: JsonSchema; optional: boolean } {
  const declaration = property.valueDeclaration ?? property.declarations?.[0];
  const written = declaration && (ts.isPropertySignature(declaration) || ts.isPropertyDeclaration(declaration));
  const typeNode = written ? declaration.type : undefined;
  const site = typeNode ?? declaration ?? node;
  const { members, absent } = withoutAbsent(ctx.checker.getTypeOfSymbol(property));
  const optional = absent || (property.flags & ts.SymbolFlags.Optional) !== 0;
  const present = members.length === 1 ? members[0] : ctx.checker.getTypeOfSymbol(property);
  const converted = members.length === 0 ? { not: {} } : ctx.convert(present, site);
  const aliased = typeNode ? aliasDocsAt(ctx, converted, present, typeNode) : converted;
  return { schema: withDocs(ctx, aliased, property), optional };
}

/** A string index signature (or else a number one) as `additionalProperties`: what `Record<string, T>` holds. */
function indexSchema(ctx: SchemaContext, type: ts.Type, node: ts.Node): JsonSchema | undefined {
  const infos = ctx.checker.getIndexInfosOfType(type);
  const keyed = (flag: ts.TypeFlags) => infos.find((i) => i.keyType.flags & flag);
  const info = keyed(ts.TypeFlags.String) ?? keyed(ts.TypeFlags.Number);
  if (!info) return undefined;
  const { members } = withoutAbsent(info.type);
  if (members.length === 0) return { not: {} };
  const site = info.declaration?.type ?? node;
  return ctx.convert(members.length === 1 ? members[0] : info.type, site);
}
