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
