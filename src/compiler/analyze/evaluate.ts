import { ts } from './typescript';
import type { Mutation } from './mutations';
import { isOuterExpression } from './outer-expressions';
import type { RuntimeSymbols } from './runtime-symbols';

/** `new CORSConfig(...)`, `new Rate(...)`, ... of appc's runtime, evaluated statically. */
export class StaticInstance {
  constructor(
    readonly className: string,
    readonly args: readonly unknown[],
    readonly node: ts.Node,
    /** Set by `.withScopes([...])`. */
    readonly scopes?: readonly string[],
  ) {}
}

/** A reference to a registration's result, e.g. the built-in authorizer `myAuth` (optionally `.withScopes([...])`). */
export class RegistrationRef {
  constructor(
    readonly declaration: ts.VariableDeclaration,
    readonly scopes: readonly string[] | undefined,
    readonly node: ts.Node,
  ) {}
}

/** Why a value is not known: blamed at `node` (in the expression asked about), with the places that explain it. */
export interface NotStatic {
  ok: false;
  node: ts.Node;
  reason: string;
  related?: Array<{ node: ts.Node; message: string }>;
  /** A remedy fitting this reason better than the caller's general one. */
  remedy?: string;
}

export type Evaluated = { ok: true; value: unknown } | NotStatic;

/**
 * Deeper than this (syntax levels plus const hops), evaluation stops with a diagnostic instead of overflowing the
 * stack.
 */
export const MAX_EVALUATION_DEPTH = 400;

const fail = (node: ts.Node, reason: string): Evaluated => ({ ok: false, node, reason });
const ok = (value: unknown): Evaluated => ({ ok: true, value });

/**
 * Evaluates an expression without running it: literals, templates, consts (also
 * imported, also `as const`), enum members, object/array literals of these, `+`, and
 * `new` of appc's value classes. Anything else is a failure naming the node to blame.
 */
export class Evaluator {
  private readonly active = new Set<ts.Node>();
  /**
   * A const's value when it is a primitive, with the nesting it took to evaluate: a path prefix or a version read by
   * every route of a module is evaluated once. Evaluation depends only on the syntax and the checker, apart from the
   * depth it starts at (MAX_EVALUATION_DEPTH) and the consts being evaluated around it (a cycle): a value is reused
   * only where it fits below the limit as it did, and a const whose evaluation succeeded reaches no const that reaches
   * it, so none being evaluated. Objects and arrays are evaluated anew at each use: each use gets its own copy.
   */
  private readonly primitives = new Map<ts.VariableDeclaration, { value: unknown; levels: number }>();
  /** The deepest `depth` reached since the outermost const evaluation began. */
  private deepest = 0;

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly runtime: RuntimeSymbols,
    /** Where consts holding objects are changed; without it, every const is read as its initializer. */
    private readonly mutations?: { find(declaration: ts.VariableDeclaration, value: unknown): Mutation | undefined },
  ) {}

  private depth = 0;

  evaluate(node: ts.Expression): Evaluated {
    if (this.depth >= MAX_EVALUATION_DEPTH) {
      return fail(
        node,
        `this value is nested deeper than ${MAX_EVALUATION_DEPTH} levels (expressions and the consts they use), too deep to evaluate`,
      );
    }
    this.depth++;
    if (this.depth > this.deepest) this.deepest = this.depth;
    try {
      return this.evaluateNode(node);
    } finally {
      this.depth--;
    }
  }

  /** One switch on the kind: the evaluator runs for every argument of every registration. */
  private evaluateNode(node: ts.Expression): Evaluated {
    switch (node.kind) {
      case ts.SyntaxKind.PrefixUnaryExpression:
        return this.prefix(node as ts.PrefixUnaryExpression);
      case ts.SyntaxKind.TemplateExpression:
        return this.template(node as ts.TemplateExpression);
      case ts.SyntaxKind.BinaryExpression:
        return this.binary(node as ts.BinaryExpression);
      case ts.SyntaxKind.ArrayLiteralExpression:
        return this.array(node as ts.ArrayLiteralExpression);
      case ts.SyntaxKind.ObjectLiteralExpression:
        return this.object(node as ts.ObjectLiteralExpression);
      case ts.SyntaxKind.Identifier:
        return this.identifier(node as ts.Identifier);
      case ts.SyntaxKind.PropertyAccessExpression:
      case ts.SyntaxKind.ElementAccessExpression:
        return this.access(node as ts.PropertyAccessExpression | ts.ElementAccessExpression);
      case ts.SyntaxKind.NewExpression:
        return this.newExpression(node as ts.NewExpression);
      case ts.SyntaxKind.CallExpression:
        return this.call(node as ts.CallExpression);
      default:
        if (isOuterExpression(node)) return this.evaluate(node.expression);
        return literalValue(node) ?? fail(node, describe(node));
    }
  }

  private prefix(node: ts.PrefixUnaryExpression): Evaluated {
    if (node.operator !== ts.SyntaxKind.MinusToken && node.operator !== ts.SyntaxKind.PlusToken) {
      return fail(node, `the \`${ts.tokenToString(node.operator)}\` operator is not evaluated at compile time`);
    }
    const operand = this.evaluate(node.operand);
    if (!operand.ok) return operand;
    if (typeof operand.value !== 'number') return fail(node, 'only numbers can be negated');
    if (node.operator === ts.SyntaxKind.MinusToken) return ok(-operand.value);
    if (node.operator === ts.SyntaxKind.PlusToken) return ok(operand.value);
    return fail(node, `the \`${ts.tokenToString(node.operator)}\` operator is not evaluated at compile time`);
  }

  private template(node: ts.TemplateExpression): Evaluated {
    let text = node.head.text;
    for (const span of node.templateSpans) {
      const value = this.evaluate(span.expression);
      if (!value.ok) return value;
      text += String(value.value) + span.literal.text;
    }
    return ok(text);
  }

  private binary(node: ts.BinaryExpression): Evaluated {
    if (node.operatorToken.kind !== ts.SyntaxKind.PlusToken) {
      return fail(
        node,
        `the \`${node.operatorToken.getText()}\` operator is not evaluated at compile time (of the operators, only + is)`,
      );
    }
    const left = this.evaluate(node.left);
    if (!left.ok) return left;
    const right = this.evaluate(node.right);
    if (!right.ok) return right;
    return ok((left.value as string) + (right.value as string));
  }

  private array(node: ts.ArrayLiteralExpression): Evaluated {
    const values: unknown[] = [];
    for (const element of node.elements) {
      const spread = ts.isSpreadElement(element);
      const value = this.evaluate(spread ? element.expression : element);
      if (!value.ok) return value;
      if (spread && !Array.isArray(value.value)) return fail(element, 'only arrays can be spread here');
      if (spread) values.push(...(value.value as unknown[]));
      else values.push(value.value);
    }
    return ok(values);
  }

  private object(node: ts.ObjectLiteralExpression): Evaluated {
    const result: Record<string, unknown> = {};
    for (const property of node.properties) {
      if (ts.isSpreadAssignment(property)) {
        const value = this.evaluate(property.expression);
        if (!value.ok) return value;
        Object.assign(result, value.value);
        continue;
      }
      if (ts.isShorthandPropertyAssignment(property)) {
        const value = this.evaluate(property.name);
        if (!value.ok) return value;
        result[property.name.text] = value.value;
        continue;
      }
      if (!ts.isPropertyAssignment(property))
        return fail(property, 'methods and accessors are not known at compile time');
      const key = this.propertyName(property.name);
      if (!key.ok) return key;
      const value = this.evaluate(property.initializer);
      if (!value.ok) return value;
      result[key.value as string] = value.value;
    }
    return ok(result);
  }

  private propertyName(name: ts.PropertyName): Evaluated {
    if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name))
      return ok(name.text);
    if (ts.isComputedPropertyName(name)) return this.evaluate(name.expression);
    return fail(name, 'this property name is not known at compile time');
  }

  private identifier(node: ts.Identifier): Evaluated {
    if (node.text === 'undefined') return ok(undefined);
    const declaration = this.declarationOf(node);
    if (!declaration) return fail(node, `'${node.text}' cannot be resolved`);
    return this.declarationValue(declaration, node);
  }

  /** The value a declaration binds: a const's initializer, an enum member, ... */
  private declarationValue(declaration: ts.Declaration, use: ts.Node): Evaluated {
    if (ts.isEnumMember(declaration)) {
      const value = this.checker.getConstantValue(declaration);
      return value === undefined ? fail(use, 'this enum member has no constant value') : ok(value);
    }
    if (ts.isVariableDeclaration(declaration) && declaration.initializer && isConst(declaration)) {
      if (this.runtime.isRegistrationCall(declaration.initializer))
        return ok(new RegistrationRef(declaration, undefined, use));
      return this.constValue(declaration, declaration.initializer, use);
    }
    const name = ts.getNameOfDeclaration(declaration)?.getText() ?? 'this name';
    return fail(use, `'${name}' is not a const with a value known at compile time`);
  }

  /** A const's value: its initializer's, remembered when a primitive (`primitives`). */
  private constValue(declaration: ts.VariableDeclaration, initializer: ts.Expression, use: ts.Node): Evaluated {
    const known = this.primitives.get(declaration);
    if (known && this.depth + known.levels <= MAX_EVALUATION_DEPTH) {
      if (this.depth + known.levels > this.deepest) this.deepest = this.depth + known.levels;
      return ok(known.value);
    }
    if (this.active.has(declaration)) return fail(use, 'this const refers to itself');
    this.active.add(declaration);
    const start = this.depth;
    const outer = this.deepest;
    this.deepest = start;
    try {
      const value = this.evaluate(initializer);
      if (value.ok && isPrimitive(value.value))
        this.primitives.set(declaration, { value: value.value, levels: this.deepest - start });
      return this.unchanged(fromDeclaration(value, declaration, use), declaration, use);
    } finally {
      this.active.delete(declaration);
      if (outer > this.deepest) this.deepest = outer;
    }
  }

  /**
   * A const holding an object or array that the app changes somewhere is not its initializer (mutations.ts has the
   * rule).
   */
  private unchanged(value: Evaluated, declaration: ts.VariableDeclaration, use: ts.Node): Evaluated {
    if (!value.ok || value.value === null || typeof value.value !== 'object' || value.value instanceof RegistrationRef)
      return value;
    const mutation = this.mutations?.find(declaration, value.value);
    if (!mutation) return value;
    const name = declaration.name.getText();
    const through = mutation.through === name ? '' : ` through '${mutation.through}'`;
    return {
      ok: false,
      node: use,
      reason: `'${name}' is changed${through} at ${mutation.where} (${mutation.text}), so its value is not known at compile time`,
      related: [{ node: mutation.node, message: `'${name}' is changed here${through}` }],
      remedy: `Write the final value in the const's initializer, or build a new const from it (const more = [...${name}, x]) instead of changing it.`,
    };
  }

  private access(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): Evaluated {
    const symbol = this.runtime.symbols.symbolAt(
      ts.isPropertyAccessExpression(node) ? node.name : node.argumentExpression,
    );
    const declaration = symbol && resolveAlias(this.checker, symbol).valueDeclaration;
    // Enum members, and consts reached through a namespace import (`settings.MINUTES`).
    if (declaration && (ts.isEnumMember(declaration) || ts.isVariableDeclaration(declaration)))
      return this.declarationValue(declaration, node);
    const unitValue = this.runtime.rateUnit(node);
    if (unitValue) return ok(unitValue);
    const target = this.evaluate(node.expression);
    if (!target.ok) return target;
    const key = ts.isPropertyAccessExpression(node) ? ok(node.name.text) : this.evaluate(node.argumentExpression);
    if (!key.ok) return key;
    const container = target.value;
    if (
      container === null ||
      typeof container !== 'object' ||
      container instanceof StaticInstance ||
      container instanceof RegistrationRef
    ) {
      return fail(node, 'this property is not known at compile time');
    }
    return ok((container as Record<string, unknown>)[key.value as string]);
  }

  private newExpression(node: ts.NewExpression): Evaluated {
    const className = this.runtime.valueClassOf(node.expression);
    if (!className)
      return fail(node, `only new CORSConfig, Rate, Cron and the authorizer classes are evaluated at compile time`);
    const args = this.evaluateAll(node.arguments ?? []);
    return args.ok ? ok(new StaticInstance(className, args.value as unknown[], node)) : args;
  }

  /** `auth.withScopes([...])` on an authorizer. */
  private call(node: ts.CallExpression): Evaluated {
    const callee = node.expression;
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'withScopes' || node.arguments.length !== 1) {
      return fail(node, 'a function call is not evaluated at compile time');
    }
    const target = this.evaluate(callee.expression);
    if (!target.ok) return target;
    const scopes = this.evaluate(node.arguments[0]);
    if (!scopes.ok) return scopes;
    if (!isStringArray(scopes.value)) return fail(node.arguments[0], 'withScopes takes an array of strings');
    const value = target.value;
    if (value instanceof RegistrationRef) return ok(new RegistrationRef(value.declaration, scopes.value, node));
    if (value instanceof StaticInstance) return ok(new StaticInstance(value.className, value.args, node, scopes.value));
    return fail(callee.expression, 'withScopes applies to an authorizer');
  }

  evaluateAll(nodes: readonly ts.Expression[]): Evaluated {
    const values: unknown[] = [];
    for (const node of nodes) {
      const value = this.evaluate(node);
      if (!value.ok) return value;
      values.push(value.value);
    }
    return ok(values);
  }

  /** The declaration an identifier or `ns.name` refers to, through import aliases. */
  declarationOfExpression(node: ts.Expression): ts.Declaration | undefined {
    const symbol = this.runtime.symbols.symbolAt(ts.isPropertyAccessExpression(node) ? node.name : node);
    return symbol && resolveAlias(this.checker, symbol).valueDeclaration;
  }

  private declarationOf(node: ts.Identifier): ts.Declaration | undefined {
    // The checker answers a shorthand property (`{ methods }`) with the value's symbol, any other parent with none.
    const shorthand = ts.isShorthandPropertyAssignment(node.parent)
      ? this.checker.getShorthandAssignmentValueSymbol(node.parent)
      : undefined;
    const symbol = shorthand ?? this.runtime.symbols.symbolAt(node);
    const resolved = symbol && resolveAlias(this.checker, symbol);
    return resolved && (resolved.valueDeclaration ?? resolved.declarations?.[0]);
  }
}

/**
 * A const's value, as seen from `use`: a failure inside its initializer is blamed at the use (so
 * each registration that uses the const gets its own diagnostic) with the initializer's culprit
 * as the related location (the innermost one, when consts use consts).
 */
function fromDeclaration(value: Evaluated, declaration: ts.VariableDeclaration, use: ts.Node): Evaluated {
  if (value.ok) return value;
  const related = value.related ?? [
    { node: value.node, message: `'${declaration.name.getText()}' gets its value here` },
  ];
  return { ...value, node: use, related };
}

export function resolveAlias(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

function isConst(declaration: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
}

/** A string, number, boolean or null literal's value; undefined for any other expression. */
function literalValue(node: ts.Expression): Evaluated | undefined {
  switch (node.kind) {
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      return ok((node as ts.StringLiteralLike).text);
    case ts.SyntaxKind.NumericLiteral:
      return ok(Number((node as ts.NumericLiteral).text));
    case ts.SyntaxKind.TrueKeyword:
      return ok(true);
    case ts.SyntaxKind.FalseKeyword:
      return ok(false);
    case ts.SyntaxKind.NullKeyword:
      return ok(null);
    default:
      return undefined;
  }
}

function isPrimitive(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/**
 * What the evaluator does not read, in the words of the language: "the `typeof` operator", "a conditional expression".
 */
function describe(node: ts.Node): string {
  if (ts.isPostfixUnaryExpression(node))
    return `the \`${ts.tokenToString(node.operator)}\` operator is not evaluated at compile time`;
  if (ts.isTypeOfExpression(node)) return 'the `typeof` operator is not evaluated at compile time';
  if (ts.isVoidExpression(node)) return 'the `void` operator is not evaluated at compile time';
  if (ts.isDeleteExpression(node)) return 'the `delete` operator is not evaluated at compile time';
  if (ts.isAwaitExpression(node)) return '`await` is not evaluated at compile time';
  if (ts.isYieldExpression(node)) return '`yield` is not evaluated at compile time';
  if (node.kind === ts.SyntaxKind.ThisKeyword) return '`this` is not known at compile time';
  if (ts.isTaggedTemplateExpression(node))
    return 'a tagged template calls a function, which is not evaluated at compile time';
  if (ts.isConditionalExpression(node)) return 'a conditional expression (`? :`) is not evaluated at compile time';
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node))
    return 'a function is not a value known at compile time';
  if (ts.isClassExpression(node)) return 'a class is not a value known at compile time';
  if (ts.isRegularExpressionLiteral(node)) return 'a regular expression is not a value known at compile time';
  if (ts.isBigIntLiteral(node)) return 'a BigInt is not a value known at compile time';
  return `a ${ts.SyntaxKind[node.kind].replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} is not known at compile time`;
}
