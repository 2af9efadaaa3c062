/**
 * The buildspec's `appc package` command, run as CodeBuild would run it (through a shell, in
 * the checkout) on a copy of fixtures/hello, with the built CLI in place of `npx appc`.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { parse } from 'yaml';
import { checkReferences, checkResourceSpec, checkSamSchema, samSchemaAvailable } from '../../support/aws-checks';
import { FIXTURES_DIR, REPO_ROOT } from '../../support/fixtures';
import { generate } from './pipeline-helpers';

const BIN = path.join(REPO_ROOT, 'bin', 'appc.js');

describe('appc generate-pipeline buildspec, run on fixtures/hello', function () {
  this.timeout(60000);

  it('packages a valid sam.json where the next command uploads it from', function () {
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'cli', 'main.js')))
      throw new Error('dist/ is missing: run `npm run build` (make test does) before this test');
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-pipeline-'));
    try {
      const project = path.join(work, 'hello');
      fs.cpSync(path.join(FIXTURES_DIR, 'hello'), project, { recursive: true });
      const packaged = path.join(work, 'packaged');
      // The built CLI stands in for `npx appc`; a private directory for /tmp/packaged, so parallel runs do not meet.
      const local = (command: string) =>
        command.replace('npx appc ', `"${process.execPath}" "${BIN}" `).replaceAll('/tmp/packaged', packaged);

      const commands: string[] = parse(generate({ stage: 'beta' }).buildspec).phases.build.commands;
      const [packageCommand, uploadCommand] = commands;
      expect(packageCommand).to.match(/^npx appc package /);
      const result = spawnSync('bash', ['-c', local(packageCommand)], {
        cwd: project,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '' },
      });
      expect(result.status, result.stderr).to.equal(0);

      const templateFile = /--template-file (\S+)/.exec(local(uploadCommand))![1];
      const sam = JSON.parse(fs.readFileSync(templateFile, 'utf8'));
      expect(checkResourceSpec(sam)).to.deep.equal([]);
      expect(checkReferences(sam)).to.deep.equal([]);
      if (samSchemaAvailable()) expect(checkSamSchema(sam)).to.deep.equal([]);
      else console.warn('    the SAM schema is missing; sam.json was not validated against it');
      expect(sam.Transform).to.equal('AWS::Serverless-2016-10-31');
      // `aws cloudformation package` resolves CodeUri against the template's directory.
      expect(sam.Resources.APIHandler.Properties.CodeUri).to.equal('./deployment.zip');
      expect(fs.existsSync(path.join(path.dirname(templateFile), 'deployment.zip'))).to.equal(true);
      expect(sam.Resources.APIHandler.Properties.Tags.appc).to.match(/:stage=beta:app=helloworld$/);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
