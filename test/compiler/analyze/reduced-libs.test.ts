import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { analyzeProject } from '../../../src/compiler/analyze/analyze-project';
import { ts } from '../../../src/compiler/analyze/typescript';
import { LIB_FOLDER, MODEL_LIB_FILES, MODEL_LIBS, REDUCED_AWAY_NAMES } from '../../../src/compiler/analyze/model-libs';
import { reducedLibText } from '../../../src/compiler/analyze/reduced-libs';
import { FIXTURES_DIR, fixtureApps, REPO_ROOT } from '../../support/fixtures';
import type { AppModel } from '../../../src/compiler/model/app-model';
import { appTs } from './analyze-files';

/** Top-level names a lib text declares, and `Namespace.Member` for a namespace's members. */
function declared(texts: ReadonlyMap<string, string>): Set<string> {
  const names = new Set<string>();
  for (const [name, text] of texts) {
    const file = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
    const add = (statement: ts.Statement, prefix: string) => {
      if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) names.add(prefix + d.name.getText());
        return;
      }
      const declaration = statement as ts.DeclarationStatement;
      names.add(prefix + declaration.name!.getText());
      if (ts.isModuleDeclaration(statement) && statement.body && ts.isModuleBlock(statement.body)) {
        for (const member of statement.body.statements) add(member, `${declaration.name!.getText()}.`);
      }
    };
    file.statements.forEach((s) => add(s, ''));
  }
  return names;
}

function identifiers(text: string): Set<string> {
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) found.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('x.d.ts', text, ts.ScriptTarget.Latest, true));
  return found;
}

const reduced = new Map([...MODEL_LIB_FILES.keys()].map((name) => [name, reducedLibText(name)!]));

/** A program of `files` (in memory) over the full or the reduced model libs, as the models' program loads them. */
function libProgram(files: Record<string, string>, libs: ReadonlyMap<string, string>): ts.Program {
  const texts = new Map([
    ...[...libs].map(([name, text]) => [path.posix.join(LIB_FOLDER, name), text] as const),
    ...Object.entries(files).map(([name, text]) => [`/p/${name}`, text] as const),
  ]);
  const options: ts.CompilerOptions = { lib: [...MODEL_LIBS], strict: true, noEmit: true, types: [] };
  const host = ts.createCompilerHost(options);
  host.getDefaultLibLocation = () => LIB_FOLDER;
  host.getDefaultLibFileName = () => path.posix.join(LIB_FOLDER, 'lib.es5.d.ts');
  host.fileExists = (file) => texts.has(file);
  host.readFile = (file) => texts.get(file);
  host.getSourceFile = (file, language) => {
    const text = texts.get(file);
    return text === undefined ? undefined : ts.createSourceFile(file, text, language);
  };
  return ts.createProgram({ rootNames: Object.keys(files).map((name) => `/p/${name}`), options, host });
}

function diagnosticTexts(program: ts.Program): string[] {
  return [...program.getGlobalDiagnostics(), ...program.getSemanticDiagnostics()].map(
    (d) =>
      `${d.file?.fileName ?? ''}:${d.start ?? ''} TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
  );
}

describe("the models' reduced libs (reduced-libs.ts)", () => {
  it('keep every position: the full text with whole declarations blanked, newlines kept', () => {
    for (const [name, full] of MODEL_LIB_FILES) {
      const text = reduced.get(name)!;
      expect(text.length, name).to.equal(full.length);
      for (let i = 0; i < text.length; i++) {
        if (text[i] !== full[i] && text[i] !== ' ') throw new Error(`${name}: position ${i} differs`);
      }
    }
    expect(reduced.get('lib.es5.d.ts')!.replace(/ {2,}/g, ' ').length).to.be.below(
      MODEL_LIB_FILES.get('lib.es5.d.ts')!.length * 0.6,
    );
  });

  it('declare every lib global their own declarations name, and none of the names they leave out', () => {
    const all = declared(MODEL_LIB_FILES);
    const kept = declared(reduced);
    const namedByKept = [...reduced.values()].flatMap((text) => [...identifiers(text)]);
    const missing = namedByKept.filter((name) => all.has(name) && !kept.has(name));
    expect(missing).to.deep.equal([]);
    const away = [...all].filter((name) => !kept.has(name)).map((name) => name.split('.').pop()!);
    expect(new Set(REDUCED_AWAY_NAMES)).to.deep.equal(new Set([...away, 'globalThis']));
    expect(REDUCED_AWAY_NAMES.filter((name) => [...kept].some((k) => k.split('.').pop() === name))).to.deep.equal([]);
  });

  it('give the checker every global it looks up itself: the same diagnostics as the full libs', () => {
    const files = {
      'a.ts': `const re = /a+/g;
const tag = (s: TemplateStringsArray, ...v: unknown[]) => s.raw.length + v.length;
export const t = tag\`x\${re.source}\`;
export async function f(this: { n: number }) { return arguments.length + this.n; }
export const m = import.meta;
export const s = 'abc'.localeCompare('b') + (1).toLocaleString().length + new Date().toLocaleDateString().length;
export const o: Omit<{ a: 1; b: 2 }, 'a'> = { b: 2 };
export const aw: Awaited<Promise<number>> = 1;
export function d(_v: unknown, _c: ClassMethodDecoratorContext) {}
export class C { @d m() {} }
export const { a, ...rest } = { a: 1, b: 2 } as { a: number; b: number };`,
    };
    const withReduced = diagnosticTexts(libProgram(files, reduced));
    expect(withReduced).to.deep.equal(diagnosticTexts(libProgram(files, MODEL_LIB_FILES)));
    expect(withReduced.filter((d) => d.includes('Cannot find global'))).to.deep.equal([]);
  });

  it('give every fixture app the schemas and diagnostics of the full libs, and are what the CLI reads (dist/)', function () {
    this.timeout(120000);
    // From src/, appc's runtime is its TypeScript source, whose code names globalThis: the models'
    // program reads the full libs. The CLI reads dist/runtime's declarations, which do not: the reduced libs.
    const withModels = fixtureApps()
      .map((name) => ({ name, analyzed: analyzeProject(path.join(FIXTURES_DIR, name)) }))
      .filter(({ analyzed }) => analyzed.model?.models);
    expect(withModels.length).to.be.greaterThan(0);
    const dist = path.join(REPO_ROOT, 'dist', 'compiler', 'analyze');
    if (!fs.existsSync(dist)) throw new Error('dist/ is missing: run `npm run build` first');
    const script = `
      const path = require('node:path');
      const { analyzeProject } = require(${JSON.stringify(path.join(dist, 'analyze-project.js'))});
      const { loadProgram, programWithLibs } = require(${JSON.stringify(path.join(dist, 'program.js'))});
      const { reducedLibText } = require(${JSON.stringify(path.join(dist, 'reduced-libs.js'))});
      const { LIB_FOLDER } = require(${JSON.stringify(path.join(dist, 'model-libs.js'))});
      const out = JSON.parse(process.argv[1]).map((dir) => {
        const { model, diagnostics } = analyzeProject(dir);
        const { loaded } = loadProgram(dir, 'app.ts');
        const es5 = programWithLibs(loaded).getSourceFile(path.posix.join(LIB_FOLDER, 'lib.es5.d.ts')).text;
        return { models: model.models, schemas: model.routes.map((r) => r.schemas), diagnostics, reduced: es5 === reducedLibText('lib.es5.d.ts') };
      });
      process.stdout.write(JSON.stringify(out));`;
    const dirs = withModels.map(({ name }) => path.join(FIXTURES_DIR, name));
    const run = spawnSync(process.execPath, ['-e', script, JSON.stringify(dirs)], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    expect(run.status, run.stderr).to.equal(0);
    const fromDist = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    withModels.forEach(({ name, analyzed }, i) => {
      const full = JSON.parse(
        JSON.stringify({
          models: analyzed.model!.models,
          schemas: analyzed.model!.routes.map((r) => r.schemas),
          diagnostics: analyzed.diagnostics,
        }),
      ) as Record<string, unknown>;
      expect({ ...fromDist[i], reduced: undefined }, name).to.deep.equal({ ...full, reduced: undefined });
      expect(fromDist[i].reduced, `${name} reads the reduced libs`).to.equal(true);
    });
  });
});

/** Each app analysed by the CLI's build (dist/, whose runtime declarations let apps read the reduced libs). */
function analyzeWithDist(apps: Record<string, string>): Record<string, { messages: string[]; model?: AppModel }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-reduced-libs-'));
  try {
    const dirs = Object.entries(apps).map(([name, appText]) => {
      fs.mkdirSync(path.join(root, name));
      fs.writeFileSync(path.join(root, name, 'app.ts'), appText);
      return path.join(root, name);
    });
    const dist = path.join(REPO_ROOT, 'dist', 'compiler', 'analyze', 'analyze-project.js');
    if (!fs.existsSync(dist)) throw new Error('dist/ is missing: run `npm run build` first');
    const script = `const { analyzeProject } = require(${JSON.stringify(dist)});
      process.stdout.write(JSON.stringify(JSON.parse(process.argv[1]).map((dir) => {
        const { model, diagnostics } = analyzeProject(dir);
        return { model, messages: diagnostics.map((d) => d.code + ': ' + d.message) };
      })));`;
    const run = spawnSync(process.execPath, ['-e', script, JSON.stringify(dirs)], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    if (run.status !== 0) throw new Error(run.stderr);
    const results = JSON.parse(run.stdout) as Array<{ messages: string[]; model?: AppModel }>;
    return Object.fromEntries(Object.keys(apps).map((name, i) => [name, results[i]]));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

describe('an app that names a global the reduced libs leave out gets the full libs (same schemas)', function () {
  this.timeout(60000);
  const route = (type: string, header = '') =>
    `${header}${appTs(`app.route('/x', { methods: ['POST'] }, (_p, req: Request<${type}>) => 1);`, 'App, Request')}`;
  let analyzed: ReturnType<typeof analyzeWithDist>;
  before(() => {
    analyzed = analyzeWithDist({
      typedArray: route('{ samples: Float64Array }'),
      escaped: route('{ samples: Float\\u00364Array }'),
      intl: route('Intl.ResolvedNumberFormatOptions'),
      globalThis: route('{ name: keyof typeof globalThis }'),
      // es2017.sharedmemory declares Atomics.wait(typedArray: Int32Array, ...): the app never writes Int32Array,
      // whose indexOf (lib.es5.d.ts) returns a number.
      libReference: route(
        "{ at: ReturnType<Parameters<typeof Atomics.wait>[0]['indexOf']> }",
        '/// <reference lib="es2017.sharedmemory" />\n',
      ),
    });
  });

  it('a typed array in a model', () => {
    expect(analyzed.typedArray.messages).to.deep.equal([
      "APPC265: 'Float64Array': the built-in Float64Array has no JSON form",
    ]);
  });

  it('a typed array written with a unicode escape (the name as the parser reads it)', () => {
    expect(analyzed.escaped.messages).to.deep.equal([
      "APPC265: 'Float\\u00364Array': the built-in Float64Array has no JSON form",
    ]);
  });

  it('a member of namespace Intl', () => {
    expect(analyzed.intl.messages).to.deep.equal([
      "APPC265: 'Intl.ResolvedNumberFormatOptions': the built-in ResolvedNumberFormatOptions has no JSON form",
    ]);
  });

  it('globalThis, whose type has a property per global', () => {
    const [body] = Object.values(analyzed.globalThis.model!.models!.definitions);
    expect((body.properties!.name as { enum: string[] }).enum).to.include.members(['Float64Array', 'DataView', 'Intl']);
  });

  it('a lib that a module references, whose declarations name one (/// <reference lib>)', () => {
    expect(analyzed.libReference.messages).to.deep.equal([]);
    const [body] = Object.values(analyzed.libReference.model!.models!.definitions);
    expect(body.properties).to.deep.equal({ at: { type: 'number' } });
  });
});
