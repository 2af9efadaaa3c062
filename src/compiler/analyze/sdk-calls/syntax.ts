import { ts } from '../typescript';
import { skipOuterExpressions } from '../outer-expressions';

/** A function whose body runs when it is called (or, for a constructor, when its class is instantiated). */
export type FunctionLike =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration
  | ts.GetAccessorDeclaration
  | ts.SetAccessorDeclaration;

export function isFunctionLike(node: ts.Node): node is FunctionLike {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

/** The function a declaration stands for: itself, or a `const`/property initialised with one. */
export function functionLikeOf(declaration: ts.Node): FunctionLike | undefined {
  if (isFunctionLike(declaration)) return declaration;
  const initializer =
    ts.isVariableDeclaration(declaration) ||
    ts.isPropertyAssignment(declaration) ||
    ts.isPropertyDeclaration(declaration)
      ? declaration.initializer
      : ts.isExportAssignment(declaration)
        ? declaration.expression
        : undefined;
  const value = initializer && skipOuterExpressions(initializer);
  return value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) ? value : undefined;
}

/** The expressions a function returns (not those of functions nested in it). */
export function returnExpressions(fn: FunctionLike): ts.Expression[] {
  if (!fn.body) return [];
  if (!ts.isBlock(fn.body)) return [fn.body];
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isReturnStatement(node) && node.expression) found.push(node.expression);
    if (!isFunctionLike(node) && !ts.isClassLike(node)) ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn.body, visit);
  return found;
}

/** The constructor and instance field initialisers: what `new C()` runs. */
export function instantiationCode(cls: ts.ClassLikeDeclaration): ts.Node[] {
  return cls.members.filter(
    (m) =>
      ts.isConstructorDeclaration(m) || (ts.isPropertyDeclaration(m) && !isStatic(m) && m.initializer !== undefined),
  );
}

/** Static field initialisers and static blocks: what defining the class runs. */
export function classDefinitionCode(cls: ts.ClassLikeDeclaration): ts.Node[] {
  return cls.members.filter(
    (m) =>
      ts.isClassStaticBlockDeclaration(m) ||
      (ts.isPropertyDeclaration(m) && isStatic(m) && m.initializer !== undefined),
  );
}

function isStatic(member: ts.ClassElement): boolean {
  return (
    ts.canHaveModifiers(member) && (ts.getModifiers(member) ?? []).some((m) => m.kind === ts.SyntaxKind.StaticKeyword)
  );
}

/** Names the app's modules declare; see `appNames`. */
export interface AppNames {
  /** Members and top-level names that can hold a function or class: what a call or `new` can reach. */
  functions: ReadonlySet<string>;
  /** Every member name (class member, object literal key, interface property, `this.x = ...`) and top-level name. */
  all: ReadonlySet<string>;
}

/**
 * The names the app declares. A property access whose name the app never declares cannot
 * lead to the app's own code, so the analysis does not ask the checker about it: that
 * question type-checks the receiver (for a handler's `request`, appc's generic route
 * types), the main cost of the analysis.
 */
export function appNames(files: readonly ts.SourceFile[]): AppNames {
  const functions = new Set<string>();
  const all = new Set<string>();
  const add = (name: ts.Node | undefined, isFunction: boolean) => {
    if (!name || !(ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name))) return;
    all.add(name.text);
    if (isFunction) functions.add(name.text);
  };
  const visit = (node: ts.Node): void => {
    if (
      ts.isMethodDeclaration(node) ||
      ts.isGetAccessorDeclaration(node) ||
      ts.isSetAccessorDeclaration(node) ||
      ts.isMethodSignature(node)
    )
      add(node.name, true);
    else if (ts.isPropertyDeclaration(node) || ts.isPropertyAssignment(node))
      add(node.name, functionLikeOf(node) !== undefined);
    else if (ts.isShorthandPropertyAssignment(node)) add(node.name, true);
    else if (ts.isPropertySignature(node)) add(node.name, false);
    else if (ts.isParameter(node) && ts.isConstructorDeclaration(node.parent) && ts.getModifiers(node)?.length)
      add(node.name, false);
    else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left)
    ) {
      const value = skipOuterExpressions(node.right);
      add(node.left.name, ts.isArrowFunction(value) || ts.isFunctionExpression(value));
    }
    ts.forEachChild(node, visit);
  };
  for (const file of files) {
    visit(file);
    // Reached through namespace imports of the app's modules: `lib.helper()`, `lib.s3`.
    for (const statement of file.statements) {
      if (ts.isVariableStatement(statement)) for (const d of statement.declarationList.declarations) add(d.name, true);
      else if (
        ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isEnumDeclaration(statement)
      )
        add(statement.name, true);
    }
  }
  return { functions, all };
}
