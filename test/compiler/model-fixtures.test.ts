import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { checkProject } from '../../src/compiler/check-project';
import { formatDiagnostics } from '../../src/compiler/diagnostics/format';
import { expectGolden, FIXTURES_DIR, fixtureApps, fixtureSettings, readProjectFile } from '../support/fixtures';

describe('fixture apps: the AppModel the analyzer builds', () => {
  for (const name of fixtureApps()) {
    const dir = path.join(FIXTURES_DIR, name);
    for (const stage of fixtureSettings(dir).stages) {
      it(`${name} (stage ${stage}) analyses without errors to expected/model.json`, () => {
        const result = checkProject({ projectDir: dir, stage });
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        expect(errors, formatDiagnostics(errors, { color: false, readSource: readProjectFile(dir) })).to.deep.equal([]);
        expectGolden(path.join(dir, 'expected', 'model.json'), `${JSON.stringify(result.model, null, 2)}\n`);
      });
    }
  }

  it('never runs user code: a module that writes a file and exits analyses fine and writes nothing', () => {
    const dir = path.join(FIXTURES_DIR, 'no-exec');
    const result = checkProject({ projectDir: dir, stage: 'dev' });
    expect(result.model?.routes.map((r) => r.path)).to.deep.equal(['/']);
    expect(fs.existsSync(path.join(dir, 'EXECUTED.txt'))).to.equal(false);
    expect(fs.existsSync(path.join(process.cwd(), 'EXECUTED.txt'))).to.equal(false);
  });
});
