import { expect } from 'chai';
import { analyzeFiles, appTs } from './analyze-files';

/** The errors of an app.ts with `body`, as [code, line, message]. */
function errorsOf(
  body: string,
  files: Record<string, string> = {},
  imports?: string,
): Array<[string, number | undefined, string]> {
  const { diagnostics } = analyzeFiles({ 'app.ts': appTs(body, imports), ...files });
  return diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.location?.line, d.message]);
}

/** Routes of an app.ts with `body` that must analyse without errors. */
function routesOf(body: string, imports?: string) {
  const { model, text, diagnostics } = analyzeFiles({ 'app.ts': appTs(body, imports) });
  expect(
    diagnostics.filter((d) => d.severity === 'error'),
    text,
  ).to.deep.equal([]);
  return model!.routes.map((r) => [r.path, r.methods]);
}

const ROUTE = "app.route('/', { methods }, () => ({}));";

describe('analysis: a const the app changes is not known at compile time', () => {
  const changes: Array<[string, string, RegExp]> = [
    [
      'push',
      "const methods = ['GET'];\nmethods.push('POST');",
      /'methods' is changed at app\.ts:4 \(methods\.push\('POST'\)\)/,
    ],
    ['element assignment', "const methods = ['GET'];\nmethods[1] = 'POST';", /at app\.ts:4 \(methods\[1\] = 'POST'\)/],
    [
      'splice',
      "const methods = ['GET'];\nmethods.splice(0, 1, 'PUT');",
      /at app\.ts:4 \(methods\.splice\(0, 1, 'PUT'\)\)/,
    ],
    ['sort', "const methods = ['PUT', 'GET'];\nmethods.sort();", /at app\.ts:4 \(methods\.sort\(\)\)/],
    [
      'a callback given the array itself',
      "const methods = ['GET'];\nmethods.forEach((m, i, all) => all.pop());",
      /at app\.ts:4 \(methods\.forEach/,
    ],
    [
      'a function it is passed to',
      "const methods = ['GET'];\naddPost(methods);\nfunction addPost(list: string[]) { list.push('POST'); }",
      /at app\.ts:4 \(addPost\(methods\)\)/,
    ],
    [
      'a change in a handler (the rule ignores when code runs)',
      "const methods = ['GET'];\napp.lambdaFunction(function later() { methods.pop(); });",
      /at app\.ts:4 \(methods\.pop\(\)\)/,
    ],
    [
      'an alias',
      "const methods = ['GET'];\nconst same = methods;\nsame.push('PUT');",
      /'methods' is changed through 'same' at app\.ts:5 \(same\.push\('PUT'\)\)/,
    ],
    [
      'an object holding it',
      "const methods = ['GET'];\nconst holder = { list: methods };\nholder.list.push('PUT');",
      /through 'holder' at app\.ts:5/,
    ],
    [
      'a loop variable over its elements',
      "const methods = [['GET']];\nfor (const inner of methods) inner.push('PUT');",
      /through 'inner' at app\.ts:4/,
    ],
    [
      'being stored elsewhere',
      "const methods = ['GET'];\nconst box: { m?: string[] } = {};\nbox.m = methods;",
      /at app\.ts:5 \(box\.m = methods\)/,
    ],
    [
      'being returned',
      "const methods = ['GET'];\nexport function get() { return methods; }",
      /at app\.ts:4 \(return methods;\)/,
    ],
  ];
  for (const [what, setup, reason] of changes) {
    it(`through ${what}`, () => {
      const errors = errorsOf(`${setup}\n${ROUTE}`);
      expect(errors).to.have.length(1);
      const [code, line, message] = errors[0];
      expect(code).to.equal('APPC206');
      expect(line, 'reported at the registration').to.equal(setup.split('\n').length + 3);
      expect(message).to.match(reason);
    });
  }

  it('through Object.assign, property assignment, delete and ++ on an options object', () => {
    for (const change of [
      "Object.assign(opts, { name: 'x' });",
      "opts.name = 'x';",
      'delete opts.name;',
      'opts.count++;',
    ]) {
      const errors = errorsOf(
        `const opts = { name: 'a', count: 1 };\n${change}\napp.route('/', opts as never, () => ({}));`,
      );
      expect(
        errors.map(([code, line]) => [code, line]),
        change,
      ).to.deep.equal([['APPC206', 5]]);
      expect(errors[0][2], change).to.contain(`'opts' is changed at app.ts:4`);
    }
  });

  it('through a renamed import in another module, reported at the use with the change as related location', () => {
    const { diagnostics, text } = analyzeFiles({
      'lib/methods.ts': "export const methods = ['GET'];\n",
      'lib/tweak.ts': "import { methods as m } from './methods';\nm.push('DELETE');\n",
      'app.ts': appTs(
        "import { methods } from './lib/methods';\nimport './lib/tweak';\napp.route('/a', { methods }, () => ({}));",
      ),
    });
    expect(diagnostics.map((d) => [d.code, d.location?.file, d.location?.line])).to.deep.equal([
      ['APPC206', 'app.ts', 5],
    ]);
    expect(diagnostics[0].related?.map((r) => [r.message, r.location.file, r.location.line])).to.deep.equal([
      ["'methods' is changed here through 'm'", 'lib/tweak.ts', 2],
    ]);
    expect(text).to.contain(
      "  lib/tweak.ts:2:1 - 'methods' is changed here through 'm'\n    2 | m.push('DELETE');\n      | ^^^^^^^^^^^^^^^^",
    );
  });

  it('a path built from a changed const is a route path error (APPC203)', () => {
    const errors = errorsOf(
      "const parts = ['', 'a'];\nparts.push('b');\napp.route(parts.join('/') as '/a', () => ({}));",
    );
    expect(errors[0][0]).to.equal('APPC203');
  });
});

describe('analysis: reading a const does not change it', () => {
  it('reads through reading methods, operators, loops, spreads, conditions and reading globals', () => {
    const reads = [
      "methods.includes('GET');",
      "methods.join(',');",
      'methods.map((m) => m.toLowerCase());',
      'methods.filter((m, i) => i > 0);',
      'const copy = [...methods];',
      'JSON.stringify(methods);',
      'console.log(methods);',
      'for (const m of methods) console.log(m);',
      'if (methods.length > 0) console.log(methods[0].toLowerCase());',
      "typeof methods === 'object';",
      'Object.keys(methods);',
      "let first: string = methods[0];\nfirst = 'x';",
      'export type Methods = typeof methods;',
      'const n = methods.length + 1;',
      'void methods;',
    ];
    expect(routesOf(`const methods = ['GET', 'PUT'];\n${reads.join('\n')}\n${ROUTE}`)).to.deep.equal([
      ['/', ['GET', 'PUT']],
    ]);
  });

  it('reads through consts that hold it and through appc itself', () => {
    const body = [
      "const methods = ['GET'];",
      'const opts = { methods };',
      "const cors = new CORSConfig({ allowOrigin: 'https://x.example' });",
      "const types = ['image/png'];",
      'app.api.binaryTypes = types;',
      "app.route('/a', opts, () => ({}));",
      "app.route('/b', { ...opts, cors }, () => ({}));",
      "console.log(opts.methods.includes('GET'), types.length);",
    ].join('\n');
    expect(routesOf(body, 'App, CORSConfig')).to.deep.equal([
      ['/a', ['GET']],
      ['/b', ['GET']],
    ]);
  });
});
