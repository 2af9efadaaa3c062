import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { sortDiagnostics } from '../../../src/compiler/diagnostics/diagnostic';
import { formatDiagnostics } from '../../../src/compiler/diagnostics/format';
import { loadConfig } from '../../../src/compiler/config/load-config';
import { ERROR_FIXTURES_DIR, expectGolden, readProjectFile } from '../../support/fixtures';

/**
 * The config stage alone on each fixtures/_error_/config-*: its expected.txt holds every diagnostic of
 * the project, and these apps are correct, so the config's diagnostics must be all of them.
 */
function configCases(): string[] {
  return fs
    .readdirSync(ERROR_FIXTURES_DIR)
    .filter((name) => name.startsWith('config-'))
    .sort();
}

describe('config error fixtures (config stage only)', () => {
  it('has at least 10 config cases', () => {
    expect(configCases().length).to.be.at.least(10);
  });

  for (const name of configCases()) {
    it(name, () => {
      const projectDir = path.join(ERROR_FIXTURES_DIR, name);
      const { diagnostics } = loadConfig(projectDir);
      const text = formatDiagnostics(sortDiagnostics(diagnostics), {
        color: false,
        readSource: readProjectFile(projectDir),
      });
      expectGolden(path.join(projectDir, 'expected.txt'), text);
    });
  }
});
