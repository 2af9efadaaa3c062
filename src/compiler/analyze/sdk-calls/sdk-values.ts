import { ts } from '../typescript';
import { resolveAlias } from '../evaluate';
import { isSdkModule } from '../../model/sdk-module-names';
import { documentClient, instantiate, type SdkExport, type SdkValue } from './sdk-modules';
import type { CallSites } from './call-sites';
import { outerHolder, skipOuterExpressions } from '../outer-expressions';
import { functionLikeOf, isFunctionLike, returnExpressions, type AppNames, type FunctionLike } from './syntax';

/**
 * Which AWS SDK values (modules, classes, clients, commands) an expression can hold,
 * following imports and re-exports, consts, destructuring, object properties, class
 * fields (initializers and `this.x = ...`), parameters (their type annotation, else the
 * arguments of every call), return values and type annotations. SDK modules are known by
 * their import specifiers, so their typings are never needed. An empty list: not an SDK value.
 */
export class SdkValues {
  private readonly cache = new Map<ts.Node, SdkValue[]>();
  /** Expressions and declarations being evaluated, and functions whose returns are: recursion yields nothing. */
  private readonly active = new Set<ts.Node>();
  private readonly returning = new Set<ts.Node>();

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly callSites: CallSites,
    /** Names the app declares: other member names are looked up on SDK values only. */
    private readonly names: AppNames,
  ) {}

  of(expression: ts.Expression): SdkValue[] {
    const cached = this.cache.get(expression);
    if (cached) return cached;
    if (this.active.has(expression)) return [];
    this.active.add(expression);
    try {
      const values = unique(this.compute(expression));
      this.cache.set(expression, values);
      return values;
    } finally {
      this.active.delete(expression);
    }
  }

  private compute(node: ts.Expression): SdkValue[] {
    if (isTypeAssertion(node)) {
      const inner = this.of(node.expression);
      return inner.length ? inner : this.ofType(node.type);
    }
    if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAwaitExpression(node))
      return this.of(node.expression);
    if (ts.isIdentifier(node)) return this.ofSymbol(this.symbolOf(node));
    if (ts.isPropertyAccessExpression(node)) return this.member(node.expression, node.name.text, node.name);
    if (ts.isElementAccessExpression(node)) {
      const key = node.argumentExpression;
      return ts.isStringLiteralLike(key) ? this.member(node.expression, key.text, key) : [];
    }
    if (ts.isNewExpression(node))
      return this.of(node.expression).flatMap((v) => (v.kind === 'export' ? [instantiate(v)].filter(isDefined) : []));
    if (ts.isCallExpression(node)) return this.call(node);
    if (ts.isConditionalExpression(node)) return [...this.of(node.whenTrue), ...this.of(node.whenFalse)];
    if (ts.isBinaryExpression(node)) return this.binary(node);
    return [];
  }

  private binary(node: ts.BinaryExpression): SdkValue[] {
    switch (node.operatorToken.kind) {
      case ts.SyntaxKind.QuestionQuestionToken:
      case ts.SyntaxKind.BarBarToken:
        return [...this.of(node.left), ...this.of(node.right)];
      case ts.SyntaxKind.AmpersandAmpersandToken:
      case ts.SyntaxKind.CommaToken:
      case ts.SyntaxKind.EqualsToken:
      case ts.SyntaxKind.QuestionQuestionEqualsToken:
      case ts.SyntaxKind.BarBarEqualsToken:
        return this.of(node.right);
      default:
        return [];
    }
  }

  /** `a.b`: the property's declaration when the checker knows it, else a member of an SDK module. */
  private member(object: ts.Expression, name: string, nameNode: ts.Node): SdkValue[] {
    const symbol = this.names.all.has(name) ? this.checker.getSymbolAtLocation(nameNode) : undefined;
    const declared = symbol ? this.ofSymbol(symbol) : [];
    if (declared.length) return declared;
    return this.of(object).flatMap((v) => (v.kind === 'export' ? [{ ...v, path: [...v.path, name] }] : []));
  }

  private call(node: ts.CallExpression): SdkValue[] {
    const callee = skipOuterExpressions(node.expression);
    const specifier = node.arguments[0];
    const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
    if ((isRequire || callee.kind === ts.SyntaxKind.ImportKeyword) && specifier && ts.isStringLiteralLike(specifier)) {
      return isSdkModule(specifier.text) ? [{ kind: 'export', module: specifier.text, path: [] }] : [];
    }
    // lib-dynamodb: DynamoDBDocumentClient.from(new DynamoDBClient({})).
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'from') {
      const made = this.of(callee.expression).flatMap((v) =>
        v.kind === 'export' && v.path.length === 1 ? [documentClient(v.path[0])].filter(isDefined) : [],
      );
      if (made.length) return made;
    }
    return this.functionsCalled(callee).flatMap((fn) => this.returned(fn));
  }

  /** The app's functions a callee names (none for an unresolved SDK import: its symbol has no declarations). */
  private functionsCalled(callee: ts.Expression): FunctionLike[] {
    if (ts.isPropertyAccessExpression(callee) && !this.names.functions.has(callee.name.text)) return [];
    const symbol = ts.isPropertyAccessExpression(callee)
      ? this.checker.getSymbolAtLocation(callee.name)
      : this.symbolOf(callee);
    const target = symbol && resolveAlias(this.checker, symbol);
    return (target?.declarations ?? []).map(functionLikeOf).filter(isDefined);
  }

  private returned(fn: FunctionLike): SdkValue[] {
    if (this.returning.has(fn)) return [];
    this.returning.add(fn);
    try {
      const values = returnExpressions(fn).flatMap((e) => this.of(e));
      return values.length || !fn.type ? values : this.ofType(fn.type);
    } finally {
      this.returning.delete(fn);
    }
  }

  private symbolOf(node: ts.Node): ts.Symbol | undefined {
    if (ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node)
      return this.checker.getShorthandAssignmentValueSymbol(node.parent);
    return this.checker.getSymbolAtLocation(node);
  }

  /** A symbol's values: an SDK import directly, else what its declarations hold. */
  private ofSymbol(symbol: ts.Symbol | undefined): SdkValue[] {
    for (let current = symbol; current;) {
      if (!(current.flags & ts.SymbolFlags.Alias))
        return (current.declarations ?? []).flatMap((d) => this.ofDeclaration(d));
      const imported = sdkImport(current);
      if (imported) return [imported];
      const next = this.checker.getImmediateAliasedSymbol(current);
      current = next === current ? undefined : next;
    }
    return [];
  }

  private ofDeclaration(declaration: ts.Declaration): SdkValue[] {
    if (this.active.has(declaration)) return [];
    this.active.add(declaration);
    try {
      return this.declared(declaration);
    } finally {
      this.active.delete(declaration);
    }
  }

  private declared(declaration: ts.Declaration): SdkValue[] {
    if (ts.isVariableDeclaration(declaration))
      return this.orType(declaration.initializer ? this.of(declaration.initializer) : [], declaration.type);
    if (ts.isBindingElement(declaration)) return this.bindingElement(declaration);
    if (ts.isParameter(declaration)) return this.parameter(declaration);
    if (ts.isPropertyDeclaration(declaration)) {
      const assigned = [...(declaration.initializer ? [declaration.initializer] : []), ...thisAssignments(declaration)];
      return this.orType(
        assigned.flatMap((e) => this.of(e)),
        declaration.type,
      );
    }
    if (ts.isPropertyAssignment(declaration)) return this.of(declaration.initializer);
    if (ts.isShorthandPropertyAssignment(declaration))
      return this.ofSymbol(this.checker.getShorthandAssignmentValueSymbol(declaration));
    if (ts.isPropertySignature(declaration)) return declaration.type ? this.ofType(declaration.type) : [];
    if (ts.isGetAccessorDeclaration(declaration)) return this.returned(declaration);
    if (ts.isExportAssignment(declaration)) return this.of(declaration.expression);
    return [];
  }

  private orType(values: SdkValue[], type: ts.TypeNode | undefined): SdkValue[] {
    return values.length || !type ? values : this.ofType(type);
  }

  /** `const { S3 } = AWS`, `const { s3 } = clients`, `function f({ s3 }: Deps)`. */
  private bindingElement(element: ts.BindingElement): SdkValue[] {
    const pattern = element.parent;
    const key = element.propertyName ?? element.name;
    if (!ts.isObjectBindingPattern(pattern) || !(ts.isIdentifier(key) || ts.isStringLiteral(key))) return [];
    const source = pattern.parent;
    const sourceValues = ts.isVariableDeclaration(source) && source.initializer ? this.of(source.initializer) : [];
    const members = sourceValues.flatMap((v) => (v.kind === 'export' ? [{ ...v, path: [...v.path, key.text] }] : []));
    if (members.length) return members;
    const property = this.checker.getTypeAtLocation(source).getProperty(key.text);
    return property && !property.declarations?.includes(element) ? this.ofSymbol(property) : [];
  }

  /** A parameter holds what its annotation names, else what every call passes, else its default. */
  private parameter(parameter: ts.ParameterDeclaration): SdkValue[] {
    const annotated = parameter.type ? this.ofType(parameter.type) : [];
    if (annotated.length) return annotated;
    const fn = parameter.parent;
    const index = fn.parameters.indexOf(parameter);
    // Inline functions (callbacks, handlers) are called by the SDK, appc or a library, never by name.
    const passed =
      isFunctionLike(fn) && !isInline(fn) && !parameter.dotDotDotToken
        ? this.callSites.of(fn).flatMap((call) => (call.arguments?.[index] ? this.of(call.arguments[index]) : []))
        : [];
    return passed.length || !parameter.initializer ? passed : this.of(parameter.initializer);
  }

  /** The instances a type annotation names: `S3Client`, `AWS.S3`, `S3Client | undefined`, `Promise<DynamoDB>`. */
  private ofType(type: ts.TypeNode): SdkValue[] {
    if (ts.isUnionTypeNode(type)) return type.types.flatMap((t) => this.ofType(t));
    if (ts.isParenthesizedTypeNode(type)) return this.ofType(type.type);
    if (!ts.isTypeReferenceNode(type)) return [];
    const name = type.typeName;
    if (ts.isIdentifier(name) && (name.text === 'Promise' || name.text === 'Awaited') && type.typeArguments?.[0])
      return this.ofType(type.typeArguments[0]);
    return this.typeName(name).flatMap((v) => (v.kind === 'export' ? [instantiate(v)].filter(isDefined) : []));
  }

  private typeName(name: ts.EntityName): SdkValue[] {
    if (ts.isIdentifier(name))
      return this.ofSymbol(this.checker.getSymbolAtLocation(name)).filter((v) => v.kind === 'export');
    return this.typeName(name.left).flatMap((v) =>
      v.kind === 'export' ? [{ ...v, path: [...v.path, name.right.text] }] : [],
    );
  }
}

/**
 * The SDK export an import (or re-export) names directly: `import { S3Client } from '@aws-sdk/client-s3'` ->
 * ['S3Client'].
 */
function sdkImport(symbol: ts.Symbol): SdkExport | undefined {
  const declaration = symbol.declarations?.[0];
  if (!declaration) return undefined;
  const specifier = moduleSpecifierOf(declaration);
  if (specifier === undefined || !isSdkModule(specifier)) return undefined;
  if (ts.isImportSpecifier(declaration) || ts.isExportSpecifier(declaration)) {
    const name = (declaration.propertyName ?? declaration.name).text;
    // `default` of a v3 package is not a thing; of `aws-sdk` (and its clients) it is the module.
    return { kind: 'export', module: specifier, path: name === 'default' ? [] : [name] };
  }
  // import AWS from 'aws-sdk', import * as AWS from ..., import AWS = require(...), export * as x from ...
  return { kind: 'export', module: specifier, path: [] };
}

function moduleSpecifierOf(declaration: ts.Declaration): string | undefined {
  let node: ts.Node = declaration;
  while (
    node &&
    !ts.isImportDeclaration(node) &&
    !ts.isExportDeclaration(node) &&
    !ts.isImportEqualsDeclaration(node) &&
    !ts.isSourceFile(node)
  )
    node = node.parent;
  if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
    return node.moduleSpecifier && ts.isStringLiteralLike(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
  }
  if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
    const expression = node.moduleReference.expression;
    return ts.isStringLiteralLike(expression) ? expression.text : undefined;
  }
  return undefined;
}

/** `this.<name> = value` anywhere in the property's class. */
function thisAssignments(property: ts.PropertyDeclaration): ts.Expression[] {
  const name = property.name;
  if (!ts.isIdentifier(name) && !ts.isPrivateIdentifier(name)) return [];
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      node.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
      node.left.name.text === name.text
    ) {
      found.push(node.right);
    }
    ts.forEachChild(node, visit);
  };
  for (const member of property.parent.members) if (member !== property) visit(member);
  return found;
}

function isInline(fn: FunctionLike): boolean {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  return functionLikeOf(outerHolder(fn)) !== fn;
}

function unique(values: SdkValue[]): SdkValue[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = JSON.stringify(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/** `x as T`, `<T>x`, `x satisfies T`. */
function isTypeAssertion(node: ts.Node): node is ts.AsExpression | ts.TypeAssertion | ts.SatisfiesExpression {
  return ts.isAsExpression(node) || ts.isTypeAssertionExpression(node) || ts.isSatisfiesExpression(node);
}
