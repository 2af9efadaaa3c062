import { expect } from 'chai';
import { collectRegistrations, type Collected } from '../../../src/compiler/analyze/collect';
import { locationOf } from '../../../src/compiler/analyze/locations';
import { RuntimeSymbols } from '../../../src/compiler/analyze/runtime-symbols';
import type { CollectedItem } from '../../../src/compiler/analyze/registration';
import { PROJECT_DIR, programOf, sourceFileOf } from '../../support/in-memory-program';

const HEADER = "import { App, Blueprint, CORSConfig } from 'appc';\nexport const app = new App({ appName: 'demo' });\n";

/** Collects the registrations of the given modules, in the order given (app.ts gets HEADER first). */
function collect(files: Record<string, string>): Collected {
  const withHeader = { ...files, 'app.ts': HEADER + files['app.ts'] };
  const program = programOf(withHeader, false);
  const checker = program.getTypeChecker();
  const modules = Object.keys(files).map((name) => sourceFileOf(program, name));
  return collectRegistrations(modules, new RuntimeSymbols(checker), checker, PROJECT_DIR);
}

/** An item as `[kind, target const, line]`, kind being the method or `=setting`. */
function summary(item: CollectedItem): [string, string, number] {
  const node = item.type === 'registration' ? item.call : item.value[0];
  const kind = item.type === 'registration' ? item.method : `=${item.setting}`;
  return [kind, item.target.name.getText(), locationOf(node, PROJECT_DIR).line];
}

const diagnosticsOf = (collected: Collected) =>
  collected.diagnostics.map((d) => [d.code, `${d.location?.line}:${d.location?.column}`, d.message]);

describe('analysis: collecting registrations', () => {
  it('finds the App, blueprints, registrations and settings of top-level statements, in module order', () => {
    const collected = collect({
      'routes.ts': "import { Blueprint } from 'appc';\nexport const bp = new Blueprint();\nbp.route('/b', () => ({}));",
      'app.ts': [
        "import { bp } from './routes';",
        "app.route('/', () => ({}));",
        'export const every = app.schedule("rate(1 hour)", () => {});',
        'app.debug = true;',
        'app.api.cors = new CORSConfig({});',
        "app.api.binaryTypes = ['image/png'];",
        "app.api.binaryTypes.push('a/b', 'c/d');",
        'app.registerBlueprint(bp);',
      ].join('\n'),
    });
    expect(collected.apps.map((a) => a.declaration.name.getText())).to.deep.equal(['app']);
    expect([...collected.blueprints].map((b) => b.name.getText())).to.deep.equal(['bp']);
    expect(collected.items.map(summary)).to.deep.equal([
      ['route', 'bp', 3],
      ['route', 'app', 4],
      ['schedule', 'app', 5],
      ['=debug', 'app', 6],
      ['=cors', 'app', 7],
      ['=binaryTypes', 'app', 8],
      ['=binaryTypes.push', 'app', 9],
      ['registerBlueprint', 'app', 10],
    ]);
    const push = collected.items[6];
    expect(push.type === 'setting' && push.value.map((v) => v.getText())).to.deep.equal(["'a/b'", "'c/d'"]);
    const schedule = collected.items[2];
    expect(schedule.type === 'registration' && schedule.constName).to.equal('every');
    expect(collected.diagnostics).to.deep.equal([]);
  });

  it('resolves the receiver through const aliases and parentheses to the instance it holds', () => {
    const collected = collect({ 'app.ts': "const api = app;\nconst again = (api);\nagain.route('/', () => ({}));" });
    expect(collected.items.map(summary)).to.deep.equal([['route', 'app', 5]]);
  });

  it('ignores calls and assignments on other receivers', () => {
    const collected = collect({
      'app.ts': "const other = { route: (p: string) => p, debug: false };\nother.route('/');\nother.debug = true;",
    });
    expect([collected.items, collected.diagnostics]).to.deep.equal([[], []]);
  });

  it('APPC212 for a registration on an App that is not held by a const', () => {
    const collected = collect({ 'app.ts': "function theApp(): App { return app; }\ntheApp().route('/', () => ({}));" });
    expect(diagnosticsOf(collected)).to.deep.equal([
      ['APPC212', '4:1', 'cannot tell which App or Blueprint this registers on'],
    ]);
    expect(collected.items).to.deep.equal([]);
  });

  it('APPC205 for registrations and settings that are not top-level statements, naming where they are', () => {
    const collected = collect({
      'app.ts': [
        "export const later = () => app.route('/f', () => ({}));",
        "if (Date.now() > 0) app.schedule('rate(1 day)', () => {});",
        "for (const p of ['/a']) app.route(p, () => ({}));",
        '{ app.debug = true; }',
        "export const x = [app.route('/e', () => ({}))];",
      ].join('\n'),
    });
    expect(diagnosticsOf(collected)).to.deep.equal([
      ['APPC205', '3:28', 'app.route() must be a top-level statement, not inside a function'],
      ['APPC205', '4:21', 'app.schedule() must be a top-level statement, not inside a condition'],
      ['APPC205', '5:25', 'app.route() must be a top-level statement, not inside a loop'],
      ['APPC205', '6:3', 'app.debug must be set in a top-level statement, not inside a block'],
      ['APPC205', '7:19', 'app.route() must be a top-level statement, not inside an expression'],
    ]);
    expect(collected.items).to.deep.equal([]);
  });
});
