import { ts } from '../typescript';

/**
 * The type nodes inside a written type that correspond to the parts of its type, so a
 * diagnostic points at `Date` in `due: Date[]` rather than at the whole annotation. Each
 * falls back to the node it was given when the type was not written that way (an alias,
 * an instantiated generic).
 */

/** `(T)` and `readonly T` written around a type: the type inside. */
export function unwrapTypeNode(node: ts.Node): ts.Node {
  if (ts.isParenthesizedTypeNode(node)) return unwrapTypeNode(node.type);
  if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword) return unwrapTypeNode(node.type);
  return node;
}

/** `T` in `T[]` or `Array<T>`. */
export function elementNode(node: ts.Node): ts.Node {
  const inner = unwrapTypeNode(node);
  if (ts.isArrayTypeNode(inner)) return inner.elementType;
  if (ts.isTypeReferenceNode(inner) && inner.typeArguments?.length === 1) return inner.typeArguments[0];
  return node;
}

/** The type node of tuple element `index` in `[A, B?, ...C[]]` (for a rest element, its element type). */
export function tupleElementNode(node: ts.Node, index: number): ts.Node {
  const inner = unwrapTypeNode(node);
  if (!ts.isTupleTypeNode(inner)) return node;
  let element: ts.Node | undefined = inner.elements[index];
  if (element === undefined) return node;
  if (ts.isNamedTupleMember(element)) element = element.type;
  if (ts.isOptionalTypeNode(element)) return element.type;
  if (ts.isRestTypeNode(element)) return elementNode(element.type);
  return element;
}

/** The member nodes of a written union (`A | B | null`), or none. */
export function unionMemberNodes(node: ts.Node): readonly ts.TypeNode[] {
  const inner = unwrapTypeNode(node);
  return ts.isUnionTypeNode(inner) ? inner.types : [];
}
