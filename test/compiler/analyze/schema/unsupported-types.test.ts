import { expect } from 'chai';
import { convertRoots } from './schema-program';

/** Where `needle` (its `occurrence`-th appearance) starts in `text`, 1-based. */
function at(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < occurrence; i++) index = text.indexOf(needle, index + 1);
  if (index === -1) throw new Error(`'${needle}' not in the source`);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The one diagnostic of converting app.ts's roots, as [code, message, remedy, line, column]. */
function onlyDiagnostic(app: string, files: Record<string, string> = {}) {
  const { diagnostics, text } = convertRoots({ 'app.ts': app, ...files });
  expect(diagnostics, text).to.have.length(1);
  const [d] = diagnostics;
  expect(d.severity).to.equal('error');
  return {
    code: d.code,
    message: d.message,
    remedy: d.remedy,
    line: d.location?.line,
    column: d.location?.column,
    file: d.location?.file,
    related: d.related,
    text,
  };
}

describe('type -> JSON Schema: types with no JSON form are diagnostics at the type', () => {
  const cases: Array<[string, string, string, string, RegExp, RegExp]> = [
    // [what, app.ts, code, the text the diagnostic points at, message, remedy]
    [
      'a function-typed property',
      'interface Job { id: string; run: () => void }\ninterface Roots { Job: Job }',
      'APPC260',
      '() => void',
      /'\(\) => void': a function has no JSON form/,
      /Remove it/,
    ],
    [
      'an interface with a method',
      'interface Greeter { name: string; greet(): string }\ninterface Roots { G: { who: Greeter } }',
      'APPC264',
      'Greeter }',
      /'Greeter': a value with methods has no JSON form \(methods: greet\)/,
      /interface with the data properties only/,
    ],
    [
      'a class instance with methods',
      'class Account { balance = 0; deposit(n: number) { this.balance += n; } }\ninterface Roots { A: { account: Account } }',
      'APPC264',
      'Account }',
      /an instance of class Account has no JSON form \(methods: deposit\)/,
      /data properties only/,
    ],
    [
      'a symbol',
      'interface Roots { S: { key: symbol } }',
      'APPC261',
      'symbol',
      /'symbol': a symbol has no JSON form/,
      /Use a string/,
    ],
    [
      'a unique symbol',
      'declare const tag: unique symbol;\ninterface Roots { S: { key: typeof tag } }',
      'APPC261',
      'typeof tag',
      /a symbol has no JSON form/,
      /Use a string/,
    ],
    [
      'a bigint',
      'interface Roots { B: { big: bigint } }',
      'APPC262',
      'bigint',
      /'bigint': a bigint has no JSON form/,
      /@pattern/,
    ],
    [
      'a bigint literal',
      'interface Roots { B: { big: 10n } }',
      'APPC262',
      '10n',
      /a bigint has no JSON form/,
      /number/,
    ],
    [
      'a Date',
      'interface Event { name: string; at: Date }\ninterface Roots { E: Event }',
      'APPC263',
      'Date',
      /'Date': a Date has no JSON form/,
      /^Use string with @format date-time\.$/,
    ],
    [
      'a Date in an array',
      'interface Roots { E: { times: Date[] } }',
      'APPC263',
      'Date[]',
      /a Date has no JSON form/,
      /@format date-time/,
    ],
    [
      'a Map',
      'interface Roots { M: { index: Map<string, number> } }',
      'APPC265',
      'Map<string, number>',
      /the built-in Map has no JSON form/,
      /Record<string, T>/,
    ],
    [
      'a Set',
      'interface Roots { M: { ids: Set<string> } }',
      'APPC265',
      'Set<string>',
      /the built-in Set has no JSON form/,
      /@uniqueItems/,
    ],
    [
      'a Promise',
      'interface Roots { P: Promise<string> }',
      'APPC265',
      'Promise<string>',
      /the built-in Promise has no JSON form/,
      /resolves to/,
    ],
    [
      'a type parameter',
      'interface Roots<T> { X: { value: T } }',
      'APPC266',
      'T }',
      /'T': a type parameter has no schema until it is given a type/,
      /concrete type/,
    ],
    [
      'an unresolved conditional type',
      'type Pick1<T> = T extends string ? { s: T } : { n: T };\ninterface Roots<T> { X: Pick1<T> }',
      'APPC266',
      'Pick1<T> }',
      /left unresolved by the checker/,
      /concrete type arguments/,
    ],
    [
      'an unresolved indexed access',
      'interface Roots<T extends { a: unknown }> { X: { v: T["a"] } }',
      'APPC266',
      'T["a"]',
      /left unresolved/,
      /concrete/,
    ],
    [
      'a name that does not resolve',
      'interface Roots { X: { todo: Todoo } }',
      'APPC267',
      'Todoo',
      /'Todoo': the type could not be resolved/,
      /import/,
    ],
    [
      'an intersection with an array',
      'interface Roots { X: string[] & { extra: 1 } }',
      'APPC269',
      'string[] &',
      /an intersection with string\[\] has no JSON form/,
      /Array<A & B>/,
    ],
    [
      'an anonymous type containing itself',
      'declare const tree: { label: string; children: Array<typeof tree> };\ninterface Roots { T: typeof tree }',
      'APPC268',
      'typeof tree>',
      /anonymous type contains itself/,
      /interface or a type alias/,
    ],
  ];
  for (const [what, app, code, pointsAt, message, remedy] of cases) {
    it(`${what}: ${code}`, () => {
      const d = onlyDiagnostic(app);
      expect(d.code, d.text).to.equal(code);
      expect(d.message).to.match(message);
      expect(d.remedy).to.match(remedy);
      expect([d.file, d.line, d.column], d.text).to.deep.equal([
        'app.ts',
        at(app, pointsAt).line,
        at(app, pointsAt).column,
      ]);
    });
  }

  it('points into the module that declares the type, and relates it to the root that uses it', () => {
    const models = 'export interface Event {\n  name: string;\n  at: Date;\n}\n';
    const app = "import { Event } from './models';\ninterface Roots { CreateEventBody: Event }";
    const d = onlyDiagnostic(app, { 'models.ts': models });
    expect([d.code, d.file, d.line, d.column]).to.deep.equal(['APPC263', 'models.ts', 3, 7]);
    expect(d.related?.map((r) => [r.message, r.location.file, r.location.line, r.location.column])).to.deep.equal([
      ['the CreateEventBody schema uses it here', 'app.ts', 2, 36],
    ]);
    expect(d.text)
      .to.contain('models.ts:3:7 - error APPC263')
      .and.contain('  3 |   at: Date;')
      .and.contain('Use string with @format date-time.');
  });

  it('reports a type shared by several roots once', () => {
    const { diagnostics } = convertRoots({
      'app.ts': 'interface Event { at: Date }\ninterface Roots { A: Event; B: Event[]; C: { e: Event } }',
    });
    expect(diagnostics.map((d) => [d.code, d.location?.line])).to.deep.equal([['APPC263', 1]]);
  });

  it('constrains nothing where it reports, and converts the rest of the type', () => {
    const { definitions } = convertRoots({
      'app.ts': 'interface Event { name: string; at: Date }\ninterface Roots { E: Event }',
    });
    expect(definitions.Event).to.deep.equal({
      type: 'object',
      properties: { name: { type: 'string' }, at: {} },
      required: ['name', 'at'],
    });
  });

  it('accepts a class with data only (its instances are plain JSON objects)', () => {
    const { diagnostics } = convertRoots({ 'app.ts': 'class Point { x = 0; y = 0 }\ninterface Roots { P: Point }' });
    expect(diagnostics).to.deep.equal([]);
  });
});
