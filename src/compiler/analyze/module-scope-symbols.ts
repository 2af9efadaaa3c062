import { ts } from './typescript';

/**
 * The nodes a name can sit under, between it and its module, without a scope of its own: no function, class, block,
 * loop or catch clause (which may declare the same name again), no type (names there are types, not values).
 */
const NO_SCOPE = new Set([
  ts.SyntaxKind.SourceFile,
  ts.SyntaxKind.ExpressionStatement,
  ts.SyntaxKind.VariableStatement,
  ts.SyntaxKind.VariableDeclarationList,
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.NewExpression,
  ts.SyntaxKind.PropertyAccessExpression,
  ts.SyntaxKind.ElementAccessExpression,
  ts.SyntaxKind.TemplateExpression,
  ts.SyntaxKind.TemplateSpan,
  ts.SyntaxKind.BinaryExpression,
  ts.SyntaxKind.ParenthesizedExpression,
  ts.SyntaxKind.AsExpression,
  ts.SyntaxKind.SatisfiesExpression,
  ts.SyntaxKind.NonNullExpression,
  ts.SyntaxKind.ArrayLiteralExpression,
  ts.SyntaxKind.ObjectLiteralExpression,
  ts.SyntaxKind.PropertyAssignment,
  ts.SyntaxKind.SpreadElement,
  ts.SyntaxKind.SpreadAssignment,
]);

/**
 * `checker.getSymbolAtLocation`, remembered per module and name for the names read in module scope: there a name means
 * the same symbol wherever it is read (TypeScript resolves it in the module's own scope), and the analysis reads the
 * same few names (the app, path prefixes, an authorizer) in every registration of a module. Asking the checker costs a
 * walk up the tree and a scope lookup each time.
 */
export class ModuleScopeSymbols {
  private readonly byFile = new Map<ts.SourceFile, Map<string, ts.Symbol | undefined>>();

  constructor(private readonly checker: ts.TypeChecker) {}

  symbolAt(node: ts.Node): ts.Symbol | undefined {
    const file = ts.isIdentifier(node) ? moduleOfReference(node) : undefined;
    if (!file) return this.checker.getSymbolAtLocation(node);
    const name = (node as ts.Identifier).text;
    let names = this.byFile.get(file);
    if (!names) this.byFile.set(file, (names = new Map()));
    if (names.has(name)) return names.get(name);
    const symbol = this.checker.getSymbolAtLocation(node);
    names.set(name, symbol);
    return symbol;
  }
}

/**
 * The module of a name read as a value (not declared, not a property's name) with no scope between them. In a
 * JavaScript module, `exports` and `module` are left to the checker: in `exports.app = app` it answers with the
 * export the assignment declares, elsewhere with the module.
 */
function moduleOfReference(node: ts.Identifier): ts.SourceFile | undefined {
  if (!isReadAsValue(node)) return undefined;
  for (let ancestor = node.parent; ancestor; ancestor = ancestor.parent) {
    if (!NO_SCOPE.has(ancestor.kind)) return undefined;
    if (ts.isSourceFile(ancestor)) return isCommonJsName(node, ancestor) ? undefined : ancestor;
  }
  return undefined;
}

function isCommonJsName(node: ts.Identifier, file: ts.SourceFile): boolean {
  return (node.text === 'exports' || node.text === 'module') && /\.[cm]?jsx?$/.test(file.fileName);
}

/** Whether `node`'s parent reads it as a value: `node.x`, `node(...)`, `f(node)`, `${node}`, `a + node`, ... */
function isReadAsValue(node: ts.Identifier): boolean {
  const parent = node.parent;
  switch (parent.kind) {
    case ts.SyntaxKind.PropertyAccessExpression:
      return (parent as ts.PropertyAccessExpression).expression === node;
    case ts.SyntaxKind.PropertyAssignment:
      return (parent as ts.PropertyAssignment).initializer === node;
    case ts.SyntaxKind.VariableDeclaration:
      return (parent as ts.VariableDeclaration).initializer === node;
    case ts.SyntaxKind.ExpressionStatement:
    case ts.SyntaxKind.CallExpression:
    case ts.SyntaxKind.NewExpression:
    case ts.SyntaxKind.ElementAccessExpression:
    case ts.SyntaxKind.TemplateSpan:
    case ts.SyntaxKind.BinaryExpression:
    case ts.SyntaxKind.ParenthesizedExpression:
    case ts.SyntaxKind.AsExpression:
    case ts.SyntaxKind.SatisfiesExpression:
    case ts.SyntaxKind.NonNullExpression:
    case ts.SyntaxKind.ArrayLiteralExpression:
    case ts.SyntaxKind.SpreadElement:
    case ts.SyntaxKind.SpreadAssignment:
      return true;
    default:
      return false;
  }
}
