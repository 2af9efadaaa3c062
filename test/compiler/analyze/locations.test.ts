import { expect } from 'chai';
import { ts } from '../../../src/compiler/analyze/typescript';
import { locationOf, relativePath } from '../../../src/compiler/analyze/locations';

const file = (text: string) => ts.createSourceFile('/project/src/app.ts', text, ts.ScriptTarget.ES2022, true);
const firstExpression = (source: ts.SourceFile) => (source.statements[0] as ts.ExpressionStatement).expression;

describe('analysis: source locations', () => {
  it('is 1-based and project-relative, and starts after leading trivia and comments', () => {
    const source = file("\n  /* note */ app.route('/', h);");
    expect(locationOf(firstExpression(source), '/project')).to.deep.equal({
      file: 'src/app.ts',
      line: 2,
      column: 14,
      length: "app.route('/', h)".length,
    });
  });

  it('underlines to the end of the first line of a node spanning several', () => {
    const source = file("app.route('/',\n  h);");
    expect(locationOf(firstExpression(source), '/project').length).to.equal("app.route('/',".length);
  });

  it('underlines at least one character', () => {
    const source = file('x;\n');
    const statement = source.statements[0];
    const empty = ts.factory.createOmittedExpression();
    expect(locationOf(statement, '/project').length).to.equal(2);
    expect(locationOf(ts.setTextRange(empty, { pos: 1, end: 1 }), '/project', source).length).to.equal(1);
  });

  it('takes the file of an unbound node when given', () => {
    const source = ts.createSourceFile('/project/b.ts', 'let a = 1;\nlet b = 2;', ts.ScriptTarget.ES2022, false);
    expect(locationOf(source.statements[1], '/project', source)).to.deep.include({ file: 'b.ts', line: 2, column: 1 });
  });

  it('writes relative paths with forward slashes', () => {
    expect(relativePath('/project', '/project/lib/routes/users.ts')).to.equal('lib/routes/users.ts');
  });
});
