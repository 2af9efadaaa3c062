import { ts } from '../typescript';
import type { JsonSchema } from '../../model/json-schema';
import { arraySchema, tupleSchema } from './array-schema';
import { isLiteral, literalSchema, literalValue } from './literal-schema';
import { definitionRef, namedTypeOf } from './named-types';
import { objectSchema } from './object-schema';
import { report, textOf, type SchemaContext } from './schema-context';
import { unionSchema } from './union-schema';
import { reportUnsupported } from './unsupported';

/**
 * The JSON Schema of `type`, written at `node` (the place diagnostics point at). Types
 * with no JSON form are reported and constrain nothing; named types become `$ref`s to
 * their definition.
 */
export function convertType(ctx: SchemaContext, type: ts.Type, node: ts.Node): JsonSchema {
  if (reportUnsupported(ctx, type, node)) return {};
  const named = namedTypeOf(ctx, type);
  if (named) return definitionRef(ctx, type, named, (site) => structureOf(ctx, type, site));
  return structureOf(ctx, type, node);
}

/** The schema of the type's own structure (a named type's body). */
function structureOf(ctx: SchemaContext, type: ts.Type, node: ts.Node): JsonSchema {
  const { flags } = type;
  if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
  if (flags & ts.TypeFlags.Never || flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return { not: {} };
  if (flags & ts.TypeFlags.Null) return { type: 'null' };
  if (type.isUnion()) return unionSchema(ctx, type, node);
  if (isLiteral(type)) return literalSchema([literalValue(type)], false);
  if (flags & ts.TypeFlags.StringLike) return { type: 'string' };
  if (flags & ts.TypeFlags.Number) return { type: 'number' };
  if (flags & ts.TypeFlags.Boolean) return { type: 'boolean' };
  if (flags & ts.TypeFlags.NonPrimitive) return { type: 'object' };
  if (type.isIntersection()) return intersectionSchema(ctx, type, node);
  if (flags & ts.TypeFlags.Object) return objectTypeSchema(ctx, type as ts.ObjectType, node);
  const what = ctx.checker.typeToString(type);
  report(
    ctx,
    'APPC267',
    `'${textOf(node)}': the type ${what} has no JSON Schema form`,
    'Use a type made of primitives, arrays and plain object types.',
    node,
  );
  return {};
}

function objectTypeSchema(ctx: SchemaContext, type: ts.ObjectType | ts.IntersectionType, node: ts.Node): JsonSchema {
  if (ctx.checker.isTupleType(type)) return tupleSchema(ctx, type as ts.TypeReference, node);
  if (ctx.checker.isArrayType(type)) return arraySchema(ctx, type as ts.TypeReference, node);
  if (ctx.anonymousInProgress.has(type)) {
    report(
      ctx,
      'APPC268',
      `'${textOf(node)}': this anonymous type contains itself, and a schema can only refer to a named type`,
      'Declare it as an interface or a type alias, so the schema can refer to it by name.',
      node,
    );
    return {};
  }
  ctx.anonymousInProgress.add(type);
  try {
    return objectSchema(ctx, type, node);
  } finally {
    ctx.anonymousInProgress.delete(type);
  }
}

/**
 * `A & B` of object types is one object with the properties of both (draft 4's `allOf`
 * is left out of API Gateway models, so the intersection is resolved here). Primitives
 * with object types (`string & { __brand: 'Id' }`, a branded type) are the primitive;
 * string-like ones together (`Lowercase<string> & \`a${string}\``) are a string.
 */
function intersectionSchema(ctx: SchemaContext, type: ts.IntersectionType, node: ts.Node): JsonSchema {
  for (const member of type.types) if (reportUnsupported(ctx, member, node)) return {};
  const primitives = type.types.filter((m) => !(m.flags & ts.TypeFlags.Object));
  if (primitives.length === 1) return ctx.convert(primitives[0], node);
  const kind = primitives.length > 0 && PRIMITIVE_KINDS.find(([flag]) => primitives.every((p) => p.flags & flag));
  if (kind) return { ...kind[1] };
  const arrays = type.types.filter((m) => ctx.checker.isArrayType(m) || ctx.checker.isTupleType(m));
  if (primitives.length === 0 && arrays.length === 0) return objectTypeSchema(ctx, type, node);
  const parts = [...primitives, ...arrays].map((p) => ctx.checker.typeToString(p)).join(' and ');
  report(
    ctx,
    'APPC269',
    `'${textOf(node)}': an intersection with ${parts} has no JSON form`,
    'Intersect object types only (or one primitive with object "brands"); for arrays, intersect the element types: Array<A & B>.',
    node,
  );
  return {};
}

const PRIMITIVE_KINDS: ReadonlyArray<[ts.TypeFlags, JsonSchema]> = [
  [ts.TypeFlags.StringLike, { type: 'string' }],
  [ts.TypeFlags.NumberLike, { type: 'number' }],
  [ts.TypeFlags.BooleanLike, { type: 'boolean' }],
];
