import { expect } from 'chai';
import { ts } from '../../../src/compiler/analyze/typescript';
import { describeHandler, handlerNode, parseJsDoc } from '../../../src/compiler/analyze/handler';
import type { HandlerModel } from '../../../src/compiler/model/app-model';
import { PROJECT_DIR, programOf, sourceFileOf } from '../../support/in-memory-program';

/** The handler model of each `use(handler)` statement of app.ts, in order (`undefined`: not a function seen). */
function describeUses(source: string, others: Record<string, string> = {}): Array<HandlerModel | undefined> {
  const program = programOf({ 'app.ts': `declare function use(handler: unknown): void;\n${source}`, ...others }, false);
  const checker = program.getTypeChecker();
  return sourceFileOf(program, 'app.ts')
    .statements.filter(ts.isExpressionStatement)
    .map((statement) => {
      const call = statement.expression as ts.CallExpression;
      return describeHandler(call.arguments[0], statement, checker, PROJECT_DIR);
    });
}

const only = (source: string, others?: Record<string, string>) => describeUses(source, others)[0];

describe('analysis: handlers', () => {
  it('an arrow function: its place, offsets and destructured parameter names; no name', () => {
    const handler = only('use(({ city, id: userId, ...rest }) => city);')!;
    const text = '({ city, id: userId, ...rest }) => city';
    expect(handler).to.deep.include({ paramNames: ['city', 'id'], ownName: null, docs: {} });
    expect(handler.location).to.deep.equal({ file: 'app.ts', line: 2, column: 5, length: text.length });
    expect(handler.end - handler.start).to.equal(text.length);
  });

  it('paramNames is null when the first parameter is not an object pattern, or there is none', () => {
    const [named, none] = describeUses('use((request: unknown) => request);\nuse(() => 1);');
    expect([named!.paramNames, none!.paramNames]).to.deep.equal([null, null]);
  });

  it('names: a function expression, a function declaration, a const (through consts), an imported function', () => {
    const handlers = describeUses(
      [
        'use(function everyHour() {});',
        'function daily() {}',
        'use(daily);',
        'const inner = () => 1;',
        'const outer = inner;',
        'use(outer);',
        "import { imported } from './lib';",
        'use(imported);',
      ].join('\n'),
      { 'lib.ts': 'export function imported({ a }: { a: string }) { return a; }' },
    );
    expect(handlers.map((h) => [h?.ownName, h?.paramNames])).to.deep.equal([
      ['everyHour', null],
      ['daily', null],
      ['outer', null],
      ['imported', ['a']],
    ]);
  });

  it('a method reached through an object', () => {
    const handler = only('class Views { static list({ page }: { page: number }) { return page; } }\nuse(Views.list);');
    expect([handler?.ownName, handler?.paramNames]).to.deep.equal(['list', ['page']]);
  });

  it('is undefined for what is not a function it can see', () => {
    const handlers = describeUses(
      "use(42);\nuse(makeHandler());\ndeclare function makeHandler(): () => void;\nuse(new Function('return 1'));",
    );
    expect(handlers).to.deep.equal([undefined, undefined, undefined]);
  });

  it('gives up on a chain of more than 100 consts', () => {
    const chain = Array.from({ length: 120 }, (_, i) => `const c${i + 1} = c${i};`).join('\n');
    expect(only(`const c0 = () => 1;\n${chain}\nuse(c120);`)).to.equal(undefined);
    expect(only(`const c0 = () => 1;\n${chain}\nuse(c90);`)?.ownName).to.equal('c90');
  });

  it("docs: the function's own JSDoc, else the registration statement's", () => {
    const [own, statement] = describeUses(
      [
        '/** Lists the items.',
        ' *',
        ' * Paged by `page`.',
        ' * @param page ignored */',
        'function list() {}',
        'use(list);',
        '/** Creates one. */',
        'use(() => 1);',
      ].join('\n'),
    );
    expect(own!.docs).to.deep.equal({ summary: 'Lists the items.', description: 'Paged by `page`.' });
    expect(statement!.docs).to.deep.equal({ summary: 'Creates one.' });
  });

  it('handlerNode finds the described expression, for copies sharing the handler object', () => {
    const program = programOf({ 'app.ts': 'declare function use(h: unknown): void;\nuse(() => 1);' }, false);
    const statement = sourceFileOf(program, 'app.ts').statements[1] as ts.ExpressionStatement;
    const argument = (statement.expression as ts.CallExpression).arguments[0];
    const handler = describeHandler(argument, statement, program.getTypeChecker(), PROJECT_DIR)!;
    expect(handlerNode({ ...handler })).to.equal(undefined);
    expect(handlerNode(handler)).to.equal(argument);
  });
});

describe('analysis: parseJsDoc', () => {
  const cases: Array<[string, string | undefined, HandlerModel['docs']]> = [
    ['no comment', undefined, {}],
    ['a one-line comment', '/** Hello. */', { summary: 'Hello.' }],
    [
      'summary and description',
      '/**\n * Hello.\n *\n * More\n *   indented\n */',
      { summary: 'Hello.', description: 'More\n  indented' },
    ],
    [
      'tags end the description',
      '/**\n * Hello.\n * Body.\n * @returns x\n * after\n */',
      { summary: 'Hello.', description: 'Body.' },
    ],
    ['only tags', '/** @deprecated */', {}],
    ['CRLF line ends', '/**\r\n * Hello.\r\n * Body.\r\n */', { summary: 'Hello.', description: 'Body.' }],
  ];
  for (const [what, comment, docs] of cases) it(what, () => expect(parseJsDoc(comment)).to.deep.equal(docs));
});
