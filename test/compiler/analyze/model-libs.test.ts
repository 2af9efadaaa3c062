import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { getLibFiles } from '@ts-morph/common';
import { MODEL_LIB_FILES, MODEL_LIBS } from '../../../src/compiler/analyze/model-libs';
import { MODEL_LIBS_PATH, modelLibsSource } from '../../../src/compiler/analyze/model-libs-source';
import { FIXTURES_DIR, REPO_ROOT } from '../../support/fixtures';
import { analyzeFiles, appTs } from './analyze-files';

describe("the models' lib files (model-libs.ts)", () => {
  it("is what model-libs-source.ts generates from today's @ts-morph/common", () => {
    // On a failure: npx tsx src/compiler/analyze/model-libs-source.ts, and commit the result.
    expect(fs.readFileSync(MODEL_LIBS_PATH, 'utf8') === modelLibsSource(), 'model-libs.ts is stale').to.equal(true);
  });

  it('holds the model libs and the libs they reference, as @ts-morph/common has them', () => {
    const all = new Map(getLibFiles().map((lib) => [lib.fileName, lib.text]));
    expect([...MODEL_LIB_FILES.keys()]).to.include.members([...MODEL_LIBS, 'lib.decorators.d.ts']);
    for (const [name, text] of MODEL_LIB_FILES) expect(text === all.get(name), name).to.equal(true);
  });

  it('still serves a lib outside them that a module references (from @ts-morph/common)', () => {
    const { text } = analyzeFiles({
      'app.ts': `/// <reference lib="es2022.error" />\n${appTs(
        "app.route('/e', { methods: ['POST'] }, (_p, req: Request<ErrorOptions>) => 1);",
        'App, Request',
      )}`,
    });
    expect(text).to.contain("APPC265: 'ErrorOptions': the built-in ErrorOptions has no JSON form");
  });

  it('spares an app with models the load of @ts-morph/common (dist/)', () => {
    const dist = path.join(REPO_ROOT, 'dist', 'compiler', 'analyze', 'analyze-project.js');
    if (!fs.existsSync(dist)) throw new Error('dist/ is missing: run `npm run build` first');
    const script =
      `const { model } = require(${JSON.stringify(dist)}).analyzeProject(${JSON.stringify(path.join(FIXTURES_DIR, 'models'))});` +
      `console.log(JSON.stringify({ models: Object.keys(model.models.definitions).length, loaded: Object.keys(require.cache) }));`;
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(result.status, result.stderr).to.equal(0);
    const { models, loaded } = JSON.parse(result.stdout) as { models: number; loaded: string[] };
    expect(models).to.be.greaterThan(0);
    expect(loaded.filter((file) => file.endsWith('ts-morph-common.js'))).to.deep.equal([]);
  });
});
