import { expect } from 'chai';
import { error, sortDiagnostics, warning, withRelated } from '../../../src/compiler/diagnostics/diagnostic';
import { formatDiagnostic, formatDiagnostics, useColor } from '../../../src/compiler/diagnostics/format';

const SOURCE =
  "import { App } from 'appc';\nexport const app = new App({ appName: 'x' });\napp.route(prefix + name, () => ({}));\n";
const readSource = (file: string) => (file === 'app.ts' ? SOURCE : undefined);
const PATH_ERROR = error(
  'APPC203',
  'route path must be a string known at compile time',
  'Use a string literal, a const, or a template literal of consts.',
  { file: 'app.ts', line: 3, column: 11, length: 13 },
);

describe('diagnostics formatting', () => {
  it('prints location, severity, code, message, a code frame and the remedy', () => {
    expect(formatDiagnostic(PATH_ERROR, { readSource, color: false })).to.equal(
      [
        'app.ts:3:11 - error APPC203: route path must be a string known at compile time',
        '  3 | app.route(prefix + name, () => ({}));',
        '    |           ^^^^^^^^^^^^^',
        '  Use a string literal, a const, or a template literal of consts.',
      ].join('\n'),
    );
  });

  it('prints related locations with their own code frame, below the frame and above the remedy', () => {
    const lib = "// paths\nexport const base = process.env.BASE ?? '/x';\n";
    const read = (file: string) => (file === 'lib/paths.ts' ? lib : readSource(file));
    const d = withRelated(PATH_ERROR, [
      { message: "'base' gets its value here", location: { file: 'lib/paths.ts', line: 2, column: 21, length: 25 } },
    ]);
    expect(formatDiagnostic(d, { readSource: read, color: false })).to.equal(
      [
        'app.ts:3:11 - error APPC203: route path must be a string known at compile time',
        '  3 | app.route(prefix + name, () => ({}));',
        '    |           ^^^^^^^^^^^^^',
        "  lib/paths.ts:2:21 - 'base' gets its value here",
        "    2 | export const base = process.env.BASE ?? '/x';",
        '      |                     ^^^^^^^^^^^^^^^^^^^^^^^^^',
        '  Use a string literal, a const, or a template literal of consts.',
      ].join('\n'),
    );
    expect(formatDiagnostic(d, { readSource: () => undefined, color: false }).split('\n')).to.deep.equal([
      'app.ts:3:11 - error APPC203: route path must be a string known at compile time',
      "  lib/paths.ts:2:21 - 'base' gets its value here",
      '  Use a string literal, a const, or a template literal of consts.',
    ]);
  });

  it("prints an app error's stack trace below the code frame and above the remedy", () => {
    const d = { ...PATH_ERROR, trace: ['at build (app.ts:3:11)', 'at Object.<anonymous> (app.ts:4:1)'] };
    expect(formatDiagnostic(d, { readSource, color: false }).split('\n').slice(3)).to.deep.equal([
      '    at build (app.ts:3:11)',
      '    at Object.<anonymous> (app.ts:4:1)',
      '  Use a string literal, a const, or a template literal of consts.',
    ]);
  });

  it('cuts a long line around the column, marking the cuts', () => {
    const long = `app.route(${Array(100).fill("'a'").join(' + ')}, () => ({}));`;
    const at = (column: number, length: number) =>
      formatDiagnostic(error('APPC222', 'deep', undefined, { file: 'app.ts', line: 1, column, length }), {
        readSource: () => long,
        color: false,
      })
        .split('\n')
        .slice(1);
    const [head, caret] = at(11, 1000);
    expect(head).to.equal(`  1 | ${long.slice(0, 120)}…`);
    expect(caret).to.equal(`    | ${' '.repeat(10)}${'^'.repeat(110)}`);
    const [middle, under] = at(301, 3);
    expect(middle).to.equal(`  1 | …${long.slice(280, 400)}…`);
    expect(under).to.equal(`    | ${' '.repeat(21)}^^^`);
  });

  it('prints project-wide diagnostics without a location or frame, and counts errors and warnings', () => {
    const text = formatDiagnostics(
      [warning('APPC410', 'Node.js 18 is not a Lambda runtime', 'Use Node 20.'), PATH_ERROR],
      { readSource, color: false },
    );
    expect(text).to.match(
      /^warning APPC410: Node\.js 18 is not a Lambda runtime\n {2}Use Node 20\.\n\napp\.ts:3:11 - error/,
    );
    expect(text.endsWith('\n\nFound 1 error, 1 warning.\n')).to.equal(true);
  });

  it('colours only when asked to, and useColor follows the TTY and NO_COLOR', () => {
    expect(formatDiagnostic(PATH_ERROR, { readSource, color: true })).to.contain('\x1b[31merror\x1b[0m');
    expect(formatDiagnostic(PATH_ERROR, { readSource, color: false })).to.not.contain('\x1b[');
    expect(useColor({ isTTY: true }, {})).to.equal(true);
    expect(useColor({ isTTY: false }, {})).to.equal(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: '1' })).to.equal(false);
  });

  it('sorts by file, line, column and code', () => {
    const at = (file: string, line: number) => error('APPC301', 'x', undefined, { file, line, column: 1, length: 1 });
    const sorted = sortDiagnostics([
      at('lib/b.ts', 1),
      at('app.ts', 9),
      error('APPC101', 'no location'),
      at('app.ts', 2),
    ]);
    expect(sorted.map((d) => `${d.location?.file ?? '-'}:${d.location?.line ?? 0}`)).to.deep.equal([
      '-:0',
      'app.ts:2',
      'app.ts:9',
      'lib/b.ts:1',
    ]);
  });
});
