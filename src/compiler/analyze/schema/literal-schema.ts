import { ts } from '../typescript';
import type { JsonSchema, JsonSchemaType, JsonValue } from '../../model/json-schema';

/** A string, number or boolean literal type (enum members included): one `enum` value. */
export function isLiteral(type: ts.Type): boolean {
  return (type.flags & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral | ts.TypeFlags.BooleanLiteral)) !== 0;
}

/** The JSON value of a literal type. */
export function literalValue(type: ts.Type): string | number | boolean {
  if (type.flags & ts.TypeFlags.BooleanLiteral) return (type as { intrinsicName?: string }).intrinsicName === 'true';
  return (type as ts.LiteralType).value as string | number;
}

/**
 * Literals (`'low' | 'high'`, an enum's members) as `enum`, with the `type` of their
 * values in the order they first appear; `null` joins both when the union has it.
 * Draft 4 has no `const`, so a single literal is a one-value `enum` too.
 */
export function literalSchema(values: ReadonlyArray<string | number | boolean>, nullable: boolean): JsonSchema {
  const types: JsonSchemaType[] = [];
  for (const value of values) {
    const type = typeof value as 'string' | 'number' | 'boolean';
    if (!types.includes(type)) types.push(type);
  }
  if (nullable) types.push('null');
  const enumValues: JsonValue[] = [...new Set(values)];
  if (nullable) enumValues.push(null);
  return { type: types.length === 1 ? types[0] : types, enum: enumValues };
}

/** The members of an enum in declaration order (the checker's union order follows type identity). */
export function enumMemberValues(checker: ts.TypeChecker, type: ts.Type): Array<string | number> | undefined {
  const declaration = type.symbol?.declarations?.find(ts.isEnumDeclaration);
  if (!declaration) return undefined;
  const values: Array<string | number> = [];
  for (const member of declaration.members) {
    const value = checker.getConstantValue(member);
    if (value === undefined) return undefined;
    values.push(value);
  }
  return values;
}
