import { expect } from 'chai';
import { ts } from '../../../src/compiler/analyze/typescript';
import { ModuleScopeSymbols } from '../../../src/compiler/analyze/module-scope-symbols';
import { programOf, sourceFileOf } from '../../support/in-memory-program';

/** Every identifier of `file`, in source order. */
function identifiers(file: ts.SourceFile): ts.Identifier[] {
  const found: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('analysis: symbols of names read in module scope', () => {
  // Each name is also declared again in a scope of its own, read there, and used as a property name or key.
  const source = [
    "import { App } from 'appc';",
    "import * as appc from 'appc';",
    "const app = new App({ appName: 'a' });",
    "const x = 'x';",
    'const o = { x: x, y: x + x, z: [x, ...[x]], x2: `${x}` };',
    'const shorthand = { x };',
    'const read = o.x + o[x] + (x as string) + x!;',
    'function f(x: number) { return x + 1; }',
    'const g = (x: string) => x;',
    '{ const x = 2; app.route(`/${x}`, () => ({})); }',
    'for (const x of [1]) void x;',
    'try { void x; } catch (x) { void x; }',
    'class C { x = x; m(app: number) { return app; } }',
    'namespace N { export const x = 3; export const y = x; }',
    'app.route(`/${x}`, { name: x }, ({ x }: { x: string }) => ({ x }));',
    'const r = appc.Rate.MINUTES;',
    'export { f, g, C, N, read, shorthand, r };',
  ].join('\n');

  it('answers as the checker does for every identifier, whichever is asked first', () => {
    const program = programOf({ 'app.ts': source }, false);
    const checker = program.getTypeChecker();
    const all = identifiers(sourceFileOf(program, 'app.ts'));
    expect(all.length).to.be.greaterThan(60);
    for (const order of [all, [...all].reverse()]) {
      const symbols = new ModuleScopeSymbols(checker);
      const differing = order.filter((id) => symbols.symbolAt(id) !== checker.getSymbolAtLocation(id));
      expect(differing.map((id) => `${id.text} at ${id.getStart()}`)).to.deep.equal([]);
    }
  });

  it("leaves a JavaScript module's exports and module to the checker, which answers by use", () => {
    const file = '/p/app.js';
    const text = 'const app = 1;\nexports.app = app;\nconst e = exports;\nmodule.exports.b = 2;\nconst m = module;\n';
    const options = { allowJs: true, noLib: true, noEmit: true, types: [] };
    const host = ts.createCompilerHost(options);
    host.fileExists = (name) => name === file;
    host.readFile = (name) => (name === file ? text : undefined);
    host.getSourceFile = (name, target) => (name === file ? ts.createSourceFile(name, text, target) : undefined);
    const program = ts.createProgram([file], options, host);
    const checker = program.getTypeChecker();
    const all = identifiers(program.getSourceFile(file)!).filter((id) => id.text === 'exports' || id.text === 'module');
    expect(all).to.have.length(5); // with `exports` as the property name in `module.exports.b`
    // The checker's answers differ by use: the export `app` for the first `exports`, the module for the second.
    expect(checker.getSymbolAtLocation(all[0])).to.not.equal(checker.getSymbolAtLocation(all[1]));
    for (const order of [all, [...all].reverse()]) {
      const symbols = new ModuleScopeSymbols(checker);
      const differing = order.filter((id) => symbols.symbolAt(id) !== checker.getSymbolAtLocation(id));
      expect(differing.map((id) => `${id.text} at ${id.getStart()}`)).to.deep.equal([]);
    }
  });
});
