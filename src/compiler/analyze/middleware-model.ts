import { ts } from './typescript';
import { MIDDLEWARE_KINDS, type MiddlewareKind } from '../../runtime/registrations';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import type { HandlerModel } from '../model/app-model';
import { resolveAlias, type Evaluator } from './evaluate';
import { describeHandlerCall } from './handler';
import { locationOf } from './locations';
import { notKnown } from './options';
import { skipOuterExpressions } from './outer-expressions';
import { isRuntimeNode } from './runtime-symbols';

const KINDS = MIDDLEWARE_KINDS.map((kind) => `'${kind}'`).join(', ');
const REMEDY = `Write one of ${KINDS} as a string literal or a const.`;

/** `app.middleware(kind, ...)`'s kind: one of MIDDLEWARE_KINDS, known at compile time; else APPC224. */
export function middlewareKind(
  node: ts.Expression,
  evaluator: Evaluator,
  projectDir: string,
): MiddlewareKind | Diagnostic {
  const result = evaluator.evaluate(node);
  if (!result.ok)
    return notKnown(result, 'APPC224', 'the middleware kind must be known at compile time', REMEDY, projectDir);
  const kind = MIDDLEWARE_KINDS.find((known) => known === result.value);
  if (kind !== undefined) return kind;
  const given = typeof result.value === 'string' ? `'${result.value}'` : (JSON.stringify(result.value) ?? 'undefined');
  return error('APPC224', `${given} is not a middleware kind`, REMEDY, locationOf(node, projectDir));
}

/**
 * A `ConvertToMiddleware(wrapper)` call of appc's runtime as a middleware's handler. The wrapper may be any
 * expression (a library's wrapper is no function the app declares), so the model records the call itself.
 */
export function convertedMiddleware(
  node: ts.Expression,
  statement: ts.Statement,
  checker: ts.TypeChecker,
  projectDir: string,
): HandlerModel | undefined {
  const call = skipOuterExpressions(node);
  if (!ts.isCallExpression(call)) return undefined;
  const symbol = checker.getSymbolAtLocation(call.expression);
  const declaration = symbol && resolveAlias(checker, symbol).valueDeclaration;
  const converts =
    declaration !== undefined &&
    ts.isFunctionDeclaration(declaration) &&
    declaration.name?.text === 'ConvertToMiddleware' &&
    isRuntimeNode(declaration);
  return converts ? describeHandlerCall(node, statement, projectDir) : undefined;
}
