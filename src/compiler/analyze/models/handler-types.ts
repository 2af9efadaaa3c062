import { ts } from '../typescript';
import { resolveAlias } from '../evaluate';
import { isRuntimeNode } from '../runtime-symbols';
import { referenceArguments } from '../schema/named-types';
import type { DeclaredTypes } from './declared-types';

/** A type a handler's signature declares, and the node diagnostics about it point at. */
export interface WrittenType {
  readonly type: ts.Type;
  readonly node: ts.Node;
}

/** The request body, query and response types of one handler (README "Models"); each absent when not declared. */
export interface HandlerTypes {
  readonly body?: WrittenType;
  readonly query?: WrittenType;
  readonly response?: WrittenType;
}

/**
 * The types behind a handler's annotations, read through `checker` (a program with lib
 * files). `Request<TBody, TQuery>`'s arguments are read where they are written, else from
 * the type (an alias such as `type TodoRequest = Request<NewTodo>`); the return type is
 * unwrapped from `Promise<T>` and `Response<T>` the same two ways.
 */
export function handlerTypes(declared: DeclaredTypes, program: ts.Program): HandlerTypes {
  const checker = program.getTypeChecker();
  const [body, query] = declared.request ? requestArguments(declared.request, checker) : [];
  const response = declared.returns && responseType(declared.returns, program);
  return {
    ...(body && !isNever(body.type) ? { body } : {}),
    ...(query && !isNever(query.type) ? { query } : {}),
    ...(response && !isNever(response.type) ? { response } : {}),
  };
}

function requestArguments(node: ts.TypeNode, checker: ts.TypeChecker): WrittenType[] {
  if (ts.isTypeReferenceNode(node) && node.typeArguments && runtimeClass(checker, node.typeName) === 'Request') {
    return node.typeArguments.map((arg) => ({ type: checker.getTypeFromTypeNode(arg), node: arg }));
  }
  const type = checker.getTypeFromTypeNode(node);
  if (!isRuntimeClass(type.symbol, 'Request')) return [];
  return referenceArguments(checker, type).map((arg) => ({ type: arg, node }));
}

function responseType(node: ts.TypeNode, program: ts.Program): WrittenType | undefined {
  const checker = program.getTypeChecker();
  let written = node;
  while (ts.isTypeReferenceNode(written) && written.typeArguments?.length === 1 && isWrapper(program, written)) {
    written = written.typeArguments[0];
  }
  const type = awaitedType(checker, checker.getTypeFromTypeNode(written));
  if (isRuntimeClass(type.symbol, 'Response')) {
    const [inner] = referenceArguments(checker, type);
    return inner && { type: inner, node: written };
  }
  return { type, node: written };
}

/**
 * What `await` makes of `type`. An interface or class type without a `then` member is its own awaited type, the
 * checker's answer too: asking for `then` first skips the checker's test of whether the type is a primitive, which
 * is most of the time of hundreds of response types, in a program that asks for their members anyway.
 */
function awaitedType(checker: ts.TypeChecker, type: ts.Type): ts.Type {
  if (isDeclaredObjectType(type) && !checker.getPropertyOfType(type, 'then')) return type;
  return checker.getAwaitedType(type) ?? type;
}

/** An interface or class type, or an instantiation of one (`Page<Todo>`), never a tuple or mapped type. */
function isDeclaredObjectType(type: ts.Type): boolean {
  if (!(type.flags & ts.TypeFlags.Object)) return false;
  const object = type as ts.ObjectType;
  const target = object.objectFlags & ts.ObjectFlags.Reference ? (type as ts.TypeReference).target : object;
  return (target.objectFlags & (ts.ObjectFlags.Class | ts.ObjectFlags.Interface)) !== 0;
}

/** `Promise<T>` (TypeScript's own) or appc's `Response<T>`. */
function isWrapper(program: ts.Program, node: ts.TypeReferenceNode): boolean {
  const checker = program.getTypeChecker();
  if (runtimeClass(checker, node.typeName) === 'Response') return true;
  const symbol = checker.getSymbolAtLocation(node.typeName);
  const declarations = symbol ? (resolveAlias(checker, symbol).declarations ?? []) : [];
  return symbol?.name === 'Promise' && declarations.some((d) => program.isSourceFileDefaultLibrary(d.getSourceFile()));
}

/** The name of the appc runtime class `name` refers to, if it refers to one. */
function runtimeClass(checker: ts.TypeChecker, name: ts.EntityName): string | undefined {
  const symbol = checker.getSymbolAtLocation(name);
  const resolved = symbol && resolveAlias(checker, symbol);
  return resolved && isRuntimeClass(resolved, resolved.name) ? resolved.name : undefined;
}

function isRuntimeClass(symbol: ts.Symbol | undefined, name: string): boolean {
  const declaration = symbol?.declarations?.[0];
  return (
    !!declaration && ts.isClassDeclaration(declaration) && declaration.name?.text === name && isRuntimeNode(declaration)
  );
}

function isNever(type: ts.Type): boolean {
  return (type.flags & ts.TypeFlags.Never) !== 0;
}
