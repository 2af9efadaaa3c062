import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { CONFIG_SCHEMA_PATH } from '../../../src/compiler/config/config-schema';
import { REPO_ROOT } from '../../support/fixtures';
import { bundleTarget, LAMBDA_NODE_RUNTIMES, NEWEST_NODE_RUNTIME } from '../../../src/compiler/config/lambda-runtimes';

describe('Lambda Node.js runtimes table', () => {
  it('lists exactly the identifiers the config schema accepts, newest first', () => {
    const schema = JSON.parse(fs.readFileSync(CONFIG_SCHEMA_PATH, 'utf8'));
    expect(schema.definitions.lambda_runtime.enum).to.deep.equal([...LAMBDA_NODE_RUNTIMES.map((row) => row.id), null]);
    const majors = LAMBDA_NODE_RUNTIMES.map((row) => row.major);
    expect(majors).to.deep.equal([...majors].sort((a, b) => b - a));
    expect(LAMBDA_NODE_RUNTIMES.every((row) => row.id === `nodejs${row.major}.x`)).to.equal(true);
  });

  it('has, for each runtime, deprecation <= block create <= block update, as ISO dates', () => {
    for (const row of LAMBDA_NODE_RUNTIMES) {
      for (const date of [row.deprecation, row.blockCreate, row.blockUpdate])
        expect(date, row.id).to.match(/^\d{4}-\d{2}-\d{2}$/);
      expect(row.deprecation <= row.blockCreate && row.blockCreate <= row.blockUpdate, row.id).to.equal(true);
    }
  });

  it("holds AWS's dates for the runtimes Lambda offers (AWS Lambda Developer Guide, Lambda runtimes)", () => {
    const dates = (id: string) => LAMBDA_NODE_RUNTIMES.find((row) => row.id === id);
    expect(dates('nodejs24.x')).to.deep.include({
      deprecation: '2028-04-30',
      blockCreate: '2028-06-01',
      blockUpdate: '2028-07-01',
    });
    expect(dates('nodejs22.x')).to.deep.include({
      deprecation: '2027-04-30',
      blockCreate: '2027-06-01',
      blockUpdate: '2027-07-01',
    });
    expect(dates('nodejs20.x')).to.deep.include({
      deprecation: '2026-04-30',
      blockCreate: '2026-08-31',
      blockUpdate: '2026-09-30',
    });
    expect(NEWEST_NODE_RUNTIME).to.equal('nodejs24.x');
  });
});

describe("README's table of runtimes", () => {
  it('is the same as lambda-runtimes.ts', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^ *\| (nodejs\d+\.x) \| (\S+) \| (\S+) \| (\S+) \|$/gm)].map((m) =>
      m.slice(1, 5),
    );
    expect(rows).to.deep.equal(
      LAMBDA_NODE_RUNTIMES.map((row) => [row.id, row.deprecation, row.blockCreate, row.blockUpdate]),
    );
  });
});

describe('bundleTarget', () => {
  it("targets the lowest Node major among the functions' runtimes", () => {
    expect(bundleTarget(['nodejs24.x', 'nodejs22.x', 'nodejs24.x'])).to.equal('node22');
    expect(bundleTarget(['nodejs24.x'])).to.equal('node24');
  });

  it('targets the newest runtime when there is no function', () => {
    expect(bundleTarget([])).to.equal('node24');
  });
});
