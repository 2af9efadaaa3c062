import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { cfnLint, type CfnLintFinding } from '../support/aws-checks/cfn-lint';
import { checkAliasedInvokers } from '../support/aws-checks/alias-check';
import { samTranslate, type TranslateResult } from '../support/aws-checks/sam-translator';
import { requireTools } from '../support/aws-checks/tools';
import { fixtureStages, packagedFixture, type FixtureStage } from '../support/packaged-fixtures';

/**
 * cfn-lint findings a fixture template may have, each with the reason it is right as it
 * is. Anything not listed fails its test, and an entry that no longer matches fails too.
 */
const ALLOWED: Array<{ rule: string; fixture: string; reason: string }> = [
  {
    rule: 'I3011',
    fixture: 'config-stages (stage prod)',
    reason:
      'the stage sets log_retention_in_days, so each function gets an AWS::Logs::LogGroup named /aws/lambda/<function> ' +
      "(as chalice package does) with CloudFormation's default DeletionPolicy, Delete: the group belongs to the function. " +
      'Retain would keep the named group after the stack is deleted, and creating the stack again would then fail on the existing name.',
  },
];

/** Fixture stages with `lambda_alias`: their translated templates must route every invocation through aliases. */
const ALIASED_STAGES = [
  'stage-settings (stage beta)',
  'stage-settings (stage prod)',
  'canary-release (stage dev)',
  'canary-release (stage prod)',
];

interface Checked {
  sam: CfnLintFinding[];
  translated: CfnLintFinding[];
  translation: TranslateResult[];
}

/**
 * Every fixture template, checked by AWS's own tools: cfn-lint on the SAM template (it runs
 * the SAM transform, but with DefinitionBody replaced by ""), then AWS's SAM translator
 * on the template with its real swagger, and cfn-lint on the CloudFormation it produces.
 */
describe("AWS's own tools on every fixture template (cfn-lint, SAM translator)", function () {
  this.timeout(600000);
  const fixtures = fixtureStages();
  const file = (f: FixtureStage, name: string) => path.join(f.name, f.stage, name);
  let work: string;
  let checked: Checked;

  before(async function () {
    requireTools(
      this,
      ['cfn-lint', 'aws-sam-translator'],
      'Checking the fixture templates with cfn-lint and the SAM translator',
    );
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-cfn-lint-'));
    for (const f of fixtures) {
      const files = await packagedFixture(f);
      fs.mkdirSync(path.join(work, f.name, f.stage), { recursive: true });
      fs.writeFileSync(path.join(work, file(f, 'sam.json')), files.get('sam.json') as string);
    }
    const start = performance.now();
    checked = await lintAndTranslate(
      work,
      fixtures.map((f) => file(f, 'sam.json')),
    );
    console.log(`      ${summary(fixtures.length, checked)} (${((performance.now() - start) / 1000).toFixed(1)} s)`);
  });

  after(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  for (const f of fixtures) {
    it(`${f.label}: cfn-lint finds nothing in the SAM template`, () => {
      expect(unexplained(checked.sam, file(f, 'sam.json'), f.label)).to.deep.equal([]);
    });

    it(`${f.label}: the SAM translator transforms it with its swagger, and cfn-lint finds nothing in the result`, async () => {
      const translation = checked.translation.find((t) => t.input === file(f, 'sam.json'));
      expect(translation?.error, 'the SAM translator rejected the template').to.equal(null);
      const output = JSON.parse(fs.readFileSync(path.join(work, file(f, 'cloudformation.json')), 'utf8'));
      const swagger = (await packagedFixture(f)).get('swagger.json');
      const swaggerPaths = swagger ? Object.keys(JSON.parse(swagger as string).paths) : [];
      expect(restApiPaths(output).sort(), 'paths of the translated RestApi Body').to.deep.equal(swaggerPaths.sort());
      expect(unexplained(checked.translated, file(f, 'cloudformation.json'), f.label)).to.deep.equal([]);
      const sam = JSON.parse((await packagedFixture(f)).get('sam.json') as string);
      expect(checkAliasedInvokers(sam, output).problems, 'invokers of aliased functions').to.deep.equal([]);
    });
  }

  it('the aliased stages get an alias and a version per function, and every invoker invokes an alias', async () => {
    for (const label of ALIASED_STAGES) {
      const f = fixtures.find((candidate) => candidate.label === label);
      expect(f, `fixture ${label}`).to.not.equal(undefined);
      const output = JSON.parse(fs.readFileSync(path.join(work, file(f!, 'cloudformation.json')), 'utf8'));
      const sam = JSON.parse((await packagedFixture(f!)).get('sam.json') as string);
      const { problems, invokers } = checkAliasedInvokers(sam, output);
      expect(problems, label).to.deep.equal([]);
      expect(invokers, `${label}: invokers checked`).to.be.greaterThan(0);
      const types = Object.values(output.Resources as Record<string, { Type: string }>).map((r) => r.Type);
      const functions = types.filter((t) => t === 'AWS::Lambda::Function').length;
      expect(types.filter((t) => t === 'AWS::Lambda::Alias').length, label).to.equal(functions);
      expect(types.filter((t) => t === 'AWS::Lambda::Version').length, label).to.equal(functions);
    }
  });

  it('every allowed finding still occurs (an entry that matches nothing must be removed)', () => {
    const all = [...checked.sam, ...checked.translated];
    const unused = ALLOWED.filter((a) => {
      const fixture = fixtures.find((f) => f.label === a.fixture);
      return (
        !fixture ||
        !all.some((m) => m.rule === a.rule && m.file.startsWith(path.join(fixture.name, fixture.stage) + path.sep))
      );
    });
    expect(unused).to.deep.equal([]);
  });
});

/** cfn-lint on the SAM templates runs beside the translator; then cfn-lint on its output. */
async function lintAndTranslate(work: string, samFiles: string[]): Promise<Checked> {
  const outputOf = (input: string) => path.join(path.dirname(input), 'cloudformation.json');
  const jobs = samFiles.map((input) => ({ input: path.join(work, input), output: path.join(work, outputOf(input)) }));
  const translatedThenLinted = samTranslate(jobs).then(async (results) => {
    const translation = results.map((r) => ({ ...r, input: path.relative(work, r.input) }));
    const outputs = translation.filter((t) => t.error === null).map((t) => outputOf(t.input));
    return { translation, translated: outputs.length > 0 ? await cfnLint(outputs, work) : [] };
  });
  const [sam, rest] = await Promise.all([cfnLint(samFiles, work), translatedThenLinted]);
  return { sam, ...rest };
}

/** The findings for one template that no ALLOWED entry explains, as readable lines. */
function unexplained(findings: CfnLintFinding[], file: string, label: string): string[] {
  return findings
    .filter((m) => m.file === file && !ALLOWED.some((a) => a.rule === m.rule && a.fixture === label))
    .map((m) => `${m.level} ${m.rule} at ${m.path}: ${m.message}`);
}

function restApiPaths(template: {
  Resources: Record<string, { Type: string; Properties?: { Body?: { paths?: object } } }>;
}): string[] {
  const apis = Object.values(template.Resources).filter((r) => r.Type === 'AWS::ApiGateway::RestApi');
  return apis.flatMap((api) => Object.keys(api.Properties?.Body?.paths ?? {}));
}

function summary(templates: number, checked: Checked): string {
  const count = (findings: CfnLintFinding[]) => {
    const perRule = new Map<string, number>();
    for (const m of findings) perRule.set(m.rule, (perRule.get(m.rule) ?? 0) + 1);
    return (
      [...perRule]
        .sort()
        .map(([rule, n]) => `${rule} x${n}`)
        .join(', ') || 'none'
    );
  };
  const translated = checked.translation.filter((t) => t.error === null).length;
  return `cfn-lint on ${templates} SAM templates: ${count(checked.sam)}; SAM translator: ${translated}/${templates} translated; cfn-lint on those: ${count(checked.translated)}`;
}
