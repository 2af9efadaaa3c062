import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { checkProject } from '../../../src/compiler/compile';
import { sortDiagnostics } from '../../../src/compiler/diagnostics/diagnostic';
import { formatDiagnostics } from '../../../src/compiler/diagnostics/format';
import { serializeTemplate } from '../../../src/compiler/emit/serialize-template';
import { isIamAction } from '../../../src/compiler/policy/iam-data';
import { generatedPolicy } from '../../../src/compiler/policy/generated-policy';
import { expectGolden, FIXTURES_DIR, fixtureApps, readProjectFile, REPO_ROOT } from '../../support/fixtures';

/** `policy-file` predates this suite: a config-mode fixture of the packaging issue, without SDK calls. */
const POLICY_FIXTURES = fixtureApps().filter((name) => name.startsWith('policy-') && name !== 'policy-file');

type Statement = { Sid?: string; Action: string | string[] };

/**
 * The SDK usage fixtures: `expected/policy.json` is what `appc gen-policy` prints, and
 * `expected/diagnostics.txt` the warnings (absent when there are none).
 */
describe('policy fixtures: the generated IAM policy of each SDK usage pattern', () => {
  it('covers at least 15 usage patterns', () => {
    expect(POLICY_FIXTURES.length).to.be.at.least(15);
  });

  for (const name of POLICY_FIXTURES) {
    const dir = path.join(FIXTURES_DIR, name);
    it(`${name}: expected/policy.json and its warnings`, () => {
      const checked = checkProject({ projectDir: dir, stage: 'dev' });
      const errors = checked.diagnostics.filter((d) => d.severity === 'error');
      expect(errors, formatDiagnostics(errors, { color: false, readSource: readProjectFile(dir) })).to.deep.equal([]);
      const { document, diagnostics } = generatedPolicy(checked.model!, checked.config!);
      expectGolden(path.join(dir, 'expected', 'policy.json'), serializeTemplate(document));

      const warnings = sortDiagnostics([...checked.diagnostics, ...diagnostics]);
      const warningsFile = path.join(dir, 'expected', 'diagnostics.txt');
      if (warnings.length > 0)
        expectGolden(warningsFile, formatDiagnostics(warnings, { color: false, readSource: readProjectFile(dir) }));
      else
        expect(
          fs.existsSync(warningsFile),
          `${path.relative(REPO_ROOT, warningsFile)} should not exist: no warnings`,
        ).to.equal(false);
    });
  }

  it('emits only actions that exist in the IAM data, one statement per service with sorted unique actions', () => {
    for (const name of POLICY_FIXTURES) {
      const statements = readPolicy(name);
      for (const statement of statements) {
        const actions = ([] as string[]).concat(statement.Action);
        for (const action of actions) expect(isIamAction(action), `${name}: ${action}`).to.equal(true);
        // Analysis statements carry Sids; the fixed ones (logs, X-Ray, pollers) keep AWS's order.
        if (statement.Sid !== undefined) expect(actions, name).to.deep.equal([...new Set(actions)].sort());
      }
      const sids = statements.flatMap((s) => (s.Sid === undefined ? [] : [s.Sid]));
      expect(sids, name).to.deep.equal([...sids].sort());
      expect(new Set(sids).size, name).to.equal(sids.length);
    }
  });

  it('prints the policy `appc package` gives the shared DefaultRole', () => {
    let compared = 0;
    for (const name of POLICY_FIXTURES) {
      const sam = path.join(FIXTURES_DIR, name, 'expected', 'sam.json');
      const role = JSON.parse(fs.readFileSync(sam, 'utf8')).Resources.DefaultRole;
      if (!role) continue;
      expect(role.Properties.Policies[0].PolicyDocument.Statement, name).to.deep.equal(readPolicy(name));
      compared++;
    }
    expect(compared).to.be.at.least(15);
  });
});

function readPolicy(name: string): Statement[] {
  return (
    JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, name, 'expected', 'policy.json'), 'utf8')) as {
      Statement: Statement[];
    }
  ).Statement;
}
