import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { checkProject } from '../../src/compiler/check-project';
import { formatDiagnostics } from '../../src/compiler/diagnostics/format';
import { ERROR_FIXTURES_DIR, errorFixtures, expectGolden, readProjectFile } from '../support/fixtures';

/** Each fixtures/_error_/<case>/ is a broken project; expected.txt is exactly what appc prints for it. */
describe('error fixtures: the diagnostics of broken apps and configs', () => {
  for (const name of errorFixtures()) {
    const dir = path.join(ERROR_FIXTURES_DIR, name);
    it(name, () => {
      const argsFile = path.join(dir, 'args.json');
      const { stage = 'dev' } = fs.existsSync(argsFile) ? (JSON.parse(fs.readFileSync(argsFile, 'utf8')) as { stage?: string }) : {};
      const result = checkProject({ projectDir: dir, stage });
      expect(result.diagnostics.some((d) => d.severity === 'error'), 'a broken project must have at least one error').to.equal(true);
      expect(result.model, 'no model for a broken project').to.equal(undefined);
      expectGolden(path.join(dir, 'expected.txt'), formatDiagnostics(result.diagnostics, { color: false, readSource: readProjectFile(dir) }));
    });
  }
});
