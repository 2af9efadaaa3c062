import { ts } from './typescript';

/** An expression that only wraps another for the type checker or for grouping: it evaluates to its operand. */
export type OuterExpression =
  ts.ParenthesizedExpression | ts.AsExpression | ts.SatisfiesExpression | ts.NonNullExpression | ts.TypeAssertion;

/** `(x)`, `x as T`, `x satisfies T`, `x!`, `<T>x`: nothing happens at run time but evaluating `x`. */
export function isOuterExpression(node: ts.Node): node is OuterExpression {
  return (
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isNonNullExpression(node) ||
    ts.isTypeAssertionExpression(node)
  );
}

/** The expression inside any outer expressions: `(<T>x!) as U` -> `x`. */
export function skipOuterExpressions(node: ts.Expression): ts.Expression {
  while (isOuterExpression(node)) node = node.expression;
  return node;
}

/** The nearest ancestor that is not an outer expression: what holds `node`'s value. */
export function outerHolder(node: ts.Node): ts.Node {
  let holder = node.parent;
  while (isOuterExpression(holder)) holder = holder.parent;
  return holder;
}
