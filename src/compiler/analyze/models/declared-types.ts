import { ts } from '../typescript';
import type { FunctionLike } from '../handler';

/** The annotations of a handler that may declare its models (README "Models"), found without a type checker. */
export interface DeclaredTypes {
  /** The second parameter's type, when it may carry type arguments (`Request<NewTodo>`, or an alias of one). */
  readonly request?: ts.TypeNode;
  /** The written return type, when it may constrain the body (`Todo`, `Promise<Response<Todo>>`). */
  readonly returns?: ts.TypeNode;
}

/** Return types that say nothing about the body: a handler annotated with one of these declares no response model. */
const UNCONSTRAINED_RETURNS = new Set(['Response', 'void', 'unknown', 'any', 'undefined', 'never']);

/**
 * What `fn` declares, decided syntactically so that an app whose handlers declare no
 * types never pays for the type-checked program models need. Only written annotations
 * count: a return type TypeScript infers is the implementation's, not a contract, and
 * inferring it would make every app pay. `req: Request` and `(): Promise<Response>` declare
 * nothing; anything else is a candidate that the checker then reads (`types.ts`).
 */
export function declaredTypes(fn: FunctionLike): DeclaredTypes {
  const parameter = fn.parameters[1]?.type;
  const request = parameter && !isBareRequest(parameter) ? parameter : undefined;
  const returns = fn.type && !UNCONSTRAINED_RETURNS.has(unwrapPromise(fn.type).getText()) ? fn.type : undefined;
  return { ...(request ? { request } : {}), ...(returns ? { returns } : {}) };
}

/** Whether any handler declares anything. */
export function declaresAny(types: readonly DeclaredTypes[]): boolean {
  return types.some((t) => t.request !== undefined || t.returns !== undefined);
}

function isBareRequest(node: ts.TypeNode): boolean {
  return ts.isTypeReferenceNode(node) && !node.typeArguments && node.typeName.getText() === 'Request';
}

function unwrapPromise(node: ts.TypeNode): ts.TypeNode {
  const inner = ts.isTypeReferenceNode(node) && node.typeName.getText() === 'Promise' && node.typeArguments?.[0];
  return inner || node;
}
