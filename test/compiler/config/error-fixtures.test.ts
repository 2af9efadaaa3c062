import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { sortDiagnostics } from '../../../src/compiler/diagnostics/diagnostic';
import { formatDiagnostics } from '../../../src/compiler/diagnostics/format';
import { loadConfig } from '../../../src/compiler/config/load-config';

// Each fixtures/_error_/config-*/ holds a broken .appc/config.json and the exact diagnostics in expected.txt.
// UPDATE_FIXTURES=1 rewrites expected.txt from the current output (review the diff before committing).
const ERROR_FIXTURES = path.join(__dirname, '../../../fixtures/_error_');

function configCases(): string[] {
  return fs.readdirSync(ERROR_FIXTURES).filter((name) => name.startsWith('config-')).sort();
}

function diagnosticsText(projectDir: string): string {
  const { diagnostics } = loadConfig(projectDir);
  const readSource = (file: string) => {
    try {
      return fs.readFileSync(path.join(projectDir, file), 'utf8');
    } catch {
      return undefined;
    }
  };
  return formatDiagnostics(sortDiagnostics(diagnostics), { color: false, readSource });
}

describe('config error fixtures', () => {
  it('has at least 10 config cases', () => {
    expect(configCases().length).to.be.at.least(10);
  });

  for (const name of configCases()) {
    it(name, () => {
      const projectDir = path.join(ERROR_FIXTURES, name);
      const expectedFile = path.join(projectDir, 'expected.txt');
      const actual = diagnosticsText(projectDir);
      if (process.env.UPDATE_FIXTURES === '1') fs.writeFileSync(expectedFile, actual);
      expect(actual).to.equal(fs.readFileSync(expectedFile, 'utf8'));
    });
  }
});
