import { ts } from './typescript';
import type { HandlerModel } from '../model/app-model';
import { resolveAlias } from './evaluate';
import { locationOf } from './locations';
import { skipOuterExpressions } from './outer-expressions';

const MAX_CONST_HOPS = 100;

/** The expression each described handler came from, for the analysis steps that walk it (SDK calls). */
const handlerNodes = new WeakMap<HandlerModel, ts.Expression>();

export type FunctionLike = ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration | ts.MethodDeclaration;

/**
 * What the model records of a handler argument: where it is (the compiler marks it with
 * its name there), the names its first parameter destructures, its own name, its docs.
 * Returns undefined when the argument is not a function we can see.
 */
export function describeHandler(
  node: ts.Expression,
  statement: ts.Statement,
  checker: ts.TypeChecker,
  projectDir: string,
): HandlerModel | undefined {
  const target = functionOf(node, checker);
  if (!target) return undefined;
  const file = node.getSourceFile();
  const docs = parseJsDoc(leadingJsDoc(target.fn) ?? leadingJsDoc(statement));
  const handler: HandlerModel = {
    location: locationOf(node, projectDir),
    start: node.getStart(file),
    end: node.getEnd(),
    paramNames: destructuredNames(target.fn.parameters[0]),
    ownName: target.name,
    docs,
  };
  handlerNodes.set(handler, node);
  return handler;
}

/**
 * A handler argument that is a call making the function (`ConvertToMiddleware(wrapper)`): recorded as the call,
 * with no name or parameters of its own; the SDK analysis walks the call like a handler.
 */
export function describeHandlerCall(node: ts.Expression, statement: ts.Statement, projectDir: string): HandlerModel {
  const file = node.getSourceFile();
  const handler: HandlerModel = {
    location: locationOf(node, projectDir),
    start: node.getStart(file),
    end: node.getEnd(),
    paramNames: null,
    ownName: null,
    docs: parseJsDoc(leadingJsDoc(statement)),
  };
  handlerNodes.set(handler, node);
  return handler;
}

/**
 * The handler expression `describeHandler` described. Models share their handler object
 * when copied (a blueprint's registrations), so every copy finds it.
 */
export function handlerNode(handler: HandlerModel): ts.Expression | undefined {
  return handlerNodes.get(handler);
}

/** The function a described handler is (its declaration, for a reference to one). */
export function handlerFunction(handler: HandlerModel, checker: ts.TypeChecker): FunctionLike | undefined {
  const node = handlerNodes.get(handler);
  return node && functionOf(node, checker)?.fn;
}

function functionOf(
  node: ts.Expression,
  checker: ts.TypeChecker,
  hops = 0,
): { fn: FunctionLike; name: string | null } | undefined {
  // `const a = b; const b = c; ...`: a long enough chain of consts is not a function we follow.
  if (hops > MAX_CONST_HOPS) return undefined;
  node = skipOuterExpressions(node);
  if (ts.isArrowFunction(node)) return { fn: node, name: null };
  if (ts.isFunctionExpression(node)) return { fn: node, name: node.name?.text ?? null };
  if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node)) return undefined;
  const symbol = checker.getSymbolAtLocation(node);
  const declaration = symbol && resolveAlias(checker, symbol).valueDeclaration;
  return declaration && declaredFunction(declaration, checker, hops);
}

/** A function declaration or method, or a const whose initializer is (after `hops` consts) a function. */
function declaredFunction(
  declaration: ts.Declaration,
  checker: ts.TypeChecker,
  hops: number,
): { fn: FunctionLike; name: string | null } | undefined {
  if (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) {
    return {
      fn: declaration,
      name: declaration.name && ts.isIdentifier(declaration.name) ? declaration.name.text : null,
    };
  }
  if (ts.isVariableDeclaration(declaration) && declaration.initializer && ts.isIdentifier(declaration.name)) {
    const inner = functionOf(declaration.initializer, checker, hops + 1);
    return inner && { fn: inner.fn, name: declaration.name.text };
  }
  return undefined;
}

/** `({ city, id: userId }) => ...` -> `['city', 'id']`; null when the parameter is not an object pattern. */
function destructuredNames(parameter: ts.ParameterDeclaration | undefined): string[] | null {
  if (!parameter || !ts.isObjectBindingPattern(parameter.name)) return null;
  const names: string[] = [];
  for (const element of parameter.name.elements) {
    if (element.dotDotDotToken) continue;
    const key = element.propertyName ?? element.name;
    if (ts.isIdentifier(key) || ts.isStringLiteral(key)) names.push(key.text);
  }
  return names;
}

function leadingJsDoc(node: ts.Node): string | undefined {
  const file = node.getSourceFile();
  const ranges = ts.getLeadingCommentRanges(file.text, node.getFullStart()) ?? [];
  const docs = ranges.filter(
    (r) => file.text.startsWith('/**', r.pos) && r.kind === ts.SyntaxKind.MultiLineCommentTrivia,
  );
  const last = docs[docs.length - 1];
  return last && file.text.slice(last.pos, last.end);
}

/**
 * Chalice's docstring rule with JSDoc: the first line is the summary, the remaining
 * lines (up to the first `@tag`, blank edges stripped) the description.
 */
export function parseJsDoc(comment: string | undefined): HandlerModel['docs'] {
  if (!comment) return {};
  const lines = comment
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*\* ?/, '').trimEnd());
  const tag = lines.findIndex((line) => line.trimStart().startsWith('@'));
  const body = (tag === -1 ? lines : lines.slice(0, tag))
    .join('\n')
    .replace(/^\s*\n|\n\s*$/g, '')
    .split('\n');
  const [first, ...rest] = body.map((line) => line);
  const summary = first?.trim();
  if (!summary) return {};
  const description = rest.join('\n').replace(/^\n+|\s+$/g, '');
  return description ? { summary, description } : { summary };
}
