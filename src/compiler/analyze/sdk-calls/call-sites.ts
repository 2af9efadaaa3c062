import { ts } from '../typescript';
import { resolveAlias } from '../evaluate';
import { skipOuterExpressions } from '../outer-expressions';
import { functionLikeOf, type FunctionLike } from './syntax';

/**
 * Every call (and `new`) of each of the app's own functions, so a parameter without a
 * type annotation can hold what its callers pass. Built on first use: apps whose SDK
 * clients are all annotated or never passed around never pay for it.
 */
export class CallSites {
  private index?: Map<FunctionLike, Array<ts.CallExpression | ts.NewExpression>>;

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly files: readonly ts.SourceFile[],
    /** `AppNames.functions`: a method name the app never declares calls none of its functions. */
    private readonly functionNames: ReadonlySet<string>,
  ) {}

  of(fn: FunctionLike): ReadonlyArray<ts.CallExpression | ts.NewExpression> {
    this.index ??= this.build();
    return this.index.get(fn) ?? [];
  }

  private build(): Map<FunctionLike, Array<ts.CallExpression | ts.NewExpression>> {
    const index = new Map<FunctionLike, Array<ts.CallExpression | ts.NewExpression>>();
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        for (const fn of this.targets(node)) {
          const calls = index.get(fn) ?? [];
          calls.push(node);
          index.set(fn, calls);
        }
      }
      ts.forEachChild(node, visit);
    };
    for (const file of this.files) visit(file);
    return index;
  }

  private targets(call: ts.CallExpression | ts.NewExpression): FunctionLike[] {
    const callee = skipOuterExpressions(call.expression);
    if (ts.isPropertyAccessExpression(callee) && !this.functionNames.has(callee.name.text)) return [];
    const symbol = this.checker.getSymbolAtLocation(ts.isPropertyAccessExpression(callee) ? callee.name : callee);
    if (!symbol) return [];
    const declarations = resolveAlias(this.checker, symbol).declarations ?? [];
    if (ts.isNewExpression(call)) {
      return declarations.flatMap((d) => (ts.isClassLike(d) ? d.members.filter(ts.isConstructorDeclaration) : []));
    }
    return declarations.map(functionLikeOf).filter((fn): fn is FunctionLike => fn !== undefined);
  }
}
