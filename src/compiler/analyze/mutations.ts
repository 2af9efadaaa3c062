import { ts } from './typescript';
import { resolveAlias, StaticInstance } from './evaluate';
import { locationOf } from './locations';
import { isOuterExpression } from './outer-expressions';
import type { RuntimeSymbols } from './runtime-symbols';

/** A place that may change a const's object or array after its declaration. */
export interface Mutation {
  node: ts.Node;
  /** The changing expression as written, shortened: `methods.push('POST')`. */
  text: string;
  /** The const (or an alias of it) the change goes through. */
  through: string;
  /** `lib/paths.ts:4`. */
  where: string;
}

/** Methods of arrays and objects that only read (those taking callbacks: see CALLBACK_METHODS). */
const READING_METHODS = new Set([
  'at',
  'concat',
  'entries',
  'hasOwnProperty',
  'includes',
  'indexOf',
  'join',
  'keys',
  'lastIndexOf',
  'propertyIsEnumerable',
  'slice',
  'toLocaleString',
  'toReversed',
  'toSorted',
  'toSpliced',
  'toString',
  'valueOf',
  'values',
  'with',
  'withScopes',
]);

/**
 * Reading methods whose callback receives the array itself as this parameter (0-based): a callback that declares it
 * could change it.
 */
const CALLBACK_METHODS = new Map([
  ['every', 2],
  ['filter', 2],
  ['find', 2],
  ['findIndex', 2],
  ['findLast', 2],
  ['findLastIndex', 2],
  ['flatMap', 2],
  ['forEach', 2],
  ['map', 2],
  ['some', 2],
  ['reduce', 3],
  ['reduceRight', 3],
]);

/** Global functions that only read their arguments. */
const READING_FUNCTIONS = new Set([
  'Array.isArray',
  'Boolean',
  'JSON.stringify',
  'Number',
  'Object.entries',
  'Object.freeze',
  'Object.getOwnPropertyNames',
  'Object.isFrozen',
  'Object.isSealed',
  'Object.keys',
  'Object.values',
  'String',
  'console.debug',
  'console.error',
  'console.info',
  'console.log',
  'console.warn',
]);

/** Operators whose result may be the operand itself (so the climb goes on), as opposed to those that only read it. */
const PASSING_OPERATORS = new Set([
  ts.SyntaxKind.QuestionQuestionToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.CommaToken,
]);

type Reference = { kind: 'use'; node: ts.Expression } | { kind: 'rename'; name: ts.Identifier };

type Use = { kind: 'read' } | { kind: 'alias'; names: ts.Identifier[] } | { kind: 'change'; node: ts.Node };

/**
 * Where a `const` holding an object or array may be changed, so that its initializer is not its
 * value. The rule is flow-insensitive and errs on the side of "changed" (docs/api.md: a
 * registration argument must be known at compile time):
 * every use of the const anywhere in the app's modules (also through property chains `x.a[0]`,
 * and through other variables initialised from it: `const opts = { methods }`) must be a read:
 * an argument of an appc registration or setting, a property read whose value is a primitive,
 * an operand of an operator, a condition, a reading method (`includes`, `slice`, `map` with a
 * callback of at most two parameters, ...), an argument of a reading global (`Object.keys`,
 * `JSON.stringify`, `console.log`, ...), a spread into a new literal. Anything else, such as an
 * assignment to it or to a property or element, `delete`, `++`, a method that changes it
 * (`push`, `splice`, `sort`), `Object.assign(it, ...)`, passing it to any other function,
 * returning it or storing it in a property, counts as a change.
 */
export class MutationFinder {
  private identifiers: Map<string, ts.Identifier[]> | undefined;
  private readonly cache = new Map<ts.VariableDeclaration, Mutation | undefined>();

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly runtime: RuntimeSymbols,
    private readonly files: readonly ts.SourceFile[],
    /** Expressions appc itself reads: registration arguments and setting values. */
    private readonly appcReads: ReadonlySet<ts.Node>,
    private readonly projectDir: string,
  ) {}

  /** The first place (in module order) that may change `value`, the value of `declaration`, if any. */
  find(declaration: ts.VariableDeclaration, value: unknown): Mutation | undefined {
    if (!this.cache.has(declaration)) this.cache.set(declaration, this.search(declaration, value));
    return this.cache.get(declaration);
  }

  private search(declaration: ts.VariableDeclaration, value: unknown): Mutation | undefined {
    const seen = new Set<ts.Node>();
    // The const's own value is known; an alias's is not (its type decides what reads it).
    const work: Array<[ts.Identifier, unknown]> = ts.isIdentifier(declaration.name) ? [[declaration.name, value]] : [];
    while (work.length > 0) {
      const [name, known] = work.shift()!;
      if (seen.has(name)) continue;
      seen.add(name);
      for (const reference of this.referencesOf(name)) {
        if (reference.kind === 'rename') {
          work.push([reference.name, known]);
          continue;
        }
        const use = this.useOf(reference.node, known);
        if (use.kind === 'change')
          return { node: use.node, text: shorten(use.node.getText()), through: name.text, where: this.where(use.node) };
        if (use.kind === 'alias') work.push(...use.names.map((alias): [ts.Identifier, unknown] => [alias, UNKNOWN]));
      }
    }
    return undefined;
  }

  private where(node: ts.Node): string {
    const { file, line } = locationOf(node, this.projectDir);
    return `${file}:${line}`;
  }

  /**
   * Every use, in the app's modules, of the variable `name` declares, and the local names that
   * renaming imports and exports give it (`import { methods as m }`: uses of `m` are uses of it).
   */
  private referencesOf(name: ts.Identifier): Reference[] {
    const target = this.symbolOf(name);
    if (!target) return [];
    const references: Reference[] = [];
    for (const identifier of this.identifiersNamed(name.text)) {
      if (identifier === name || this.symbolOf(identifier) !== target) continue;
      const parent = identifier.parent;
      if (
        (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) &&
        parent.propertyName === identifier &&
        ts.isIdentifier(parent.name)
      ) {
        references.push({ kind: 'rename', name: parent.name });
      } else if (!isDeclarationName(identifier)) {
        // `ns.methods` through a namespace import: the use starts at the access.
        references.push({
          kind: 'use',
          node: ts.isPropertyAccessExpression(parent) && parent.name === identifier ? parent : identifier,
        });
      }
    }
    return references;
  }

  private symbolOf(identifier: ts.Identifier): ts.Symbol | undefined {
    const parent = identifier.parent;
    const symbol =
      ts.isShorthandPropertyAssignment(parent) && parent.name === identifier
        ? this.checker.getShorthandAssignmentValueSymbol(parent)
        : this.checker.getSymbolAtLocation(identifier);
    return symbol && resolveAlias(this.checker, symbol);
  }

  /** What a reference does with the value: climbs from it through accesses, literals and passing operators. */
  private useOf(reference: ts.Expression, value: unknown): Use {
    let at: Climb = { kind: 'climb', node: reference, reached: value };
    for (;;) {
      const next = this.climb(at, reference);
      if (next.kind !== 'climb') return next;
      at = next;
    }
  }

  /** One step of `useOf`: the use the parent makes of `node`, or the parent (or literal) to climb to. */
  private climb({ node, reached }: Climb, reference: ts.Expression): Use | Climb {
    if (this.appcReads.has(node)) return { kind: 'read' };
    const parent = node.parent;
    if (changes(parent, node)) return { kind: 'change', node: parent };
    if (node !== reference && (isPrimitive(reached) || this.hasPrimitiveType(node))) return { kind: 'read' };
    if (this.onlyReads(parent, node)) return { kind: 'read' };
    return (
      this.climbThrough(parent, node, reached) ??
      bindingUse(parent, node) ??
      (readsOnly(parent, node) ? { kind: 'read' } : { kind: 'change', node: parent })
    );
  }

  /** Passing operators, literals, member accesses and calls that pass `node` on; undefined for other parents. */
  private climbThrough(parent: ts.Node, node: ts.Node, reached: unknown): Use | Climb | undefined {
    if (passesOn(parent, node)) {
      const next = isLiteralPart(parent, node) && !ts.isSpreadElement(parent) ? literalOf(parent) : parent;
      return { kind: 'climb', node: next, reached: isOuterExpression(parent) ? reached : UNKNOWN };
    }
    if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === node) {
      if (ts.isCallExpression(parent.parent) && parent.parent.expression === parent)
        return this.methodCall(parent.parent, parent);
      return { kind: 'climb', node: parent, reached: member(reached, parent) };
    }
    if (ts.isCallExpression(parent) && parent.expression !== node) {
      const use = this.argument(parent, node);
      return use === 'pass' ? { kind: 'climb', node: parent, reached: UNKNOWN } : use;
    }
    return undefined;
  }

  /** A type position, a statement of its own, or an argument of `new App(...)`/`new Blueprint(...)`. */
  private onlyReads(parent: ts.Node, node: ts.Node): boolean {
    if (ts.isTypeNode(parent) || ts.isExpressionStatement(parent)) return true;
    return ts.isNewExpression(parent) && parent.expression !== node && !!this.runtime.classOf(parent.expression);
  }

  /** `x.push(...)`, `x.map((v) => ...)`, `x.slice()`. */
  private methodCall(call: ts.CallExpression, callee: ts.PropertyAccessExpression | ts.ElementAccessExpression): Use {
    const name = ts.isPropertyAccessExpression(callee)
      ? callee.name.text
      : ts.isStringLiteralLike(callee.argumentExpression)
        ? callee.argumentExpression.text
        : '';
    if (READING_METHODS.has(name)) return { kind: 'read' };
    const arrayParameter = CALLBACK_METHODS.get(name);
    if (arrayParameter !== undefined && call.arguments.every((a, i) => i > 0 || isSmallCallback(a, arrayParameter)))
      return { kind: 'read' };
    return { kind: 'change', node: call };
  }

  /** `f(x)`: a read for appc's own calls and reading globals; `Object.assign(target, x)` passes x's properties on. */
  private argument(call: ts.CallExpression, node: ts.Node): Use | 'pass' {
    if (this.runtime.isRegistrationCall(call)) return { kind: 'read' };
    const callee = call.expression.getText();
    if (READING_FUNCTIONS.has(callee)) return { kind: 'read' };
    if (callee === 'Object.assign' && call.arguments.indexOf(node as ts.Expression) > 0) return 'pass';
    return { kind: 'change', node: call };
  }

  /**
   * Whether the expression's type is a primitive (or a union of them): reading it cannot change the object it came
   * from.
   */
  private hasPrimitiveType(node: ts.Node): boolean {
    const type = this.checker.getTypeAtLocation(node);
    const primitive =
      ts.TypeFlags.StringLike |
      ts.TypeFlags.NumberLike |
      ts.TypeFlags.BooleanLike |
      ts.TypeFlags.BigIntLike |
      ts.TypeFlags.EnumLike |
      ts.TypeFlags.Undefined |
      ts.TypeFlags.Null |
      ts.TypeFlags.Void |
      ts.TypeFlags.ESSymbolLike;
    const parts = type.isUnion() ? type.types : [type];
    return parts.every((t) => (t.flags & primitive) !== 0);
  }

  /** Identifiers of the app's modules by name, collected once. */
  private identifiersNamed(name: string): ts.Identifier[] {
    this.identifiers ??= identifiersByName(this.files);
    return this.identifiers.get(name) ?? [];
  }
}

/** Where `useOf` has climbed to, and what it knows of the value there. */
type Climb = { kind: 'climb'; node: ts.Node; reached: unknown };

/** Identifiers of `files` by name, collected without recursion (an app may nest deeply). */
function identifiersByName(files: readonly ts.SourceFile[]): Map<string, ts.Identifier[]> {
  const identifiers = new Map<string, ts.Identifier[]>();
  for (const file of files) {
    const stack: ts.Node[] = [file];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (ts.isIdentifier(node)) {
        const list = identifiers.get(node.text);
        if (list) list.push(node);
        else identifiers.set(node.text, [node]);
      }
      const children: ts.Node[] = [];
      ts.forEachChild(node, (child) => void children.push(child));
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return identifiers;
}

/** Parents through which the value itself (or a literal holding it) flows on. */
function passesOn(parent: ts.Node, node: ts.Node): boolean {
  return isOuterExpression(parent) || isLiteralPart(parent, node) || isPassingOperand(parent, node);
}

/** `const y = x` and `for (const y of x)` alias the value; `for (y.a of x)` changes y; `for (k in x)` reads. */
function bindingUse(parent: ts.Node, node: ts.Node): Use | undefined {
  if (ts.isVariableDeclaration(parent) && parent.initializer === node)
    return { kind: 'alias', names: boundNames(parent.name) };
  if ((ts.isForOfStatement(parent) || ts.isForInStatement(parent)) && parent.expression === node) {
    if (ts.isForInStatement(parent)) return { kind: 'read' };
    return ts.isVariableDeclarationList(parent.initializer)
      ? { kind: 'alias', names: parent.initializer.declarations.flatMap((d) => boundNames(d.name)) }
      : { kind: 'change', node: parent.initializer };
  }
  return undefined;
}

/** A value not known here (an alias's, or behind a dynamic key). */
const UNKNOWN = Symbol('unknown');
/** Some element of a container whose elements are all primitives. */
const SOME_PRIMITIVE = Symbol('some primitive');

function isPrimitive(value: unknown): boolean {
  return (
    value === SOME_PRIMITIVE ||
    value === null ||
    (typeof value !== 'object' && typeof value !== 'function' && typeof value !== 'symbol')
  );
}

/** The value of `x.key` / `x[key]` when `x`'s value is known. */
function member(container: unknown, access: ts.PropertyAccessExpression | ts.ElementAccessExpression): unknown {
  if (container === null || typeof container !== 'object' || container instanceof StaticInstance) return UNKNOWN;
  const argument = ts.isElementAccessExpression(access) ? access.argumentExpression : undefined;
  const key = ts.isPropertyAccessExpression(access)
    ? access.name.text
    : argument && (ts.isStringLiteralLike(argument) || ts.isNumericLiteral(argument))
      ? argument.text
      : undefined;
  const record = container as Record<string, unknown>;
  if (key !== undefined)
    return Object.prototype.hasOwnProperty.call(record, key)
      ? record[key]
      : key === 'length' && Array.isArray(container)
        ? container.length
        : UNKNOWN;
  return Object.values(record).every(isPrimitive) ? SOME_PRIMITIVE : UNKNOWN;
}

/** Assignment to it or a part of it, `++`/`--`, `delete`. */
function changes(parent: ts.Node, node: ts.Node): boolean {
  if (ts.isBinaryExpression(parent) && parent.left === node) return isAssignment(parent.operatorToken.kind);
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
    return parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken;
  }
  return ts.isDeleteExpression(parent);
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/** An element, property value or spread of an array or object literal (the literal then holds the value). */
function isLiteralPart(parent: ts.Node, node: ts.Node): boolean {
  if (ts.isArrayLiteralExpression(parent) || ts.isSpreadAssignment(parent) || ts.isShorthandPropertyAssignment(parent))
    return true;
  if (ts.isSpreadElement(parent)) return true;
  return ts.isPropertyAssignment(parent) && parent.initializer === node;
}

function literalOf(part: ts.Node): ts.Node {
  return ts.isArrayLiteralExpression(part) ? part : part.parent;
}

/** `a ?? x`, `x || b`, `c ? x : y`: the result may be the value itself. */
function isPassingOperand(parent: ts.Node, node: ts.Node): boolean {
  if (ts.isBinaryExpression(parent))
    return (
      PASSING_OPERATORS.has(parent.operatorToken.kind) &&
      (parent.right === node || parent.operatorToken.kind !== ts.SyntaxKind.CommaToken)
    );
  if (ts.isConditionalExpression(parent)) return parent.condition !== node;
  return ts.isAwaitExpression(parent);
}

/** Positions that only read the value: operands, conditions, keys, template spans. */
function readsOnly(parent: ts.Node, node: ts.Node): boolean {
  if (ts.isBinaryExpression(parent)) return !isAssignment(parent.operatorToken.kind);
  if (ts.isPrefixUnaryExpression(parent) || ts.isTypeOfExpression(parent) || ts.isVoidExpression(parent)) return true;
  if (ts.isTemplateSpan(parent) || ts.isComputedPropertyName(parent) || ts.isConditionalExpression(parent)) return true;
  if (ts.isElementAccessExpression(parent)) return parent.argumentExpression === node;
  if (ts.isCallExpression(parent)) return parent.expression === node;
  if (isBranchOrLoop(parent)) return true;
  return ts.isForStatement(parent) && parent.condition === node;
}

function isBranchOrLoop(node: ts.Node): boolean {
  return (
    ts.isIfStatement(node) ||
    ts.isWhileStatement(node) ||
    ts.isDoStatement(node) ||
    ts.isSwitchStatement(node) ||
    ts.isCaseClause(node)
  );
}

/** A callback written inline that does not declare the parameter through which it would get the array. */
function isSmallCallback(argument: ts.Expression, arrayParameter: number): boolean {
  return (
    (ts.isArrowFunction(argument) || ts.isFunctionExpression(argument)) &&
    argument.parameters.length <= arrayParameter &&
    !(ts.isFunctionExpression(argument) && usesArguments(argument))
  );
}

function usesArguments(fn: ts.FunctionExpression): boolean {
  return /\barguments\b/.test(fn.body.getText());
}

function boundNames(name: ts.BindingName): ts.Identifier[] {
  if (ts.isIdentifier(name)) return [name];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : boundNames(element.name)));
}

function isDeclarationName(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  return (
    ts.isImportSpecifier(parent) ||
    ts.isExportSpecifier(parent) ||
    ts.isImportClause(parent) ||
    ts.isNamespaceImport(parent) ||
    ts.isImportEqualsDeclaration(parent) ||
    (ts.isVariableDeclaration(parent) && parent.name === identifier) ||
    (ts.isBindingElement(parent) && parent.name === identifier) ||
    (ts.isParameter(parent) && parent.name === identifier) ||
    (ts.isFunctionDeclaration(parent) && parent.name === identifier) ||
    (ts.isPropertyAssignment(parent) && parent.name === identifier)
  );
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > 50 ? `${line.slice(0, 47)}...` : line;
}
