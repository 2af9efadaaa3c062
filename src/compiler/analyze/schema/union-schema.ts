import { ts } from '../typescript';
import type { JsonSchema, JsonSchemaType } from '../../model/json-schema';
import { enumMemberValues, isLiteral, literalSchema, literalValue } from './literal-schema';
import { orderMembers } from './member-order';
import type { SchemaContext } from './schema-context';

/** `undefined` and `void`: JSON has no such value, a property of that type may only be absent. */
export function isAbsent(type: ts.Type): boolean {
  return (type.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) !== 0;
}

/** The members of `type` other than `undefined`/`void`, and whether there were any. */
export function withoutAbsent(type: ts.Type): { members: ts.Type[]; absent: boolean } {
  const members = type.isUnion() ? type.types : [type];
  const present = members.filter((m) => !isAbsent(m));
  return { members: present, absent: present.length < members.length };
}

/**
 * A union: literals become one `enum` (`'low' | 'high'`, an enum type, `boolean`),
 * plain primitives one `type` list, `T | null` adds `null` to T's types when T is inline,
 * anything else `anyOf`. `undefined` members are left out: the property that holds the
 * union is optional instead (the caller decides).
 */
export function unionSchema(ctx: SchemaContext, type: ts.UnionType, node: ts.Node): JsonSchema {
  const { members } = withoutAbsent(type);
  const nullable = members.some((m) => m.flags & ts.TypeFlags.Null);
  const rest = members.filter((m) => !(m.flags & ts.TypeFlags.Null));
  if (rest.length === 0) return nullable ? { type: 'null' } : { not: {} };
  if (rest.length === 2 && rest.every((m) => m.flags & ts.TypeFlags.BooleanLiteral)) {
    return { type: nullable ? ['boolean', 'null'] : 'boolean' };
  }
  if (rest.every(isLiteral)) return literalSchema(literalValues(ctx, type, rest, node), nullable);
  const schemas = mergeBooleans(ctx, rest, node);
  if (schemas.length === 1) return nullable ? withNull(schemas[0]) : schemas[0];
  const types = schemas.map((s) => s.type as JsonSchemaType);
  if (schemas.every(isBareType)) return { type: nullable ? [...types, 'null'] : types };
  return { anyOf: [...schemas, ...(nullable ? [{ type: 'null' as const }] : [])] };
}

/** The values of literal members: an enum in declaration order, a written union as written. */
function literalValues(
  ctx: SchemaContext,
  union: ts.UnionType,
  members: ts.Type[],
  node: ts.Node,
): Array<string | number | boolean> {
  const isEnum = union.symbol && union.symbol.flags & ts.SymbolFlags.Enum;
  const declared = isEnum ? enumMemberValues(ctx.checker, union) : undefined;
  if (declared && declared.length === members.length) return declared;
  return orderMembers(ctx.checker, members, node).map((m) => literalValue(m.type));
}

/** Converts each member, `true` and `false` together as one `boolean` (how the checker spells `boolean`). */
function mergeBooleans(ctx: SchemaContext, members: ts.Type[], node: ts.Node): JsonSchema[] {
  const booleans = members.filter((m) => m.flags & ts.TypeFlags.BooleanLiteral);
  const both = booleans.length === 2;
  const schemas: JsonSchema[] = [];
  let booleanAdded = false;
  for (const { type, node: memberNode } of orderMembers(ctx.checker, members, node)) {
    if (both && type.flags & ts.TypeFlags.BooleanLiteral) {
      if (!booleanAdded) schemas.push({ type: 'boolean' });
      booleanAdded = true;
      continue;
    }
    schemas.push(ctx.convert(type, memberNode));
  }
  return schemas;
}

function isBareType(schema: JsonSchema): boolean {
  return Object.keys(schema).length === 1 && typeof schema.type === 'string';
}

/** `T | null`: `null` joins T's own `type` (and `enum`) when T is inline; a reference needs `anyOf`. */
export function withNull(schema: JsonSchema): JsonSchema {
  if (schema.type === undefined || schema.$ref !== undefined) return { anyOf: [schema, { type: 'null' }] };
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('null')) return schema;
  return { ...schema, type: [...types, 'null'], ...(schema.enum ? { enum: [...schema.enum, null] } : {}) };
}
