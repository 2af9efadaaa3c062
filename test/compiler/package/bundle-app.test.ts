import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { SourceMap } from 'node:module';
import { bundleApp, entrySource } from '../../../src/compiler/package/bundle-app';
import { applyNameEdits, nameEditsSourceMap } from '../../../src/compiler/package/handler-names';
import type { AppModel } from '../../../src/compiler/model/app-model';
import { runtimeModule } from '../../../src/compiler/runtime-location';
import { projectModel, tempDir, writeProject } from './zip-project';

function appOnly(text: string): string {
  const dir = tempDir('bundle');
  fs.writeFileSync(path.join(dir, 'app.ts'), text);
  return dir;
}

const emptyModel = (): AppModel => ({ ...projectModel(), routes: [], functions: [] });

describe('entrySource', () => {
  it('exports APIHandler when there are routes, then one handler per function under its logical ID, by kind', () => {
    const base = projectModel();
    const model: AppModel = {
      ...base,
      functions: [{ ...base.functions[0], name: 'every_hour' }, ...base.functions.slice(1)],
    };
    expect(entrySource(model)).to.equal(
      [
        'import { app } from "./app.ts";',
        `import { apiHandler, pureLambdaHandler, scheduleHandler } from "${runtimeModule('handler-factories')}";`,
        'exports.APIHandler = apiHandler(app);',
        'exports.EveryHour = scheduleHandler(app, "every_hour");',
        'exports.Worker = pureLambdaHandler(app, "worker");',
        '',
      ].join('\n'),
    );
  });

  it('exports no APIHandler without routes, and imports no factory without functions', () => {
    expect(entrySource(emptyModel())).to.equal('import { app } from "./app.ts";\n');
  });
});

describe('applyNameEdits', () => {
  it('wraps each handler expression, back to front', () => {
    const text = 'f(a => 1); g(b => 2);';
    const edited = applyNameEdits(text, [
      { start: 2, end: 8, name: 'one' },
      { start: 13, end: 19, name: 'two' },
    ]);
    expect(edited).to.equal(
      'f(Object.defineProperty(a => 1, Symbol.for("appc.name"), { value: "one", configurable: true })); ' +
        'g(Object.defineProperty(b => 2, Symbol.for("appc.name"), { value: "two", configurable: true }));',
    );
  });
});

describe('nameEditsSourceMap', () => {
  it('maps each token of the edited text back to its line and column as written', () => {
    const text = 'f(a => 1);\ng(b => 2); h();';
    const edits = [{ start: 13, end: 19, name: 'two' }];
    const edited = applyNameEdits(text, edits).split('\n');
    const map = new SourceMap({
      file: '',
      sourceRoot: '',
      sourcesContent: [],
      ...nameEditsSourceMap(text, edits, 'app.ts'),
    });
    const original = (line: number, token: string) => {
      const entry = map.findEntry(line, edited[line].indexOf(token)) as {
        originalLine: number;
        originalColumn: number;
      };
      return [entry.originalLine, entry.originalColumn];
    };
    expect(original(0, 'a')).to.deep.equal([0, 2]);
    expect(original(1, 'b =>')).to.deep.equal([1, 2]);
    expect(original(1, '2,')).to.deep.equal([1, 7]);
    expect(original(1, 'h()')).to.deep.equal([1, 11]);
  });
});

describe('bundleApp', () => {
  it('bundles app and runtime into one CommonJS file with no absolute paths', async () => {
    const dir = writeProject(tempDir('bundle-ok'));
    const result = await bundleApp({
      projectDir: dir,
      model: projectModel(),
      external: ['padder', 'appc', '@aws-sdk/*'],
      target: 'node24',
    });
    if (!('code' in result)) throw new Error(JSON.stringify(result.diagnostics));
    const code = new TextDecoder().decode(result.code);
    expect(code).to.include('require("padder")').and.include('require("@aws-sdk/client-s3")');
    expect(code).to.include('Symbol.for("appc.name")').and.include('"worker"');
    expect(code).not.to.include(dir).and.not.include(path.resolve(__dirname, '../../..'));
    expect(code).not.to.match(/require\("appc"\)/);
  });

  it("compiles for the target's Node: optional chaining stays for node24 and is lowered for node12", async () => {
    const dir = appOnly(
      `import { App } from 'appc';\nconst config: { name?: { first?: string } } = {};\nexport const app = new App({ appName: config.name?.first ?? 'demo' });\n`,
    );
    const code = async (target: 'node12' | 'node24') => {
      const result = await bundleApp({ projectDir: dir, model: emptyModel(), external: [], target });
      if (!('code' in result)) throw new Error(JSON.stringify(result.diagnostics));
      return new TextDecoder().decode(result.code);
    };
    expect(await code('node24')).to.match(/\?\./);
    expect(await code('node12'))
      .not.to.match(/\?\.[A-Za-z_$]/)
      .and.not.include('??');
  });

  it('reports an unresolvable import at its file:line:column', async () => {
    const dir = appOnly(
      `import { App } from 'appc';\nimport { x } from 'nowhere';\nexport const app = new App({ appName: x });\n`,
    );
    const result = await bundleApp({ projectDir: dir, model: emptyModel(), external: [], target: 'node24' });
    expect(result)
      .to.have.property('diagnostics')
      .that.deep.equals([
        {
          code: 'APPC401',
          severity: 'error',
          message: 'Could not resolve "nowhere"',
          remedy: 'Check the import; for a package, add it to package.json `dependencies` and run `npm install`.',
          location: { file: 'app.ts', line: 2, column: 19, length: 9 },
        },
      ]);
  });

  it('says how to fix an entry module that does not export `app`', async () => {
    const dir = appOnly(`import { App } from 'appc';\nexport const application = new App({ appName: 'a' });\n`);
    const result = await bundleApp({
      projectDir: dir,
      model: { ...projectModel(), functions: [] },
      external: [],
      target: 'node24',
    });
    if (!('diagnostics' in result)) throw new Error('expected diagnostics');
    expect(result.diagnostics.map((d) => [d.code, d.remedy, d.location?.file])).to.deep.equal([
      ['APPC401', 'app.ts must export the App instance as `app`: `export const app = new App({ ... })`.', 'app.ts'],
    ]);
  });
});

describe('bundleApp with a source map', () => {
  const APP = [
    `import { App } from 'appc';`,
    ``,
    `export const app = new App({ appName: 'maps' });`,
    ``,
    `export const worker = app.lambdaFunction((event: { n: number }) => { if (event.n > 1) throw new Error('too big'); return event.n; });`,
    ``,
  ].join('\n');
  const handlerText = APP.slice(APP.indexOf('(event'), APP.lastIndexOf(')'));

  function mapsModel(): AppModel {
    const start = APP.indexOf(handlerText);
    const location = {
      file: 'app.ts',
      line: 5,
      column: start - APP.lastIndexOf('\n', start),
      length: handlerText.length,
    };
    const handler = { location, start, end: start + handlerText.length, paramNames: null, ownName: null, docs: {} };
    const worker = {
      kind: 'lambda',
      name: 'worker',
      localName: 'worker',
      handler,
      location,
      parts: { options: {}, elements: {} },
      unknownOptions: [],
    } as const;
    return { ...emptyModel(), appName: 'maps', functions: [worker] };
  }

  async function bundled(sourceMap: boolean) {
    const dir = appOnly(APP);
    const result = await bundleApp({ projectDir: dir, model: mapsModel(), external: [], target: 'node20', sourceMap });
    if (!('code' in result)) throw new Error(JSON.stringify(result.diagnostics));
    return { dir, ...result };
  }

  it("names its sources relative to the project, appc's own under appc:, and links app.js to it", async () => {
    const { dir, code, map } = await bundled(true);
    const plain = await bundled(false);
    expect(map?.sources).to.include('app.ts').and.include('appc:entry.js');
    expect(map?.sources.filter((s) => s !== 'app.ts' && s !== 'appc:entry.js')).to.satisfy((rest: string[]) =>
      rest.every((s) => /^appc:runtime\/[\w-]+\.(ts|js)$/.test(s)),
    );
    expect(JSON.stringify(map)).not.to.include(dir).and.not.include(path.resolve(__dirname, '../../..'));
    expect(new TextDecoder().decode(code)).to.equal(
      `${new TextDecoder().decode(plain.code)}//# sourceMappingURL=app.js.map\n`,
    );
    expect(plain).not.to.have.property('map');
  });

  it('maps a throw inside a renamed handler to its .ts line and column (the name edit shifts that line)', async () => {
    const { dir, code, map } = await bundled(true);
    fs.writeFileSync(path.join(dir, 'app.js'), code);
    fs.writeFileSync(path.join(dir, 'app.js.map'), JSON.stringify(map));
    const script = `require('./app.js').Worker({ n: 2 }, {}).catch((e) => console.log(e.stack));`;
    const stack = execFileSync(process.execPath, ['--enable-source-maps', '-e', script], {
      cwd: dir,
      encoding: 'utf8',
    });
    const column = APP.split('\n')[4].indexOf('new Error') + 1;
    expect(stack)
      .to.include(`Error: too big\n    at `)
      .and.include(`${path.join(dir, 'app.ts')}:5:${column})`);
  });
});
