import { ts } from '../typescript';
import type { JsonSchema } from '../../model/json-schema';
import { withDocs } from './jsdoc-keywords';
import type { Definition, SchemaContext } from './schema-context';
import { isLibFile } from './unsupported';

/** A type with a name of its own: an interface, class, enum or type alias (with the instantiation's type arguments). */
export interface NamedType {
  symbol: ts.Symbol;
  args: readonly ts.Type[];
}

/**
 * The name `type` goes to `definitions` under, if any. Aliases and interfaces from
 * TypeScript's lib files (`Record`, `Partial`, `Array`) are not names of the app's types:
 * their instantiations are converted inline.
 */
export function namedTypeOf(ctx: SchemaContext, type: ts.Type): NamedType | undefined {
  if (type.aliasSymbol && !isLib(ctx, type.aliasSymbol)) {
    return { symbol: type.aliasSymbol, args: type.aliasTypeArguments ?? [] };
  }
  const symbol = type.symbol;
  if (!symbol || isLib(ctx, symbol)) return undefined;
  if (symbol.flags & ts.SymbolFlags.Enum && type.isUnion()) return { symbol, args: [] };
  if (!(symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class)) || !(type.flags & ts.TypeFlags.Object))
    return undefined;
  return { symbol, args: referenceArguments(ctx.checker, type) };
}

/**
 * The type arguments of an interface or class instantiation (`Page<Todo>`), without the checker's own `this` argument.
 */
export function referenceArguments(checker: ts.TypeChecker, type: ts.Type): readonly ts.Type[] {
  if (!(type.flags & ts.TypeFlags.Object) || !((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference))
    return [];
  const reference = type as ts.TypeReference;
  const parameters = (reference.target as ts.InterfaceType).typeParameters?.length ?? 0;
  return checker.getTypeArguments(reference).slice(0, parameters);
}

function isLib(ctx: SchemaContext, symbol: ts.Symbol): boolean {
  const declarations = symbol.declarations ?? [];
  return declarations.length > 0 && declarations.every((d) => isLibFile(ctx, d));
}

/**
 * A `$ref` to the definition of a named type, converting its body the first time (the
 * definition is registered first, so a recursive type refers to itself). `body` converts
 * the type's structure; its diagnostics point into the type's declaration.
 */
export function definitionRef(
  ctx: SchemaContext,
  type: ts.Type,
  named: NamedType,
  body: (site: ts.Node) => JsonSchema,
): JsonSchema {
  const ref: JsonSchema = { $ref: '' };
  const existing = ctx.definitions.get(type);
  if (existing) {
    existing.refs.push(ref);
    return ref;
  }
  const declaration = named.symbol.declarations?.[0];
  const definition: Definition = {
    symbolName: named.symbol.name,
    args: named.args,
    declaredAt: declaration ? declaredAtOf(declaration) : '',
    schema: {},
    refs: [ref],
  };
  ctx.definitions.set(type, definition);
  definition.schema = withDocs(ctx, body(siteOf(declaration)), named.symbol);
  return ref;
}

/** Where a named type's body is written: an alias's type, else the declaration itself. */
function siteOf(declaration: ts.Declaration | undefined): ts.Node {
  if (declaration && ts.isTypeAliasDeclaration(declaration)) return declaration.type;
  return declaration!;
}

/**
 * The JSDoc of an alias that keeps no name of its own (`/** @format email *\/ type Email =
 * string`: the checker's `string` forgets `Email`), read where the alias is referenced.
 */
export function aliasDocsAt(ctx: SchemaContext, schema: JsonSchema, type: ts.Type, node: ts.Node): JsonSchema {
  if (!ts.isTypeReferenceNode(node)) return schema;
  let symbol = ctx.checker.getSymbolAtLocation(node.typeName);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = ctx.checker.getAliasedSymbol(symbol);
  const unnamedAlias =
    symbol && symbol.flags & ts.SymbolFlags.TypeAlias && type.aliasSymbol !== symbol && !isLib(ctx, symbol);
  return unnamedAlias ? withDocs(ctx, schema, symbol) : schema;
}

/** `file:000123`: where a declaration starts, as a key that sorts by file, then position. */
export function declaredAtOf(declaration: ts.Node): string {
  return `${declaration.getSourceFile().fileName}:${String(declaration.getStart()).padStart(9, '0')}`;
}
