import { ts } from '../typescript';
import { resolveAlias } from '../evaluate';
import { outerHolder } from '../outer-expressions';
import { classDefinitionCode, functionLikeOf, instantiationCode, isFunctionLike } from './syntax';

/**
 * Walks the code that can run (README "IAM policy", as Chalice): module top-level code and
 * registered handlers, then every function, method or constructor that walked code
 * refers to, each once. A function no walked code names never runs, so its calls do
 * not count; function expressions written inline (callbacks) are walked with their
 * surroundings. `visit` sees every walked node.
 */
export class Reachability {
  private readonly queued = new Set<ts.Node>();
  private readonly queue: ts.Node[] = [];

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly visit: (node: ts.Node) => void,
    /** Registrations are skipped in top-level code: their handlers are roots only when the app registers them. */
    private readonly isRegistrationCall: (node: ts.Node) => boolean,
    /** The app's own modules: appc's runtime and declaration files are not walked. */
    private readonly files: ReadonlySet<ts.SourceFile>,
    /** `AppNames.functions`: other property names cannot lead to the app's code. */
    private readonly functionNames: ReadonlySet<string>,
  ) {}

  /** A module's top-level code. */
  addModule(file: ts.SourceFile): void {
    for (const statement of file.statements) this.walk(statement);
  }

  /** A registered handler expression (inline function or a reference to one). */
  addHandler(node: ts.Node): void {
    if (isFunctionLike(node)) this.enqueue(node);
    else this.walk(node);
  }

  run(): void {
    for (let node = this.queue.pop(); node; node = this.queue.pop()) ts.forEachChild(node, this.walk);
  }

  private enqueue(node: ts.Node): void {
    if (this.queued.has(node) || !this.files.has(node.getSourceFile())) return;
    this.queued.add(node);
    this.queue.push(node);
  }

  private readonly walk = (node: ts.Node): void => {
    if (ts.isTypeNode(node) || isTypeOrModuleDeclaration(node) || this.isRegistrationCall(node)) return;
    if (ts.isClassLike(node)) {
      // Defining a class runs its static parts; the rest runs when it is instantiated or called.
      for (const member of classDefinitionCode(node)) this.enqueue(member);
      return;
    }
    if (isDeferred(node)) return;
    this.visit(node);
    if (ts.isIdentifier(node) && !isDeclarationName(node)) this.reference(node);
    ts.forEachChild(node, this.walk);
  };

  /** Code runs what it names: a function (called or passed on), a class's constructor and fields. */
  private reference(identifier: ts.Identifier): void {
    const parent = identifier.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.name === identifier && !this.functionNames.has(identifier.text))
      return;
    const symbol =
      ts.isShorthandPropertyAssignment(parent) && parent.name === identifier
        ? this.checker.getShorthandAssignmentValueSymbol(parent)
        : this.checker.getSymbolAtLocation(identifier);
    if (!symbol) return;
    for (const declaration of resolveAlias(this.checker, symbol).declarations ?? []) {
      if (ts.isClassLike(declaration)) for (const member of instantiationCode(declaration)) this.enqueue(member);
      const fn = functionLikeOf(declaration);
      if (fn) this.enqueue(fn);
    }
  }
}

/**
 * Functions that run only when something names them: declarations and functions stored in a const, property or field.
 */
function isDeferred(node: ts.Node): boolean {
  if (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isPropertyDeclaration(node) ||
    ts.isClassStaticBlockDeclaration(node)
  ) {
    return true;
  }
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return false;
  return functionLikeOf(outerHolder(node)) === node;
}

function isTypeOrModuleDeclaration(node: ts.Node): boolean {
  return (
    ts.isImportDeclaration(node) ||
    ts.isExportDeclaration(node) ||
    ts.isImportEqualsDeclaration(node) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isDecorator(node)
  );
}

/** The identifier a declaration introduces (not a use of it). */
function isDeclarationName(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) || ts.isShorthandPropertyAssignment(parent)) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return true;
  return isNamingDeclaration(parent) && parent.name === node;
}

/** Declarations whose `name` introduces a binding or member. */
function isNamingDeclaration(node: ts.Node): node is ts.NamedDeclaration {
  return (
    ts.isVariableDeclaration(node) ||
    ts.isParameter(node) ||
    ts.isBindingElement(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isClassLike(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isPropertyDeclaration(node) ||
    ts.isPropertyAssignment(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isEnumMember(node) ||
    ts.isEnumDeclaration(node) ||
    ts.isModuleDeclaration(node)
  );
}
