import { expect } from 'chai';
import { ts } from 'ts-morph';
import { outerHolder, skipOuterExpressions } from '../../../src/compiler/analyze/outer-expressions';

/** The initializer of `const x = <text>;`, parsed in memory. */
function initializer(text: string): ts.Expression {
  const file = ts.createSourceFile('a.ts', `const x = ${text};`, ts.ScriptTarget.Latest, true);
  const statement = file.statements[0] as ts.VariableStatement;
  return statement.declarationList.declarations[0].initializer!;
}

describe('skipOuterExpressions: the one unwrapper of the analysis', () => {
  it('skips parentheses, as, satisfies, non-null and type assertions, however nested', () => {
    const inner = skipOuterExpressions(initializer('((<any>f!) as unknown satisfies unknown)'));
    expect(ts.isIdentifier(inner) && inner.text).to.equal('f');
  });

  it('stops at expressions that do something at run time', () => {
    for (const text of ['await f', 'f()', 'f.g', 'void f', '!f']) {
      const node = initializer(`(${text})`);
      expect(skipOuterExpressions(node).getText()).to.equal(text);
    }
  });

  it('finds what holds a wrapped value: the declaration of `const x = (f as F)!`', () => {
    const arrow = skipOuterExpressions(initializer('((() => 1) as F)!'));
    expect(ts.isArrowFunction(arrow)).to.equal(true);
    expect(ts.isVariableDeclaration(outerHolder(arrow))).to.equal(true);
  });
});
