import { ts } from '../typescript';
import { isLiteral, literalValue } from './literal-schema';
import { referenceArguments } from './named-types';
import type { SchemaContext } from './schema-context';

/** Model names are alphanumeric (API Gateway's rule for model names). */
export function alphanumeric(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, '');
}

/**
 * The name a type's definition starts from: its TypeScript name, the names of its type
 * arguments appended (`Page<Todo>` -> `PageTodo`, `Page<Todo[]>` -> `PageTodoArray`).
 */
export function baseName(ctx: SchemaContext, symbolName: string, args: readonly ts.Type[]): string {
  return alphanumeric(symbolName + args.map((a) => argName(ctx, a)).join('')) || 'Type';
}

function argName(ctx: SchemaContext, type: ts.Type): string {
  const { checker } = ctx;
  if (type.aliasSymbol) return baseName(ctx, type.aliasSymbol.name, type.aliasTypeArguments ?? []);
  if (isLiteral(type)) return capitalize(String(literalValue(type)));
  if (type.flags & ts.TypeFlags.String) return 'String';
  if (type.flags & ts.TypeFlags.Number) return 'Number';
  if (type.flags & ts.TypeFlags.Boolean) return 'Boolean';
  if (type.flags & ts.TypeFlags.Null) return 'Null';
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return 'Any';
  if (checker.isArrayType(type)) return `${argName(ctx, checker.getTypeArguments(type as ts.TypeReference)[0])}Array`;
  // Sorted: the checker orders union members by type identity, which depends on the rest of the program.
  if (type.isUnion())
    return type.types
      .map((t) => argName(ctx, t))
      .sort()
      .join('Or');
  const symbol = type.symbol;
  if (symbol && symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class | ts.SymbolFlags.Enum)) {
    return baseName(ctx, symbol.name, referenceArguments(checker, type));
  }
  return 'Object';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A definition to name: its base name and a key that orders those sharing it. */
export interface NameRequest {
  base: string;
  order: string;
}

/**
 * Final names, in request order. Requests sharing a base name are ordered by `order`
 * (where their types are declared); the first keeps the name, the others get the first
 * free `<Name>2`, `<Name>3`, ... A name never depends on which route was analysed first.
 */
export function assignNames(requests: readonly NameRequest[]): string[] {
  const taken = new Set(requests.map((r) => r.base));
  const names = new Array<string>(requests.length);
  const groups = new Map<string, number[]>();
  requests.forEach((r, i) => groups.set(r.base, [...(groups.get(r.base) ?? []), i]));
  for (const base of [...groups.keys()].sort()) {
    const byOrder = (a: number, b: number) => compare(requests[a].order, requests[b].order) || a - b;
    const members = groups.get(base)!.sort(byOrder);
    names[members[0]] = base;
    let suffix = 2;
    for (const index of members.slice(1)) {
      while (taken.has(`${base}${suffix}`)) suffix++;
      names[index] = `${base}${suffix}`;
      taken.add(names[index]);
    }
  }
  return names;
}
