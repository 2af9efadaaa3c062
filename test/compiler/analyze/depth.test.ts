import { expect } from 'chai';
import { ts } from '../../../src/compiler/analyze/typescript';
import {
  firstTooDeep,
  isStackOverflow,
  MAX_SYNTAX_DEPTH,
  stackOverflow,
  tooDeep,
} from '../../../src/compiler/analyze/depth';

const parse = (text: string) => ts.createSourceFile('/project/app.ts', text, ts.ScriptTarget.ES2022, false);

/** `const x = ` then `n` nested arrays. */
const nestedArrays = (n: number) => `const ok = 1;\nconst x = ${'['.repeat(n)}${']'.repeat(n)};`;

describe('analysis: syntax depth', () => {
  it('finds nothing in code nested within the limit', () => {
    expect(firstTooDeep(parse(nestedArrays(10)))).to.equal(undefined);
  });

  it('finds the first node past the limit, in source order', () => {
    const source = parse(nestedArrays(10));
    const node = firstTooDeep(source, 8);
    expect(node && ts.isArrayLiteralExpression(node)).to.equal(true);
    // The file is level 0; the statement, its declaration list and the declaration 1 to 3; the first array 4.
    expect(node!.getStart(source)).to.equal(source.text.indexOf('[') + 5);
  });

  it('walks a tree deeper than the limit without recursion', () => {
    const source = parse(nestedArrays(MAX_SYNTAX_DEPTH + 10));
    expect(firstTooDeep(source)).to.not.equal(undefined);
  });

  it('reports APPC222 at the node and APPC223 at the top of the file', () => {
    const source = parse(nestedArrays(10));
    const deep = tooDeep(firstTooDeep(source, 8)!, source, '/project');
    expect([deep.code, deep.severity, deep.location]).to.deep.equal([
      'APPC222',
      'error',
      { file: 'app.ts', line: 2, column: 16, length: 10 },
    ]);
    expect(deep.message).to.equal('this code is nested more than 500 levels deep, deeper than appc analyses');
    const overflow = stackOverflow('/project/lib/deep.ts', '/project', "TypeScript's parser");
    expect([overflow.code, overflow.message, overflow.location]).to.deep.equal([
      'APPC223',
      "TypeScript's parser ran out of stack on this file: its code nests too deeply",
      { file: 'lib/deep.ts', line: 1, column: 1, length: 1 },
    ]);
  });

  it("tells V8's stack overflow from other errors", () => {
    const recurse = (n: number): number => recurse(n + 1) + 1;
    let overflow: unknown;
    try {
      recurse(0);
    } catch (e) {
      overflow = e;
    }
    expect(isStackOverflow(overflow)).to.equal(true);
    expect(isStackOverflow(new RangeError('Invalid array length'))).to.equal(false);
    expect(isStackOverflow(new Error('Maximum call stack size exceeded'))).to.equal(false);
  });
});
