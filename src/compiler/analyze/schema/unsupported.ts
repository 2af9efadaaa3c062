import { ts } from '../typescript';
import { report, textOf, type SchemaContext } from './schema-context';

/** Built-in types a body could hold by mistake, and what to write instead. */
const BUILT_IN_REMEDIES: Record<string, string> = {
  Map: 'Use Record<string, T> (a JSON object) instead of a Map.',
  Set: 'Use T[] with @uniqueItems instead of a Set.',
  Promise: 'Use the type the promise resolves to.',
  RegExp: 'Use string with @format regex.',
  Error: 'Use an object type with the fields to send (e.g. { message: string }).',
};

const DEFAULT_REMEDY = 'Use a type made of primitives, arrays and plain object types: what the JSON holds.';

/**
 * Reports `type` if it has no JSON form (README "Models"): functions, `symbol`,
 * `bigint`, `Date`, other built-in objects, values with methods, and types the checker
 * could not resolve or leaves generic. True when reported; the caller then constrains nothing.
 */
export function reportUnsupported(ctx: SchemaContext, type: ts.Type, node: ts.Node): boolean {
  const problem = problemOf(ctx, type);
  if (problem === undefined) return false;
  const [code, message, remedy] = problem;
  report(ctx, code, `'${textOf(node)}': ${message}`, remedy, node);
  return true;
}

type Problem = [Parameters<typeof report>[1], string, string];

function problemOf(ctx: SchemaContext, type: ts.Type): Problem | undefined {
  const { flags } = type;
  if (flags & ts.TypeFlags.Any && (type as { intrinsicName?: string }).intrinsicName === 'error') {
    return [
      'APPC267',
      'the type could not be resolved, so it would constrain nothing',
      'Check the name and its import; for a package, install its typings.',
    ];
  }
  if (flags & ts.TypeFlags.ESSymbolLike) return ['APPC261', 'a symbol has no JSON form', 'Use a string.'];
  if (flags & ts.TypeFlags.BigIntLike) {
    return ['APPC262', 'a bigint has no JSON form', 'Use number, or a string of digits with @pattern ^-?[0-9]+$.'];
  }
  if (flags & ts.TypeFlags.TypeParameter) {
    return [
      'APPC266',
      'a type parameter has no schema until it is given a type',
      'Write the concrete type (e.g. Request<Todo>, not Request<T>).',
    ];
  }
  if (
    flags &
    (ts.TypeFlags.Conditional | ts.TypeFlags.Substitution | ts.TypeFlags.Index | ts.TypeFlags.IndexedAccess)
  ) {
    return [
      'APPC266',
      'the type is left unresolved by the checker (a conditional or indexed type over a type parameter)',
      'Write the type it resolves to, or give the generic concrete type arguments.',
    ];
  }
  if (!(flags & ts.TypeFlags.Object)) return undefined;
  return objectProblem(ctx, type as ts.ObjectType);
}

function objectProblem(ctx: SchemaContext, type: ts.ObjectType): Problem | undefined {
  const { checker } = ctx;
  if (checker.isArrayType(type) || checker.isTupleType(type)) return undefined;
  const name = type.symbol?.name;
  if (isBuiltIn(ctx, type.symbol)) {
    if (name === 'Date') {
      return [
        'APPC263',
        'a Date has no JSON form (JSON.stringify turns it into a string)',
        'Use string with @format date-time.',
      ];
    }
    return ['APPC265', `the built-in ${name} has no JSON form`, BUILT_IN_REMEDIES[name] ?? DEFAULT_REMEDY];
  }
  const signatures = [ts.SignatureKind.Call, ts.SignatureKind.Construct].flatMap((kind) =>
    checker.getSignaturesOfType(type, kind),
  );
  if (signatures.length > 0) {
    return ['APPC260', 'a function has no JSON form', 'Remove it from the type, or send the data it computes.'];
  }
  const methods = checker
    .getPropertiesOfType(type)
    .filter((p) => p.flags & ts.SymbolFlags.Method)
    .map((p) => p.name);
  if (methods.length > 0) {
    const what =
      type.symbol && type.symbol.flags & ts.SymbolFlags.Class ? `an instance of class ${name}` : 'a value with methods';
    const listed = `${methods.slice(0, 3).join(', ')}${methods.length > 3 ? ', ...' : ''}`;
    return [
      'APPC264',
      `${what} has no JSON form (methods: ${listed})`,
      'Use an interface with the data properties only.',
    ];
  }
  return undefined;
}

/** An interface or class declared only in TypeScript's lib files (Date, Map, Promise, ...). */
function isBuiltIn(ctx: SchemaContext, symbol: ts.Symbol | undefined): boolean {
  if (!symbol || !(symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class))) return false;
  const declarations = symbol.declarations ?? [];
  return declarations.length > 0 && declarations.every((d) => isLibFile(ctx, d));
}

/** Whether `node` is in one of TypeScript's lib files. */
export function isLibFile(ctx: SchemaContext, node: ts.Node): boolean {
  const file = node.getSourceFile();
  // Cached: the program answers by comparing paths, and every named type asks (a third of a 400-model conversion).
  let lib = libFiles.get(file);
  if (lib === undefined) libFiles.set(file, (lib = ctx.program.isSourceFileDefaultLibrary(file)));
  return lib;
}

const libFiles = new WeakMap<ts.SourceFile, boolean>();
