import { ts } from './typescript';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import { resolveAlias } from './evaluate';
import { locationOf } from './locations';
import type { ModuleScopeSymbols } from './module-scope-symbols';
import { skipOuterExpressions } from './outer-expressions';
import type { RegistrationMethod } from '../../runtime/registrations';
import type { CollectedItem, Setting } from './registration';
import { isRegistrationShape, type RuntimeSymbols } from './runtime-symbols';

export interface Collected {
  apps: Array<{ declaration: ts.VariableDeclaration; expression: ts.NewExpression }>;
  blueprints: Set<ts.VariableDeclaration>;
  /** In evaluation order. */
  items: CollectedItem[];
  diagnostics: Diagnostic[];
  /** Every `new` expression of the modules, in evaluation order and source order (for auth-routes.ts). */
  newExpressions: ts.NewExpression[];
}

/** Walks the top-level statements of every module in evaluation order. */
export function collectRegistrations(
  files: readonly ts.SourceFile[],
  runtime: RuntimeSymbols,
  checker: ts.TypeChecker,
  projectDir: string,
): Collected {
  const collected: Collected = { apps: [], blueprints: new Set(), items: [], diagnostics: [], newExpressions: [] };
  const accepted = new Set<ts.Node>();
  const targetOf = (expression: ts.Expression) => instanceDeclaration(expression, checker, runtime.symbols);
  for (const file of files) {
    for (const statement of file.statements) {
      for (const [expression, constName] of topLevelExpressions(statement)) {
        const found = classify(expression, runtime, targetOf);
        if (!found) continue;
        accepted.add(expression);
        record(collected, found, expression, statement, constName, projectDir);
      }
    }
    walkModule(file, accepted, runtime, projectDir, collected);
  }
  return collected;
}

/** Adds one classified top-level expression to `collected`: an app, a blueprint, an item, or a diagnostic. */
function record(
  collected: Collected,
  found: Classified,
  expression: ts.Expression,
  statement: ts.Statement,
  constName: string | null,
  projectDir: string,
): void {
  if (found.type === 'new') {
    const declaration = ts.isVariableDeclaration(expression.parent) ? expression.parent : undefined;
    if (!declaration) return;
    if (found.newClass === 'App') collected.apps.push({ declaration, expression: expression as ts.NewExpression });
    else collected.blueprints.add(declaration);
  } else if (!found.target) {
    collected.diagnostics.push(
      error(
        'APPC212',
        'cannot tell which App or Blueprint this registers on',
        'Register on a const holding `new App(...)` or `new Blueprint()` (directly or imported).',
        locationOf(expression, projectDir),
      ),
    );
  } else if (found.type === 'registration') {
    const call = expression as ts.CallExpression;
    const { method, target } = found;
    collected.items.push({ type: 'registration', method, call, statement, target, constName });
  } else {
    collected.items.push({ type: 'setting', setting: found.setting, value: found.value, target: found.target });
  }
}

type Target = ts.VariableDeclaration | undefined;
type Classified =
  | { type: 'new'; newClass: 'App' | 'Blueprint' }
  | { type: 'registration'; method: RegistrationMethod; target: Target }
  | { type: 'setting'; setting: Setting['setting']; value: ts.Expression[]; target: Target };

function classify(
  expression: ts.Expression,
  runtime: RuntimeSymbols,
  targetOf: (e: ts.Expression) => ts.VariableDeclaration | undefined,
): Classified | undefined {
  if (ts.isNewExpression(expression)) {
    const name = runtime.classOf(expression.expression);
    return name === 'App' || name === 'Blueprint' ? { type: 'new', newClass: name } : undefined;
  }
  if (runtime.isRegistrationCall(expression)) {
    const access = expression.expression;
    return { type: 'registration', method: access.name.text, target: targetOf(access.expression) };
  }
  const setting = settingOf(expression, runtime);
  return setting && { type: 'setting', ...setting, target: targetOf(setting.receiver) };
}

/** `app.debug = x`, `app.api.cors = x`, `app.api.binaryTypes = [...]`, `app.api.binaryTypes.push(...)`. */
function settingOf(
  expression: ts.Expression,
  runtime: RuntimeSymbols,
): { setting: Setting['setting']; value: ts.Expression[]; receiver: ts.Expression } | undefined {
  if (
    ts.isBinaryExpression(expression) &&
    expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    ts.isPropertyAccessExpression(expression.left)
  ) {
    const chain = accessChain(expression.left);
    if (!chain || runtime.receiverKind(chain.receiver) !== 'App') return undefined;
    const setting = ({ debug: 'debug', 'api.cors': 'cors', 'api.binaryTypes': 'binaryTypes' } as const)[chain.path];
    return setting && { setting, value: [expression.right], receiver: chain.receiver };
  }
  if (ts.isCallExpression(expression) && ts.isPropertyAccessExpression(expression.expression)) {
    const chain = accessChain(expression.expression);
    if (chain?.path === 'api.binaryTypes.push' && runtime.receiverKind(chain.receiver) === 'App') {
      return { setting: 'binaryTypes.push', value: [...expression.arguments], receiver: chain.receiver };
    }
  }
  return undefined;
}

/** Cheap (no checker, no allocation): whether `node` has a setting's shape, `x.y = ...` or `x.y.push(...)`. */
function mayBeSetting(node: ts.Node): node is ts.BinaryExpression | ts.CallExpression {
  if (ts.isBinaryExpression(node))
    return node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left);
  return (
    ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'push'
  );
}

/** `app.api.binaryTypes` -> receiver `app`, path `api.binaryTypes` (the receiver is the first non-`api` link). */
function accessChain(node: ts.PropertyAccessExpression): { receiver: ts.Expression; path: string } | undefined {
  const names: string[] = [];
  let current: ts.Expression = node;
  while (ts.isPropertyAccessExpression(current) && names.length < 4) {
    names.unshift(current.name.text);
    const path = names.join('.');
    if (path === 'debug' || path.startsWith('api.')) return { receiver: current.expression, path };
    current = current.expression;
  }
  return undefined;
}

/** The expressions of a top-level statement that may register, with the const they initialise. */
function topLevelExpressions(statement: ts.Statement): Array<[ts.Expression, string | null]> {
  if (ts.isExpressionStatement(statement)) return [[skipOuterExpressions(statement.expression), null]];
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations
      .filter((d) => d.initializer)
      .map((d) => [skipOuterExpressions(d.initializer!), ts.isIdentifier(d.name) ? d.name.text : null]);
  }
  return [];
}

/** The `const` holding the App/Blueprint that `expression` refers to, through `const api = app` aliases. */
function instanceDeclaration(
  expression: ts.Expression,
  checker: ts.TypeChecker,
  symbols: ModuleScopeSymbols,
  depth = 0,
): ts.VariableDeclaration | undefined {
  const symbol = symbols.symbolAt(ts.isPropertyAccessExpression(expression) ? expression.name : expression);
  const declaration = symbol && resolveAlias(checker, symbol).valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration)) return undefined;
  const initializer = declaration.initializer && skipOuterExpressions(declaration.initializer);
  if (initializer && (ts.isIdentifier(initializer) || ts.isPropertyAccessExpression(initializer)) && depth < 10) {
    return instanceDeclaration(initializer, checker, symbols, depth + 1) ?? declaration;
  }
  return declaration;
}

/**
 * One walk of a module's tree: registrations anywhere but a top-level statement (inside a function, condition or loop)
 * are reported, and the `new` expressions listed.
 */
function walkModule(
  file: ts.SourceFile,
  accepted: Set<ts.Node>,
  runtime: RuntimeSymbols,
  projectDir: string,
  { diagnostics, newExpressions }: Collected,
): void {
  const visit = (node: ts.Node): void => {
    const kind = node.kind;
    if (kind === ts.SyntaxKind.NewExpression) newExpressions.push(node as ts.NewExpression);
    else if (kind === ts.SyntaxKind.CallExpression || kind === ts.SyntaxKind.BinaryExpression)
      nestedRegistration(node, accepted, runtime, projectDir, diagnostics);
    ts.forEachChild(node, visit);
  };
  visit(file);
}

/** The error at a call or assignment that registers or sets, unless it is a top-level one (`accepted`). */
function nestedRegistration(
  node: ts.Node,
  accepted: Set<ts.Node>,
  runtime: RuntimeSymbols,
  projectDir: string,
  diagnostics: Diagnostic[],
): void {
  if (isRegistrationShape(node) && !accepted.has(node) && runtime.isRegistrationCall(node)) {
    const where = enclosingConstruct(node);
    diagnostics.push(
      error(
        'APPC205',
        `${node.expression.getText()}() must be a top-level statement, not inside ${where}`,
        'Move the registration to the top level of the module: appc reads registrations without running your code.',
        locationOf(node, projectDir),
      ),
    );
  } else if (mayBeSetting(node) && !accepted.has(node) && settingOf(node, runtime)) {
    diagnostics.push(
      error(
        'APPC205',
        `${node.getText().split('=')[0].trim()} must be set in a top-level statement, not inside ${enclosingConstruct(node)}`,
        'Move the assignment to the top level of the module: appc reads app settings without running your code.',
        locationOf(node, projectDir),
      ),
    );
  }
}

function enclosingConstruct(node: ts.Node): string {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) return 'a function';
    if (ts.isIfStatement(current) || ts.isConditionalExpression(current) || ts.isSwitchStatement(current))
      return 'a condition';
    if (ts.isIterationStatement(current, false)) return 'a loop';
    if (ts.isBlock(current) || ts.isTryStatement(current)) return 'a block';
  }
  return 'an expression';
}
