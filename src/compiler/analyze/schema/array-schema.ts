import { ts } from '../typescript';
import type { JsonSchema } from '../../model/json-schema';
import type { SchemaContext } from './schema-context';
import { elementNode, tupleElementNode } from './type-nodes';

/** `T[]`, `Array<T>`, `readonly T[]`: `{ type: 'array', items }`. */
export function arraySchema(ctx: SchemaContext, type: ts.TypeReference, node: ts.Node): JsonSchema {
  const [element] = ctx.checker.getTypeArguments(type);
  return { type: 'array', items: ctx.convert(element, elementNode(node)) };
}

/**
 * A tuple, in draft 4's form (an `items` list): `[string, number?]` gives two `items`,
 * `minItems: 1`, `maxItems: 2` and `additionalItems: false`; a rest element
 * (`[string, ...number[]]`) becomes `additionalItems` and lifts `maxItems`. Elements after
 * a rest element (`[...string[], number]`) are checked by `additionalItems` as either type.
 */
export function tupleSchema(ctx: SchemaContext, type: ts.TypeReference, node: ts.Node): JsonSchema {
  const target = type.target as ts.TupleType;
  const elements = ctx.checker.getTypeArguments(type);
  const items: JsonSchema[] = [];
  const rest: JsonSchema[] = [];
  let required = 0;
  elements.forEach((element, index) => {
    const flags = target.elementFlags[index];
    const schema = ctx.convert(element, tupleElementNode(node, index));
    if (rest.length > 0 || flags & ts.ElementFlags.Variable) {
      rest.push(flags & ts.ElementFlags.Variadic ? { type: 'array', items: schema } : schema);
      return;
    }
    items.push(schema);
    if (flags & ts.ElementFlags.Required) required = items.length;
  });
  const additionalItems = rest.length === 0 ? false : rest.length === 1 ? rest[0] : { anyOf: rest };
  return {
    type: 'array',
    items,
    additionalItems,
    minItems: required,
    ...(rest.length === 0 ? { maxItems: items.length } : {}),
  };
}
