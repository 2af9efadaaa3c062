import { ts } from '../typescript';
import { isLiteral, literalValue } from './literal-schema';
import { declaredAtOf } from './named-types';
import { unionMemberNodes } from './type-nodes';

export interface OrderedMember {
  type: ts.Type;
  /** The node that writes this member, or the union's own node. */
  node: ts.Node;
}

/**
 * The members of a union in a deterministic order: as written when `node` writes the union
 * (`'low' | 'high'`; the members of a written `boolean` or alias of a union together, in
 * their own order), otherwise by where each member is declared (an enum's members, named
 * types) and then by value. The checker orders members by type identity, which depends on
 * what else the program mentions, so its order would change the output of unrelated code.
 */
export function orderMembers(checker: ts.TypeChecker, members: readonly ts.Type[], node: ts.Node): OrderedMember[] {
  const written = unionMemberNodes(node).map((n) => ({ node: n, type: checker.getTypeFromTypeNode(n) }));
  const keyed = members.map((type) => {
    // A written member may stand for several (`boolean` for true and false, an alias of a union).
    const index = written.findIndex((w) => w.type === type || (w.type.isUnion() && w.type.types.includes(type)));
    const writtenAt = index === -1 ? written.length : index;
    return { type, node: index === -1 ? node : written[index].node, writtenAt, declared: declaredAt(type) };
  });
  // valueKey prints a non-literal type: only needed to break a tie.
  keyed.sort(
    (a, b) =>
      a.writtenAt - b.writtenAt ||
      compare(a.declared, b.declared) ||
      compare(valueKey(checker, a.type), valueKey(checker, b.type)),
  );
  return keyed.map(({ type, node: n }) => ({ type, node: n }));
}

/** Where the member is declared (enum member, alias, interface); '' for plain literals. */
function declaredAt(type: ts.Type): string {
  const declaration = (type.aliasSymbol ?? type.symbol)?.declarations?.[0];
  return declaration ? declaredAtOf(declaration) : '';
}

function valueKey(checker: ts.TypeChecker, type: ts.Type): string {
  if (!isLiteral(type)) return `z${checker.typeToString(type)}`;
  const value = literalValue(type);
  // Numbers sort numerically: a fixed-width, order-preserving text of the value.
  if (typeof value === 'number') return `n${numberKey(value)}`;
  return `${typeof value === 'boolean' ? 'b' : 's'}${String(value)}`;
}

function numberKey(value: number): string {
  const shifted = (value + 1e15).toFixed(6);
  return shifted.padStart(30, '0');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
