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
    const declared = declaredMember(node);
    if (declared) add(declared.name, declared.isFunction);
    ts.forEachChild(node, visit);
  };
  for (const file of files) {
    visit(file);
    // Reached through namespace imports of the app's modules: `lib.helper()`, `lib.s3`.
    for (const statement of file.statements) for (const name of topLevelNames(statement)) add(name, true);
  }
  return { functions, all };
}

/** The member or property name `node` declares, and whether it holds a function. */
function declaredMember(node: ts.Node): { name: ts.Node; isFunction: boolean } | undefined {
  if (isMethodLike(node)) return { name: node.name, isFunction: true };
  if (ts.isPropertyDeclaration(node) || ts.isPropertyAssignment(node))
    return { name: node.name, isFunction: functionLikeOf(node) !== undefined };
  if (ts.isShorthandPropertyAssignment(node)) return { name: node.name, isFunction: true };
  if (ts.isPropertySignature(node) || isParameterProperty(node)) return { name: node.name, isFunction: false };
  if (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    ts.isPropertyAccessExpression(node.left)
  ) {
    const value = skipOuterExpressions(node.right);
    return { name: node.left.name, isFunction: ts.isArrowFunction(value) || ts.isFunctionExpression(value) };
  }
  return undefined;
}

function isMethodLike(
  node: ts.Node,
): node is ts.MethodDeclaration | ts.GetAccessorDeclaration | ts.SetAccessorDeclaration | ts.MethodSignature {
  return (
    ts.isMethodDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isMethodSignature(node)
  );
}

/** `constructor(private readonly table: string)` */
function isParameterProperty(node: ts.Node): node is ts.ParameterDeclaration {
  return ts.isParameter(node) && ts.isConstructorDeclaration(node.parent) && !!ts.getModifiers(node)?.length;
}

/** The names a module's statement declares at the top level. */
function topLevelNames(statement: ts.Statement): Array<ts.Node | undefined> {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.map((d) => d.name);
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement))
    return [statement.name];
  return [];
}
