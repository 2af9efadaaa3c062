import * as path from 'node:path';
import { ts } from './typescript';
import { isRegistrationMethod, type RegistrationMethod } from '../../runtime/registrations';
import { resolveAlias } from './evaluate';
import { ModuleScopeSymbols } from './module-scope-symbols';
import { RUNTIME_DIR } from './program';

const VALUE_CLASSES = new Set([
  'CORSConfig',
  'Rate',
  'Cron',
  'IAMAuthorizer',
  'CognitoUserPoolAuthorizer',
  'CustomAuthorizer',
]);
const RATE_UNITS = new Set(['MINUTES', 'HOURS', 'DAYS']);

export type ReceiverKind = 'App' | 'Blueprint';

/** `x.route(...)`, `x.onSqsMessage(...)`: a call of a registration method (src/runtime/registrations.ts). */
export type RegistrationCall = ts.CallExpression & {
  expression: ts.PropertyAccessExpression & { name: ts.Identifier & { text: RegistrationMethod } };
};

/** Answers "is this appc's X?" through aliases, re-exports and imported consts, with the checker. */
export class RuntimeSymbols {
  private readonly receiverCache = new Map<ts.Node, ReceiverKind | undefined>();
  /**
   * A declaration's answer in `constructedKind`, null where the checker's type decides: it depends on the declaration
   * only, and every registration of a module names the same few (the app, a blueprint).
   */
  private readonly constructedByDeclaration = new Map<ts.Declaration, ReceiverKind | null>();
  /** The checker's symbols, the ones of names read in module scope remembered (the evaluator's and collect's too). */
  readonly symbols: ModuleScopeSymbols;

  constructor(private readonly checker: ts.TypeChecker) {
    this.symbols = new ModuleScopeSymbols(checker);
  }

  /** The runtime class an expression names (`App`, `CORSConfig`, ...), if it is one of appc's. */
  classOf(expression: ts.Expression): string | undefined {
    const symbol = this.symbols.symbolAt(expression);
    const declaration = symbol && resolveAlias(this.checker, symbol).valueDeclaration;
    return declaration && ts.isClassDeclaration(declaration) && isRuntimeNode(declaration)
      ? declaration.name?.text
      : undefined;
  }

  valueClassOf(expression: ts.Expression): string | undefined {
    const name = this.classOf(expression);
    return name && VALUE_CLASSES.has(name) ? name : undefined;
  }

  /** `Rate.MINUTES` -> `'MINUTES'`. */
  rateUnit(node: ts.Node): string | undefined {
    if (!ts.isPropertyAccessExpression(node) || !RATE_UNITS.has(node.name.text)) return undefined;
    return this.classOf(node.expression) === 'Rate' ? node.name.text : undefined;
  }

  /** Whether an expression is an appc App or Blueprint instance, by its type. */
  receiverKind(expression: ts.Expression): ReceiverKind | undefined {
    if (this.receiverCache.has(expression)) return this.receiverCache.get(expression);
    const kind = this.constructedKind(expression) ?? this.typeKind(expression);
    this.receiverCache.set(expression, kind);
    return kind;
  }

  /**
   * `app` naming (directly or imported) a `const app = new App(...)` with no type written: its type is `App`, read
   * from the syntax and the class's symbol. Computing the type instead costs the checker an inference of the `new`
   * expression and a walk of the control flow to every use, and most receivers are such consts.
   */
  private constructedKind(expression: ts.Expression): ReceiverKind | undefined {
    if (!ts.isIdentifier(expression)) return undefined;
    const symbol = this.symbols.symbolAt(expression);
    const declaration = symbol && resolveAlias(this.checker, symbol).valueDeclaration;
    if (!declaration) return undefined;
    let kind = this.constructedByDeclaration.get(declaration);
    if (kind === undefined) this.constructedByDeclaration.set(declaration, (kind = this.declaredKind(declaration)));
    return kind ?? undefined;
  }

  /** `constructedKind` of the declaration a receiver names; null when it is not such a const. */
  private declaredKind(declaration: ts.Declaration): ReceiverKind | null {
    if (!ts.isVariableDeclaration(declaration) || !declaration.initializer) return null;
    // A type written in TypeScript or in JSDoc (`/** @type {X} */` in a .js module) decides the type: the checker's.
    if (declaration.type || ts.getJSDocType(declaration)) return null;
    if (!ts.isVariableDeclarationList(declaration.parent) || !(declaration.parent.flags & ts.NodeFlags.Const))
      return null;
    const initializer = declaration.initializer;
    if (!ts.isNewExpression(initializer)) return null;
    const name = this.classOf(initializer.expression);
    return name === 'App' || name === 'Blueprint' ? name : null;
  }

  private typeKind(expression: ts.Expression): ReceiverKind | undefined {
    const declaration = this.checker.getTypeAtLocation(expression).getSymbol()?.declarations?.[0];
    const name =
      declaration && ts.isClassDeclaration(declaration) && isRuntimeNode(declaration)
        ? declaration.name?.text
        : undefined;
    return name === 'App' || name === 'Blueprint' ? name : undefined;
  }

  /** `app.route(...)`, `bp.schedule(...)`, ... on an appc receiver. */
  isRegistrationCall(node: ts.Node): node is RegistrationCall {
    return isRegistrationShape(node) && this.receiverKind(node.expression.expression) !== undefined;
  }
}

/** Per source file: whether it is one of appc's runtime typings (`path.resolve` costs more than a symbol lookup). */
const runtimeFiles = new WeakMap<ts.SourceFile, boolean>();

/** Whether `node` is in appc's runtime (its typings, where `'appc'` resolves). */
export function isRuntimeNode(node: ts.Node): boolean {
  const file = node.getSourceFile();
  let runtime = runtimeFiles.get(file);
  if (runtime === undefined)
    runtimeFiles.set(file, (runtime = path.resolve(file.fileName).startsWith(RUNTIME_DIR + path.sep)));
  return runtime;
}

/** A call of a method named as a registration, on any receiver (cheap: no type checker). */
export function isRegistrationShape(node: ts.Node): node is RegistrationCall {
  return (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    ts.isIdentifier(node.expression.name) &&
    isRegistrationMethod(node.expression.name.text)
  );
}
