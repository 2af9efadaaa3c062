/** `appc generate-pipeline` on the command line: options, exit codes, what it writes. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { expect } from 'chai';
import { parse } from 'yaml';
import { generatePipelineCommand } from '../../../src/cli/generate-pipeline-command';
import { UsageError } from '../../../src/cli/usage';
import { serializeTemplate } from '../../../src/compiler/emit/serialize-template';
import { REPO_ROOT } from '../../support/fixtures';
import { generate } from './pipeline-helpers';

function captureIo() {
  const [stdout, stderr] = [new PassThrough(), new PassThrough()];
  const read = (stream: PassThrough) => () => String(stream.read() ?? '');
  return { io: { stdout, stderr }, stdout: read(stdout), stderr: read(stderr) };
}

function project(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-generate-pipeline-'));
  for (const [name, text] of Object.entries({
    'package.json': '{"name": "@acme/hello_app", "version": "1.0.0"}',
    ...files,
  })) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function run(args: string[], cwd: string) {
  const { io, stdout, stderr } = captureIo();
  const status = await generatePipelineCommand(args, io, cwd);
  return { status, stdout: stdout(), stderr: stderr() };
}

describe('appc generate-pipeline command', function () {
  this.timeout(60000);
  const made: string[] = [];
  const dir = (files?: Record<string, string>) => {
    const created = project(files);
    made.push(created);
    return created;
  };
  after(() => made.forEach((created) => fs.rmSync(created, { recursive: true, force: true })));

  it('rejects bad usage before writing anything (main turns it into exit code 2)', async () => {
    const cwd = dir();
    const cases = [
      [],
      ['a.json', 'b.json'],
      ['p.json', '--source', 'svn'],
      ['p.json', '--stage', 'a b'],
      ['p.json', '--stage', 'x'.repeat(17)],
      ['p.json', '--stage', 'pipeline'],
      ['p.json', '--node-version', '16'],
      // CodeBuild still offers Node.js 18, but appc itself needs 20.19 or later.
      ['p.json', '--node-version', '18'],
      ['p.json', '--bogus'],
      ['p.json', '--buildspec-file', '../outside.yml'],
      ['p.json', '--buildspec-file', 'p.json'],
    ];
    for (const args of cases) {
      const error = await run(args, cwd).then(
        () => undefined,
        (e: unknown) => e as Error & { code?: string },
      );
      expect(error, args.join(' ')).to.satisfy(
        (e: (Error & { code?: string }) | undefined) =>
          e instanceof UsageError || e?.code?.startsWith('ERR_PARSE_ARGS'),
      );
    }
    expect(fs.readdirSync(cwd)).to.deep.equal(['package.json']);
  });

  it('runs from the built CLI: exit 2 on usage errors, 0 with --help, listed in appc --help', function () {
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'cli', 'generate-pipeline-command.js')))
      throw new Error('dist/ is missing or stale: run `npm run build` (make test does) first');
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'appc.js'), ...args], { cwd: dir(), encoding: 'utf8' });
    const bad = cli(['generate-pipeline', 'p.json', '--source', 'svn']);
    expect(bad.status).to.equal(2);
    expect(bad.stderr).to.match(
      /^appc: --source must be codecommit or github, not svn\n\nUsage: appc generate-pipeline OUT \[options\]\n/,
    );
    const help = cli(['generate-pipeline', '--help']);
    expect(help.status).to.equal(0);
    expect(help.stdout).to.contain('--buildspec-file FILE').and.contain('CAPABILITY_IAM');
    expect(cli(['--help']).stdout).to.contain(
      'appc generate-pipeline OUT [--source codecommit|github] [--stage beta] [--buildspec-file FILE]\n',
    );
    const ok = cli(['generate-pipeline', 'out/pipeline.yml']);
    expect(ok.status, ok.stderr).to.equal(0);
  });

  it('writes the JSON template for the project, named after package.json when the config has no app_name', async () => {
    const cwd = dir();
    const result = await run(['pipeline.json'], cwd);
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stderr).to.contain('Wrote pipeline.json');
    expect(result.stdout).to.equal('');
    const expected = generate({ appName: 'hello-app' }).template;
    expect(fs.readFileSync(path.join(cwd, 'pipeline.json'), 'utf8')).to.equal(serializeTemplate(expected));
  });

  it('writes YAML for .yml/.yaml, the same template, and passes the options through', async () => {
    const cwd = dir({ '.appc/config.json': '{"app_name": "cities", "stages": {"prod": {}}}' });
    const result = await run(
      ['ci/pipeline.yaml', '--source', 'github', '--stage', 'prod', '--node-version', '22'],
      cwd,
    );
    expect(result.status, result.stderr).to.equal(0);
    const text = fs.readFileSync(path.join(cwd, 'ci', 'pipeline.yaml'), 'utf8');
    expect(text).to.match(/^AWSTemplateFormatVersion: "2010-09-09"$/m);
    expect(parse(text)).to.deep.equal(
      generate({ appName: 'cities', source: 'github', stage: 'prod', nodeVersion: '22' }).template,
    );
  });

  it('with --buildspec-file, writes the buildspec there and names it in the template', async () => {
    const cwd = dir();
    const result = await run(['pipeline.json', '--buildspec-file', 'ci/buildspec.yml'], cwd);
    expect(result.status, result.stderr).to.equal(0);
    const template = JSON.parse(fs.readFileSync(path.join(cwd, 'pipeline.json'), 'utf8'));
    expect(template.Resources.AppPackageBuild.Properties.Source).to.deep.equal({
      Type: 'CODEPIPELINE',
      BuildSpec: 'ci/buildspec.yml',
    });
    const buildspec = parse(fs.readFileSync(path.join(cwd, 'ci', 'buildspec.yml'), 'utf8'));
    expect(buildspec.version).to.equal(0.2);
    expect(buildspec.phases.build.commands[0]).to.equal('npx appc package /tmp/packaged --stage beta');
    expect(fs.readdirSync(cwd).sort()).to.deep.equal(['ci', 'package.json', 'pipeline.json']);
  });

  it('exits 1 on a broken config, printing the diagnostics and leaving OUT as it was', async () => {
    const cwd = dir({ '.appc/config.json': '{"app_name": "x", "lambda_timout": 3}', 'pipeline.json': 'previous' });
    const result = await run(['pipeline.json', '--buildspec-file', 'buildspec.yml'], cwd);
    expect(result.status).to.equal(1);
    expect(result.stderr)
      .to.contain('APPC1')
      .and.contain('lambda_timout')
      .and.contain('Nothing was written to pipeline.json');
    expect(fs.readFileSync(path.join(cwd, 'pipeline.json'), 'utf8')).to.equal('previous');
    expect(fs.existsSync(path.join(cwd, 'buildspec.yml'))).to.equal(false);
  });
});
