import { expect } from 'chai';
import { ts } from '../../../src/compiler/analyze/typescript';
import { Evaluator, RegistrationRef, StaticInstance, type Evaluated } from '../../../src/compiler/analyze/evaluate';
import { locationOf } from '../../../src/compiler/analyze/locations';
import { notStatic } from '../../../src/compiler/analyze/options';
import { RuntimeSymbols } from '../../../src/compiler/analyze/runtime-symbols';
import { PROJECT_DIR, programOf, sourceFileOf } from '../../support/in-memory-program';

/** Evaluates the initializer of `export const probe = ...;` in app.ts (no mutation finder: consts read as written). */
function evaluateProbe(files: Record<string, string>): Evaluated {
  const program = programOf(files, false);
  const checker = program.getTypeChecker();
  const probe = findProbe(sourceFileOf(program, 'app.ts'));
  return new Evaluator(checker, new RuntimeSymbols(checker)).evaluate(probe);
}

function findProbe(file: ts.SourceFile): ts.Expression {
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const probe = statement.declarationList.declarations.find((d) => d.name.getText() === 'probe');
    if (probe?.initializer) return probe.initializer;
  }
  throw new Error('app.ts has no `const probe = ...`');
}

/** The value of `probe` in an app.ts of `source`, which must be static. */
function valueOf(source: string, others: Record<string, string> = {}): unknown {
  const result = evaluateProbe({ 'app.ts': source, ...others });
  if (!result.ok) throw new Error(`not static: ${result.reason}`);
  return result.value;
}

/** Why `probe` is not static: the reason, and where it is blamed (line:column, text). */
function failureOf(source: string, others: Record<string, string> = {}) {
  const result = evaluateProbe({ 'app.ts': source, ...others });
  if (result.ok) throw new Error(`static: ${JSON.stringify(result.value)}`);
  const { line, column } = locationOf(result.node, PROJECT_DIR);
  return { reason: result.reason, at: `${line}:${column}`, text: result.node.getText(), failure: result };
}

describe('analysis: static evaluation', () => {
  describe('values known at compile time', () => {
    const cases: Array<[string, string, unknown]> = [
      ['a string', "const probe = 'a';", 'a'],
      ['a template without substitutions', 'const probe = `a`;', 'a'],
      ['numbers, signed', 'const probe = [1, -2, +3, 0x10];', [1, -2, 3, 16]],
      ['true, false, null, undefined', 'const probe = [true, false, null, undefined];', [true, false, null, undefined]],
      ['a template of consts', "const v = 'v1';\nconst n = 2;\nconst probe = `/${v}/items/${n}`;", '/v1/items/2'],
      ['+ of strings and numbers', "const probe = '/a' + 1 + '/b';", '/a1/b'],
      ['an `as const` array', "const probe = ['GET', 'POST'] as const;", ['GET', 'POST']],
      ['a satisfies and parentheses', "const probe = (('x' satisfies string));", 'x'],
      ['array spreads', "const base = ['a'];\nconst probe = [...base, 'b', ...['c']];", ['a', 'b', 'c']],
      [
        'object spreads, shorthand and computed keys',
        "const name = 'n';\nconst key = 'k';\nconst base = { a: 1, b: 2 };\nconst probe = { ...base, b: 3, name, [key]: 4, 'q': 5 };",
        { a: 1, b: 3, name: 'n', k: 4, q: 5 },
      ],
      [
        'a property of a const object',
        "const config = { paths: { root: '/r' } };\nconst probe = config.paths.root;",
        '/r',
      ],
      ['an element of a const array', "const list = ['x', 'y'];\nconst probe = list[1];", 'y'],
      ['an enum member', "enum Stage { Dev = 'dev', Prod = 'prod' }\nconst probe = Stage.Prod;", 'prod'],
      ['a numeric enum member', 'enum Size { S = 1, M }\nconst probe = Size.M;', 2],
      ['a const of a const', "const a = 'x';\nconst b = a;\nconst probe = b;", 'x'],
    ];
    for (const [what, source, expected] of cases) {
      it(what, () => expect(valueOf(source)).to.deep.equal(expected));
    }

    it('consts imported by name, by namespace and through a re-export', () => {
      const files = {
        'lib/paths.ts': "export const ROOT = '/api';\nexport const VERSION = 2;",
        'lib/index.ts': "export { ROOT as BASE } from './paths';",
      };
      const source =
        "import { BASE } from './lib/index';\nimport * as paths from './lib/paths';\nconst probe = `${BASE}/v${paths.VERSION}`;";
      expect(valueOf(source, files)).to.equal('/api/v2');
    });

    it("new of appc's value classes, as instances holding their evaluated arguments", () => {
      const value = valueOf(
        "import { CORSConfig, Rate } from 'appc';\nconst probe = [new CORSConfig({ maxAge: 60 }), new Rate(5, Rate.MINUTES)];",
      ) as StaticInstance[];
      expect(value.map((v) => [v.className, v.args])).to.deep.equal([
        ['CORSConfig', [{ maxAge: 60 }]],
        ['Rate', [5, 'MINUTES']],
      ]);
    });

    it('withScopes on an authorizer instance keeps the class and adds the scopes', () => {
      const value = valueOf(
        "import { CognitoUserPoolAuthorizer } from 'appc';\n" +
          "const pool = new CognitoUserPoolAuthorizer('pool', { providerArns: ['arn'] });\n" +
          "const probe = pool.withScopes(['read']);",
      ) as StaticInstance;
      expect([value.className, value.args, value.scopes]).to.deep.equal([
        'CognitoUserPoolAuthorizer',
        ['pool', { providerArns: ['arn'] }],
        ['read'],
      ]);
    });

    it("a const holding a registration's result is a reference to its declaration", () => {
      const value = valueOf(
        "import { App } from 'appc';\nconst app = new App({ appName: 'a' });\n" +
          'const auth = app.authorizer(() => ({}));\nconst probe = auth.withScopes([]);',
      );
      expect(value).to.be.instanceOf(RegistrationRef);
      expect((value as RegistrationRef).declaration.name.getText()).to.equal('auth');
      expect((value as RegistrationRef).scopes).to.deep.equal([]);
    });
  });

  describe('what is not static, blamed where', () => {
    const cases: Array<[string, string, string, string, string]> = [
      [
        'a let',
        "let path = '/a';\nconst probe = path;",
        "'path' is not a const with a value known at compile time",
        '2:15',
        'path',
      ],
      [
        'a function call',
        'const probe = String(1);',
        'a function call is not evaluated at compile time',
        '1:15',
        'String(1)',
      ],
      [
        'an operator other than +',
        'const probe = 2 * 3;',
        'the `*` operator is not evaluated at compile time (of the operators, only + is)',
        '1:15',
        '2 * 3',
      ],
      ['`!`', 'const probe = !true;', 'the `!` operator is not evaluated at compile time', '1:15', '!true'],
      ['negating a string', "const probe = -'a';", 'only numbers can be negated', '1:15', "-'a'"],
      [
        'a conditional',
        'const probe = true ? 1 : 2;',
        'a conditional expression (`? :`) is not evaluated at compile time',
        '1:15',
        'true ? 1 : 2',
      ],
      [
        'typeof',
        "const probe = typeof 'a';",
        'the `typeof` operator is not evaluated at compile time',
        '1:15',
        "typeof 'a'",
      ],
      [
        'an arrow function',
        'const probe = () => 1;',
        'a function is not a value known at compile time',
        '1:15',
        '() => 1',
      ],
      [
        'a regular expression',
        'const probe = /a/;',
        'a regular expression is not a value known at compile time',
        '1:15',
        '/a/',
      ],
      [
        'a method in an object',
        'const probe = { f() { return 1; } };',
        'methods and accessors are not known at compile time',
        '1:17',
        'f() { return 1; }',
      ],
      [
        'spreading a string into an array',
        "const s = 'ab';\nconst probe = [...s];",
        'only arrays can be spread here',
        '2:16',
        '...s',
      ],
      [
        'new of a class not appc',
        'class Point {}\nconst probe = new Point();',
        'only new CORSConfig, Rate, Cron and the authorizer classes are evaluated at compile time',
        '2:15',
        'new Point()',
      ],
      ['an unresolved name', 'const probe = missing;', "'missing' cannot be resolved", '1:15', 'missing'],
      ['a const that refers to itself', 'const probe: any = [probe];', 'this const refers to itself', '1:21', 'probe'],
      [
        'a property of an appc instance',
        "import { CORSConfig } from 'appc';\nconst c = new CORSConfig({});\nconst probe = c.allowOrigin;",
        'this property is not known at compile time',
        '3:15',
        'c.allowOrigin',
      ],
      [
        'withScopes of something not an authorizer',
        "const o = { withScopes: 1 };\nconst probe = 'x'.withScopes(['a']);",
        'withScopes applies to an authorizer',
        '2:15',
        "'x'",
      ],
    ];
    for (const [what, source, reason, at, text] of cases) {
      it(what, () => expect(failureOf(source)).to.deep.include({ reason, at, text }));
    }

    it("a failure inside a const's initializer is blamed at the use, with the initializer's culprit related", () => {
      const { at, reason, failure } = failureOf("const base = ['a', String(1)];\nconst probe = [...base];");
      expect([at, reason]).to.deep.equal(['2:19', 'a function call is not evaluated at compile time']);
      const related = failure.related!.map((r) => [locationOf(r.node, PROJECT_DIR).line, r.message]);
      expect(related).to.deep.equal([[1, "'base' gets its value here"]]);
    });

    it('as a diagnostic: APPC206 at the use, with the related place', () => {
      const { failure } = failureOf('const a = Date.now();\nconst probe = { when: a };');
      const diagnostic = notStatic(failure, PROJECT_DIR);
      expect([diagnostic.code, diagnostic.message, diagnostic.location]).to.deep.equal([
        'APPC206',
        'argument must be known at compile time: a function call is not evaluated at compile time',
        { file: 'app.ts', line: 2, column: 23, length: 1 },
      ]);
      expect(diagnostic.related?.map((r) => [r.message, r.location.line, r.location.column])).to.deep.equal([
        ["'a' gets its value here", 1, 11],
      ]);
    });

    it('values nested deeper than MAX_EVALUATION_DEPTH stop with a reason instead of overflowing', () => {
      const chain = Array.from({ length: 450 }, (_, i) => `const c${i + 1} = c${i};`).join('\n');
      const { reason } = failureOf(`const c0 = 'x';\n${chain}\nconst probe = c450;`);
      expect(reason).to.match(/nested deeper than 400 levels/);
    });
  });

  describe('one evaluator for many expressions', () => {
    /** `probe1`, `probe2`, ... of app.ts evaluated in turn by one evaluator, and each by an evaluator of its own. */
    function evaluateInTurn(source: string): { shared: Evaluated[]; fresh: Evaluated[] } {
      const program = programOf({ 'app.ts': source }, false);
      const checker = program.getTypeChecker();
      const probes = sourceFileOf(program, 'app.ts')
        .statements.filter(ts.isVariableStatement)
        .flatMap((s) => s.declarationList.declarations)
        .filter((d) => /^probe\d+$/.test(d.name.getText()))
        .map((d) => d.initializer!);
      const shared = new Evaluator(checker, new RuntimeSymbols(checker));
      return {
        shared: probes.map((probe) => shared.evaluate(probe)),
        fresh: probes.map((probe) => new Evaluator(checker, new RuntimeSymbols(checker)).evaluate(probe)),
      };
    }
    const outcome = (r: Evaluated) => (r.ok ? { value: r.value } : { reason: r.reason, at: r.node.getText() });
    const nested = (depth: number, inner: string) => '['.repeat(depth) + inner + ']'.repeat(depth);

    it('answers as a fresh evaluator would, at any depth, after reading a const elsewhere', () => {
      const chain = Array.from({ length: 300 }, (_, i) => `const c${i + 1} = c${i};`).join('\n');
      const { shared, fresh } = evaluateInTurn(
        [
          "const c0 = 'x';",
          chain,
          // c150 first, then c300 through it: c300 still takes 300 levels, however much of it is remembered.
          'const probe1 = c150;',
          'const probe2 = c300;',
          `const probe3 = ${nested(50, 'c300')};`,
          `const probe4 = ${nested(150, 'c300')};`,
          `const probe5 = ${nested(260, 'c150')};`,
          `const probe6 = ${nested(240, 'c150')};`,
          'const probe7 = c300;',
        ].join('\n'),
      );
      expect(shared.map(outcome)).to.deep.equal(fresh.map(outcome));
      expect(shared.map((r) => r.ok)).to.deep.equal([true, true, true, false, false, true, true]);
    });

    it("gives each use of a const holding an array or object a copy of its own, and a const's cycle the same reason", () => {
      const { shared, fresh } = evaluateInTurn(
        [
          "const methods = ['GET'];",
          "const options = { methods, name: 'n' };",
          'const probe1 = methods;',
          'const probe2 = methods;',
          'const probe3 = options;',
          'const probe4 = options;',
          'const a: string = b;',
          'const b: string = a;',
          'const probe5 = a;',
          'const probe6 = b;',
        ].join('\n'),
      );
      expect(shared.map(outcome)).to.deep.equal(fresh.map(outcome));
      const values = shared.map((r) => (r.ok ? r.value : undefined));
      expect(values[0]).to.deep.equal(['GET']);
      expect(values[0]).to.not.equal(values[1]);
      expect(values[2]).to.deep.equal({ methods: ['GET'], name: 'n' });
      expect(values[2]).to.not.equal(values[3]);
      expect(shared.slice(4).map((r) => !r.ok && r.reason)).to.deep.equal([
        'this const refers to itself',
        'this const refers to itself',
      ]);
    });
  });
});
