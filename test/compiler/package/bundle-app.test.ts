import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyNameEdits, bundleApp, entrySource } from '../../../src/compiler/package/bundle-app';
import type { AppModel } from '../../../src/compiler/model/app-model';
import { projectModel, tempDir, writeProject } from './zip-project';

function appOnly(text: string): string {
  const dir = tempDir('bundle');
  fs.writeFileSync(path.join(dir, 'app.ts'), text);
  return dir;
}

const emptyModel = (): AppModel => ({ ...projectModel(), routes: [], functions: [] });

describe('entrySource', () => {
  it('exports APIHandler when there are routes, then one handler per function under its logical ID', () => {
    const base = projectModel();
    const model: AppModel = {
      ...base,
      functions: [{ ...base.functions[0], name: 'every_hour' }, ...base.functions.slice(1)],
    };
    expect(entrySource(model)).to.equal(
      [
        'import { app } from "./app.ts";',
        'import { lambdaHandler } from "appc";',
        'export const APIHandler = lambdaHandler(app, "api_handler");',
        'export const EveryHour = lambdaHandler(app, "every_hour");',
        'export const Worker = lambdaHandler(app, "worker");',
        '',
      ].join('\n'),
    );
  });

  it('exports no APIHandler without routes', () => {
    expect(entrySource(emptyModel())).not.to.include('APIHandler');
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
