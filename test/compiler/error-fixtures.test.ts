import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { packageProject } from '../../src/compiler/compile';
import { formatDiagnostics } from '../../src/compiler/diagnostics/format';
import { ERROR_FIXTURES_DIR, errorFixtures, expectGolden, readProjectFile } from '../support/fixtures';

/** Each fixtures/_error_/<case>/ is a broken project; expected.txt is exactly what `appc package` prints for it. */
describe('error fixtures: the diagnostics of broken apps and configs', () => {
  for (const name of errorFixtures()) {
    const dir = path.join(ERROR_FIXTURES_DIR, name);
    it(name, async () => {
      const argsFile = path.join(dir, 'args.json');
      const args = fs.existsSync(argsFile)
        ? (JSON.parse(fs.readFileSync(argsFile, 'utf8')) as { stage?: string; typecheck?: boolean })
        : {};
      const result = await packageProject({
        projectDir: dir,
        stage: args.stage ?? 'dev',
        typecheck: args.typecheck,
        templateFormat: 'json',
      });
      expect(
        result.diagnostics.some((d) => d.severity === 'error'),
        'a broken project must have at least one error',
      ).to.equal(true);
      expect(result.files, 'no output for a broken project').to.equal(undefined);
      expectGolden(
        path.join(dir, 'expected.txt'),
        formatDiagnostics(result.diagnostics, { color: false, readSource: readProjectFile(dir) }),
      );
    });
  }
});
