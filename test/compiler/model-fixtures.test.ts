import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { checkProject } from '../../src/compiler/compile';
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

  it("treats a user tsconfig's TS 6 deprecations (TS5101/TS5107) as warnings, not errors", () => {
    const result = checkProject({ projectDir: path.join(FIXTURES_DIR, 'user-tsconfig'), stage: 'dev' });
    expect(result.model?.appName).to.equal('legacy-config');
    expect(result.diagnostics.map((d) => [d.code, d.severity])).to.deep.equal([
      ['APPC209', 'warning'],
      ['APPC209', 'warning'],
    ]);
    expect(result.diagnostics.map((d) => d.message).join('\n'))
      .to.contain("Option 'baseUrl' is deprecated")
      .and.contain("'moduleResolution=node10' is deprecated");
  });

  it('never runs user code: a module that writes a file and exits analyses fine and writes nothing', () => {
    const dir = path.join(FIXTURES_DIR, 'no-exec');
    const result = checkProject({ projectDir: dir, stage: 'dev' });
    expect(result.model?.routes.map((r) => r.path)).to.deep.equal(['/']);
    expect(fs.existsSync(path.join(dir, 'EXECUTED.txt'))).to.equal(false);
    expect(fs.existsSync(path.join(process.cwd(), 'EXECUTED.txt'))).to.equal(false);
  });
});
