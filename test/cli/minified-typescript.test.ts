import { isAscii } from 'node:buffer';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getLibFiles, libFolderInMemoryPath } from '@ts-morph/common';
import { expect } from 'chai';
import {
  firstLine,
  minifiedTypescriptStamp,
  MINIFIED_TYPESCRIPT,
  TYPESCRIPT_MODULE,
  withoutLeftOut,
  withPlainExports,
  writeMinifiedTypescript,
} from '../../src/cli/minified-typescript';

type TypeScript = typeof import('@ts-morph/common/dist/typescript.js');

const DIST = path.resolve(__dirname, '../../dist');

const LIBS = new Map(getLibFiles().map((lib) => [path.posix.join(libFolderInMemoryPath, lib.fileName), lib.text]));

/** An app-shaped module: generics, a union, an async handler, and one type error on purpose. */
const APP = `
interface Todo { id: string; done: boolean; tags?: string[] }
class Router<C> { route<R>(path: string, handler: (ctx: C) => R | Promise<R>): R { return undefined as unknown as R; } }
const router = new Router<{ params: Record<string, string> }>();
export const one = router.route('/todos/{id}', async (ctx) => ({ id: ctx.params.id, done: false }) satisfies Todo);
export const both = router.route('/x', () => (Math.random() > 0.5 ? 'a' : 1));
export const wrong: Todo = { id: 1, done: 'no' };
`;

/** What a type-checked program over APP says: its diagnostics, and the type of each call. */
function analyse(ts: TypeScript): string[] {
  const file = '/project/app.ts';
  const options = { strict: true, noEmit: true, types: [], lib: ['lib.es2022.d.ts'] };
  const host = ts.createCompilerHost(options);
  const texts = new Map([...LIBS, [file, APP]]);
  host.getDefaultLibLocation = () => libFolderInMemoryPath;
  host.getDefaultLibFileName = (o) => path.posix.join(libFolderInMemoryPath, ts.getDefaultLibFileName(o));
  host.fileExists = (name) => texts.has(name);
  host.readFile = (name) => texts.get(name);
  host.getSourceFile = (name, target) => {
    const text = texts.get(name);
    return text === undefined ? undefined : ts.createSourceFile(name, text, target);
  };
  const program = ts.createProgram([file], options, host);
  const checker = program.getTypeChecker();
  const said = ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.start}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  const visit = (node: import('@ts-morph/common/dist/typescript.js').Node): void => {
    if (ts.isCallExpression(node))
      said.push(`${node.getText()}: ${checker.typeToString(checker.getTypeAtLocation(node))}`);
    ts.forEachChild(node, visit);
  };
  visit(program.getSourceFile(file)!);
  return said;
}

describe('the minified TypeScript (minified-typescript.ts)', () => {
  it('is what the build wrote: fresh, stamped, with the licence kept and no more than half the size', () => {
    // On a failure here: npm run build.
    const stamp = minifiedTypescriptStamp();
    expect(firstLine(path.join(DIST, MINIFIED_TYPESCRIPT))).to.equal(stamp);
    expect(stamp).to.match(
      /^\/\* appc: @ts-morph\/common\/dist\/typescript\.js 6\.\d+\.\d+ \(sha256 [0-9a-f]{64}\) minified by esbuild [\d.]+, recipe \d+ \*\/\n$/,
    );
    const text = fs.readFileSync(path.join(DIST, MINIFIED_TYPESCRIPT), 'latin1');
    expect(text).to.contain('Copyright (c) Microsoft Corporation. All rights reserved.');
    expect(text.length).to.be.below(fs.statSync(require.resolve(TYPESCRIPT_MODULE)).size / 2);
    expect(isAscii(Buffer.from(text, 'latin1')), 'ASCII only').to.equal(true);
  });

  it('exports what TypeScript exports and analyses an app as it does', () => {
    const minified = require(path.join(DIST, MINIFIED_TYPESCRIPT)) as TypeScript;
    const original = require(TYPESCRIPT_MODULE) as TypeScript;
    expect(minified).to.not.equal(original);
    expect(Object.keys(minified).sort()).to.deep.equal(Object.keys(original).sort());
    expect(minified.version).to.equal(original.version);
    const said = analyse(minified);
    expect(said.filter((line) => /^\d+: /.test(line))).to.have.length(2);
    expect(said.slice(2)).to.deep.equal([
      "router.route('/todos/{id}', async (ctx) => ({ id: ctx.params.id, done: false }) satisfies Todo): { id: string; done: false; }",
      `router.route('/x', () => (Math.random() > 0.5 ? 'a' : 1)): 1 | "a"`,
      'Math.random(): number',
    ]);
    expect(said).to.deep.equal(analyse(original));
  });

  it('exports as values the variables TypeScript never assigns again, and keeps getters for the rest', () => {
    const minified = require(path.join(DIST, MINIFIED_TYPESCRIPT)) as TypeScript;
    const kinds = (names: string[]) =>
      names.map((name) => {
        const descriptor = Object.getOwnPropertyDescriptor(minified, name);
        return `${name}: ${descriptor?.get ? 'getter' : 'value'}`;
      });
    expect(kinds(['createSourceFile', 'SyntaxKind', 'version', 'sys', 'tracing'])).to.deep.equal([
      'createSourceFile: value',
      'SyntaxKind: value',
      'version: value',
      'sys: getter',
      'tracing: getter',
    ]);
    const getters = Object.keys(minified).filter((name) => Object.getOwnPropertyDescriptor(minified, name)?.get);
    expect(getters.length, getters.join(', ')).to.be.below(20);
  });

  it('turns the getters of a bundle into values only where the variable is never assigned again', () => {
    const bundle = [
      'var ts = {}; ((module) => {',
      'var __export = (target, all) => {',
      '  for (var name in all) Object.defineProperty(target, name, { get: all[name], enumerable: true });',
      '};',
      'var typescript_exports = {};',
      '__export(typescript_exports, {',
      '  fixed: () => fixed,',
      '  later: () => later,',
      '  counter: () => counter,',
      '  pair: () => pair,',
      '  looped: () => looped,',
      '  gone: () => gone,',
      '  renamed: () => setLater,',
      '  Kind: () => Kind',
      '});',
      'module.exports = typescript_exports;',
      'var fixed = { a: 1 };',
      'var later = 1, counter = 0, pair, looped;',
      'var Kind = /* @__PURE__ */ ((Kind2) => { Kind2[Kind2["A"] = 0] = "A"; return Kind2; })(Kind || {});',
      'function setLater(value) { later = value; counter++; [pair] = [{ value }]; for (looped of [value]); }',
      '})(module);',
    ].join('\n');
    const run = (text: string) => {
      const module = { exports: {} as Record<string, unknown> };
      new Function('module', text)(module);
      return module.exports;
    };
    const exports = run(withPlainExports(bundle, require(TYPESCRIPT_MODULE) as TypeScript));
    const getters = Object.keys(exports).filter((name) => Object.getOwnPropertyDescriptor(exports, name)?.get);
    expect(getters.sort()).to.deep.equal(['counter', 'gone', 'later', 'looped', 'pair']);
    expect(Object.keys(exports).sort()).to.deep.equal(Object.keys(run(bundle)).sort());
    expect(exports.fixed).to.deep.equal({ a: 1 });
    expect(exports.Kind).to.deep.equal({ 0: 'A', A: 0 });
    (exports.renamed as (value: number) => void)(5);
    expect([exports.later, exports.counter, exports.pair, exports.looped]).to.deep.equal([5, 1, { value: 5 }, 5]);
    expect(() => exports.gone).to.throw(ReferenceError);
    const ts = require(TYPESCRIPT_MODULE) as TypeScript;
    expect(() => withPlainExports(bundle.replace('typescript_exports, {', 'other_exports, {'), ts)).to.throw(
      `${TYPESCRIPT_MODULE} has no __export(typescript_exports, { ... }) call`,
    );
    expect(() => withPlainExports(bundle.replace('fixed: () => fixed', 'fixed: fixed'), ts)).to.throw(
      `${TYPESCRIPT_MODULE}: an export of typescript_exports is not name: () => variable`,
    );
    expect(() =>
      withPlainExports(bundle.replace('module.exports = typescript_exports;', 'module.exports = {};'), ts),
    ).to.throw(`${TYPESCRIPT_MODULE} does not export typescript_exports itself`);
    expect(() => withPlainExports(`var ts = {};\n${bundle.split('\n').slice(1).join('\n')}`, ts)).to.throw(
      `${TYPESCRIPT_MODULE} is not one ((module) => { ... })(...) after var ts`,
    );
  });

  it('leaves out the modules of the language server and the code fixes, and refuses a bundle without them', () => {
    const bundle = [
      'var ts = {}; ((module) => {',
      '// src/compiler/core.ts',
      'function kept() {}',
      '// src/server/session.ts',
      'function server() {}',
      '// src/services/refactors/extractSymbol.ts',
      'function refactor() {}',
      '// src/services/services.ts',
      'function service() {}',
      '// src/typingsInstallerCore/typingsInstaller.ts',
      'function installer() {}',
      '// src/services/codefixes/fixSpelling.ts',
      'function fix() {}',
      '// src/typescript/typescript.ts',
      'exported();',
      '})(module);',
    ].join('\n');
    expect(withoutLeftOut(bundle).split('\n')).to.deep.equal([
      'var ts = {}; ((module) => {',
      '// src/compiler/core.ts',
      'function kept() {}',
      '// src/services/services.ts',
      'function service() {}',
      '// src/typescript/typescript.ts',
      'exported();',
      '})(module);',
    ]);
    expect(() => withoutLeftOut(bundle.replace('// src/typescript/typescript.ts\n', ''))).to.throw(
      `${TYPESCRIPT_MODULE} ends with a module under src/server/`,
    );
    expect(() => withoutLeftOut('// src/compiler/core.ts\n// src/server/session.ts\n')).to.throw(
      `${TYPESCRIPT_MODULE} has no modules under src/typingsInstallerCore/, src/services/codefixes/, src/services/refactors/`,
    );
  });

  it('writes a copy that is missing or stale, in one rename, and then keeps it', async function () {
    this.timeout(120_000);
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-minified-ts-'));
    try {
      const file = path.join(dist, MINIFIED_TYPESCRIPT);
      fs.mkdirSync(path.dirname(file));
      fs.writeFileSync(file, '/* appc: an older recipe */\n');
      expect(await writeMinifiedTypescript(dist)).to.equal('written');
      expect(fs.readFileSync(file)).to.deep.equal(fs.readFileSync(path.join(DIST, MINIFIED_TYPESCRIPT)));
      expect(await writeMinifiedTypescript(dist)).to.equal('fresh');
      expect(fs.readdirSync(path.dirname(file))).to.deep.equal(['typescript.js']);
    } finally {
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});
