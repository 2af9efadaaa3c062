import { expect } from 'chai';
import { ts } from '../../../src/compiler/analyze/typescript';
import { isRegistrationShape, RuntimeSymbols } from '../../../src/compiler/analyze/runtime-symbols';
import { programOf, sourceFileOf } from '../../support/in-memory-program';

/** Each `const probe<N> = ...` initializer of app.ts, with the symbols of its program. */
function probes(source: string): { runtime: RuntimeSymbols; exprs: ts.Expression[] } {
  const program = programOf({ 'app.ts': source }, false);
  const exprs = sourceFileOf(program, 'app.ts')
    .statements.filter(ts.isVariableStatement)
    .flatMap((s) => s.declarationList.declarations)
    .filter((d) => d.name.getText().startsWith('probe') && d.initializer)
    .map((d) => d.initializer!);
  return { runtime: new RuntimeSymbols(program.getTypeChecker()), exprs };
}

const newTarget = (e: ts.Expression) => (e as ts.NewExpression).expression;

describe("analysis: appc's runtime symbols", () => {
  it("knows appc's classes through aliases and namespace imports, and only appc's", () => {
    const { runtime, exprs } = probes(
      [
        "import { App, CORSConfig as Cors, Rate } from 'appc';",
        "import * as appc from 'appc';",
        'class App2 {}',
        "const probe1 = new App({ appName: 'a' });",
        'const probe2 = new Cors({});',
        'const probe3 = new appc.Blueprint();',
        'const probe4 = new App2();',
        'const probe5 = new Rate(1, Rate.HOURS);',
      ].join('\n'),
    );
    expect(exprs.map((e) => runtime.classOf(newTarget(e)))).to.deep.equal([
      'App',
      'CORSConfig',
      'Blueprint',
      undefined,
      'Rate',
    ]);
    expect(exprs.map((e) => runtime.valueClassOf(newTarget(e)))).to.deep.equal([
      undefined,
      'CORSConfig',
      undefined,
      undefined,
      'Rate',
    ]);
    const rate = exprs[4] as ts.NewExpression;
    expect(runtime.rateUnit(rate.arguments![1])).to.equal('HOURS');
    expect(runtime.rateUnit(rate.arguments![0])).to.equal(undefined);
  });

  it('tells App and Blueprint receivers by type, and registration calls on them', () => {
    const { runtime, exprs } = probes(
      [
        "import { App, Blueprint } from 'appc';",
        "const app = new App({ appName: 'a' });",
        'const bp = new Blueprint();',
        'const other = { route: (p: string) => p };',
        "const probe1 = app.route('/', () => ({}));",
        "const probe2 = bp.onSnsMessage({ topic: 't' }, () => {});",
        "const probe3 = other.route('/');",
        'const probe4 = app.toString();',
      ].join('\n'),
    );
    const calls = exprs as ts.CallExpression[];
    const receivers = calls.map((c) => runtime.receiverKind((c.expression as ts.PropertyAccessExpression).expression));
    expect(receivers).to.deep.equal(['App', 'Blueprint', undefined, 'App']);
    expect(calls.map((c) => isRegistrationShape(c))).to.deep.equal([true, true, true, false]);
    expect(calls.map((c) => runtime.isRegistrationCall(c))).to.deep.equal([true, true, false, false]);
  });

  it('reads a const of `new App`/`new Blueprint` by its syntax, and leaves a written type, a let or a user class to the checker', () => {
    const { runtime, exprs } = probes(
      [
        "import { App, Blueprint } from 'appc';",
        "import * as appc from 'appc';",
        'class Mine { route(p: string) { return p; } }',
        "const app = new appc.App({ appName: 'a' });",
        'const bp = (new Blueprint());',
        'const typedBlueprint: Blueprint = new Blueprint();',
        "const typedAny: any = new App({ appName: 'b' });",
        'let later = new Blueprint();',
        'const mine = new Mine();',
        'const alias = app;',
        "const probe1 = app.route('/', () => ({}));",
        "const probe2 = bp.route('/', () => ({}));",
        "const probe3 = typedBlueprint.route('/', () => ({}));",
        "const probe4 = typedAny.route('/', () => ({}));",
        "const probe5 = later.route('/', () => ({}));",
        "const probe6 = mine.route('/');",
        "const probe7 = alias.route('/', () => ({}));",
      ].join('\n'),
    );
    const receivers = exprs.map((c) =>
      runtime.receiverKind(((c as ts.CallExpression).expression as ts.PropertyAccessExpression).expression),
    );
    expect(receivers).to.deep.equal(['App', 'Blueprint', 'Blueprint', undefined, 'Blueprint', undefined, 'App']);
  });
});
