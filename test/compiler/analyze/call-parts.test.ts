import { expect } from 'chai';
import { analyzeFiles, appTs } from './analyze-files';

/** `{ line, column, length }` of a location, for short expectations. */
const span = (l: { line: number; column: number; length: number }) => [l.line, l.column, l.length];

describe('analyze: where the parts of a registration are written', () => {
  it("records a route's path, each option property and the elements of an array literal option", () => {
    const { model } = analyzeFiles({
      'app.ts': appTs("app.route('/items', { methods: ['GET', 'POST'], name: 'items' }, () => ({}));"),
    });
    const { parts } = model!.routes[0];
    expect(span(parts.argument!)).to.deep.equal([3, 11, 8]);
    expect(Object.fromEntries(Object.entries(parts.options).map(([k, l]) => [k, span(l)]))).to.deep.equal({
      methods: [3, 23, 24],
      name: [3, 49, 13],
    });
    expect(parts.elements.methods.map(span)).to.deep.equal([
      [3, 33, 5],
      [3, 40, 6],
    ]);
  });

  it('points options that come from elsewhere (a const, a spread) at the options argument', () => {
    const { model } = analyzeFiles({
      'app.ts': appTs(
        "const base = { methods: ['PUT'] };\napp.route('/a', base, () => ({}));\napp.route('/b', { ...base, name: 'b' }, () => ({}));",
      ),
    });
    const [a, b] = model!.routes;
    expect(span(a.parts.options.methods)).to.deep.equal([4, 17, 4]);
    expect(a.parts.elements).to.deep.equal({});
    expect(span(b.parts.options.methods)).to.deep.equal([5, 17, 22]);
    expect(span(b.parts.options.name)).to.deep.equal([5, 28, 9]);
  });

  it("records a schedule's expression as its argument, and no argument for other functions", () => {
    const { model } = analyzeFiles({
      'app.ts': appTs(
        "app.schedule('rate(1 hour)', { name: 'hourly' }, () => null);\napp.lambdaFunction({ name: 'pure' }, () => null);",
      ),
    });
    const [schedule, pure] = model!.functions;
    expect(span(schedule.parts.argument!)).to.deep.equal([3, 14, 14]);
    expect(pure.parts.argument).to.equal(undefined);
    expect(span(pure.parts.options.name)).to.deep.equal([4, 22, 12]);
  });

  it('underlines the element of the wrong type in an array option, not the whole array', () => {
    const { text } = analyzeFiles({
      'app.ts': appTs("app.route('/', { methods: ['GET', 5 as never] }, () => ({}));"),
    });
    expect(text).to.contain(
      [
        "app.ts:3:35 - error APPC213: option 'methods' must be an array of strings",
        "  3 | app.route('/', { methods: ['GET', 5 as never] }, () => ({}));",
        '    |                                   ^^^^^^^^^^',
      ].join('\n'),
    );
  });
});
