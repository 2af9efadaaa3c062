import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { parse } from 'yaml';
import { ERROR_FIXTURES_DIR, FIXTURES_DIR, REPO_ROOT } from '../support/fixtures';
import { runMain } from '../support/run-main';

const BIN = path.join(REPO_ROOT, 'bin', 'appc.js');

/** Runs the built CLI (`npm run build` first; `make test` does) in a fresh process. */
function appc(args: string[], cwd = REPO_ROOT): { status: number | null; stdout: string; stderr: string } {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'cli', 'main.js')))
    throw new Error('dist/ is missing: run `npm run build` (make test does) before the CLI tests');
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, asynchronously, so that runs overlap; `preload` is a module for `node --require`. */
function appcAsync(
  args: string[],
  env: Record<string, string> = {},
  preload?: string,
): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, [...(preload ? ['--require', preload] : []), BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stderr })));
}

/** Every file under `dir` (relative path -> sha256), or null when `dir` does not exist. */
function snapshot(dir: string): Record<string, string> | null {
  if (!fs.existsSync(dir)) return null;
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, full)] = entry.isFile()
      ? createHash('sha256').update(fs.readFileSync(full)).digest('hex')
      : entry.isDirectory()
        ? 'dir'
        : 'other';
  }
  return files;
}

function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `appc-cli-${prefix}-`));
}

describe('appc command line', function () {
  this.timeout(60000);

  it('--version prints the package version; --help lists the commands', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(appc(['--version'])).to.include({ status: 0, stdout: `${version}\n` });
    const help = appc(['--help']);
    expect(help.status).to.equal(0);
    expect(help.stdout).to.contain('appc package OUT').and.contain('Exit codes');
    const packageHelp = appc(['package', '--help']);
    expect(packageHelp.status).to.equal(0);
    expect(packageHelp.stdout).to.contain('--merge-template FILE').and.contain('all or nothing');
  });

  it("exits 2 on bad usage, with the reason and the command's usage (appc's for an unknown command)", () => {
    for (const args of [
      ['package'],
      ['package', 'a', 'b'],
      ['package', 'out', '--template-format', 'xml'],
      ['package', 'out', '--bogus'],
    ]) {
      const result = appc(args);
      expect(result.status, args.join(' ')).to.equal(2);
      expect(result.stderr, args.join(' ')).to.match(/^appc: .+\n\nUsage: appc package OUT \[options\]\n/);
    }
    const unknown = appc(['frobnicate']);
    expect(unknown.status).to.equal(2);
    expect(unknown.stderr).to.match(/^appc: unknown command 'frobnicate'\n\nappc: AWS Chalice for TypeScript/);
  });

  it('suggests the command or option meant, in one balanced line', async () => {
    const results = await Promise.all(
      [
        ['pakage', 'out'],
        ['package', 'out', '--stgae', 'prod'],
        ['package', 'out', '--stage'],
        ['package', 'out', '--typecheck=yes'],
        ['local', '--concurency', '2'],
        ['--verison'],
      ].map((args) => runMain(args)),
    );
    expect(results.map((r) => r.status)).to.deep.equal([2, 2, 2, 2, 2, 2]);
    expect(results.map((r) => r.stderr.split('\n')[0])).to.deep.equal([
      "appc: unknown command 'pakage'; did you mean 'appc package'?",
      'appc: unknown option --stgae; did you mean --stage?',
      'appc: --stage needs a value',
      'appc: --typecheck is a flag and takes no value (got --typecheck=yes)',
      'appc: unknown option --concurency; did you mean --concurrency?',
      'appc: unknown option --verison; did you mean --version?',
    ]);
    expect(results[2].stderr).to.contain('Usage: appc package OUT [options]');
    expect(results[4].stderr).to.contain('Usage: appc local [options]').and.contain('--concurrency N');
  });

  it('bare appc prints the help on stderr and exits 2; the help is aligned and lists --concurrency', async () => {
    const bare = await runMain([]);
    expect(bare).to.include({ status: 2, stdout: '' });
    expect(bare.stderr).to.match(/^appc: AWS Chalice for TypeScript/);
    const help = await runMain(['--help']);
    expect(help.stdout).to.equal(bare.stderr);
    const commands = help.stdout.split('Commands:\n')[1].split('\n\n')[0].split('\n');
    expect(commands.map((line) => line.trim().split(/\s+/)[0])).to.deep.equal([
      'new-project',
      'package',
      'local',
      'invoke',
      'gen-policy',
      'generate-pipeline',
      'generate-sdk',
    ]);
    const column = (line: string) =>
      line.search(/\S/) + line.trim().split(/\s+/)[0].length + /^\s*\S+(\s+)/.exec(line)![1].length;
    expect(new Set(commands.map(column)).size, commands.join('\n')).to.equal(1);
    expect(help.stdout).to.contain('[--autoreload] [--concurrency 10]');
  });

  it('--stage not in the config warns, names the stages and the nearest, and packages with top-level settings', () => {
    const project = tempDir('stage-typo');
    fs.cpSync(path.join(FIXTURES_DIR, 'hello'), project, { recursive: true });
    fs.mkdirSync(path.join(project, '.appc'), { recursive: true });
    fs.writeFileSync(
      path.join(project, '.appc', 'config.json'),
      JSON.stringify({ stages: { dev: {}, prod: { lambda_memory_size: 1024 } } }, null, 2),
    );
    const result = appc(
      ['package', path.join(project, '..', `${path.basename(project)}-out`), '--stage', 'prdo'],
      project,
    );
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stderr).to.contain(
      ".appc/config.json:2:3 - warning APPC119: stage 'prdo' is not in stages ('dev', 'prod'); it gets the top-level settings only",
    );
    expect(result.stderr).to.contain("  Did you mean --stage prod? Otherwise add 'prdo' to stages.");
  });

  it('packages an app, printing one line per step with its duration', () => {
    const out = path.join(tempDir('ok'), 'out');
    const result = appc(['package', out, '--project-dir', path.join(FIXTURES_DIR, 'hello')]);
    expect(result.status, result.stderr).to.equal(0);
    // Progress goes to stderr, so that stdout stays clean for pipes.
    expect(result.stdout).to.equal('');
    // A step over a second prints seconds (a loaded CI machine analyses hello in more than 1000 ms).
    expect(result.stderr)
      .to.match(/^Analyzing the app\.+ (\d+ ms|\d+\.\d\d s)$/m)
      .and.match(/^Building deployment\.zip\.+ (\d+ ms|\d+\.\d\d s)$/m);
    const total = /^Wrote sam\.json, swagger\.json, deployment\.zip to .+ in (\d+ ms|\d+\.\d\d s)$/m.exec(
      result.stderr,
    );
    expect(total, result.stderr).to.not.equal(null);
    // The total counts from the process's start, so it is at least the sum of the steps.
    const ms = (text: string) => (text.endsWith(' s') ? parseFloat(text) * 1000 : parseInt(text, 10));
    const steps = [...result.stderr.matchAll(/^\w.*?\.{2,} (\d+ ms|\d+\.\d\d s)$/gm)].map((m) => ms(m[1]));
    expect(ms(total![1])).to.be.at.least(steps.reduce((a, b) => a + b, 0));
    expect(fs.readdirSync(out).sort()).to.deep.equal(['deployment.zip', 'sam.json', 'swagger.json']);
    const quiet = appc(['package', out, '--project-dir', path.join(FIXTURES_DIR, 'hello'), '--quiet']);
    expect(quiet).to.include({ status: 0, stdout: '', stderr: '' });
  });

  it('exits 1 on project errors, prints diagnostics without a stack trace, and leaves OUT as it was', () => {
    const out = path.join(tempDir('bad'), 'out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'sam.json'), 'previous run');
    const result = appc(['package', out, '--project-dir', path.join(ERROR_FIXTURES_DIR, 'validate-many-problems')]);
    expect(result.status).to.equal(1);
    expect(result.stderr)
      .to.contain(
        [
          "app.ts:4:11 - error APPC303: route path '/trailing/' ends with a trailing slash",
          "  4 | app.route('/trailing/', () => ({}));",
          '    |           ^^^^^^^^^^^^',
        ].join('\n'),
      )
      .and.contain('Found 3 errors.')
      .and.contain('Nothing was written');
    expect(result.stderr).to.not.match(/\n\s+at /);
    expect(result.stderr).to.not.contain('\x1b[');
    expect(fs.readdirSync(out)).to.deep.equal(['sam.json']);
    expect(fs.readFileSync(path.join(out, 'sam.json'), 'utf8')).to.equal('previous run');
    const missing = path.join(tempDir('bad'), 'never');
    expect(
      appc(['package', missing, '--project-dir', path.join(ERROR_FIXTURES_DIR, 'analyze-syntax-error')]).status,
    ).to.equal(1);
    expect(fs.existsSync(missing)).to.equal(false);
  });

  it('is deterministic: the same project packaged twice, from two places, gives identical bytes', () => {
    const [a, b] = [tempDir('copy-a'), tempDir('copy-b-with-a-longer-name')];
    for (const dir of [a, b])
      fs.cpSync(path.join(FIXTURES_DIR, 'blueprints'), path.join(dir, 'project'), { recursive: true });
    const outputs = [path.join(a, 'project'), path.join(b, 'project'), path.join(b, 'project')].map((project, i) => {
      const out = path.join(path.dirname(project), `out${i}`);
      expect(appc(['package', out, '--project-dir', project], path.dirname(project)).status).to.equal(0);
      return out;
    });
    for (const file of ['sam.json', 'swagger.json', 'deployment.zip']) {
      const [first, ...rest] = outputs.map((out) => fs.readFileSync(path.join(out, file)));
      for (const other of rest) expect(Buffer.compare(first, other), file).to.equal(0);
    }
    const zip = fs.readFileSync(path.join(outputs[0], 'deployment.zip'));
    expect(zip.includes(Buffer.from(a)), 'no absolute paths in the zip').to.equal(false);
  });

  it('--template-format yaml writes sam.yaml with the same template', () => {
    const dir = tempDir('yaml');
    const project = path.join(FIXTURES_DIR, 'schedules');
    expect(appc(['package', path.join(dir, 'json'), '--project-dir', project]).status).to.equal(0);
    expect(
      appc(['package', path.join(dir, 'yaml'), '--project-dir', project, '--template-format', 'yaml']).status,
    ).to.equal(0);
    expect(fs.readdirSync(path.join(dir, 'yaml')).sort()).to.deep.equal(['deployment.zip', 'sam.yaml']);
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'json', 'sam.json'), 'utf8'));
    expect(parse(fs.readFileSync(path.join(dir, 'yaml', 'sam.yaml'), 'utf8'))).to.deep.equal(json);
  });

  it('--merge-template deep-merges a YAML template with short-form intrinsics over the generated one', () => {
    const dir = tempDir('merge');
    const merge = path.join(dir, 'extra.yml');
    fs.writeFileSync(
      merge,
      [
        'Resources:',
        '  APIHandler:',
        '    Properties:',
        '      MemorySize: 512',
        '      Tags: { owner: platform }',
        '  Table:',
        '    Type: AWS::DynamoDB::Table',
        '    Properties:',
        '      TableName: !Sub "${AWS::StackName}-table"',
        '      BillingMode: PAY_PER_REQUEST',
        '      KeySchema: [{ AttributeName: id, KeyType: HASH }]',
        '      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]',
        'Outputs:',
        '  TableArn:',
        '    Value: !GetAtt Table.Arn',
        '  TableName:',
        '    Value: !Ref Table',
        '',
      ].join('\n'),
    );
    const result = appc([
      'package',
      path.join(dir, 'out'),
      '--project-dir',
      path.join(FIXTURES_DIR, 'hello'),
      '--merge-template',
      merge,
    ]);
    expect(result.status, result.stderr).to.equal(0);
    const template = parse(fs.readFileSync(path.join(dir, 'out', 'sam.yaml'), 'utf8'));
    const handler = template.Resources.APIHandler.Properties;
    expect(handler.MemorySize).to.equal(512);
    expect(handler.Runtime).to.match(/^nodejs\d+\.x$/);
    expect(handler.Tags, 'objects merge key by key').to.deep.equal({ appc: handler.Tags.appc, owner: 'platform' });
    expect(template.Resources.Table.Properties.TableName).to.deep.equal({ 'Fn::Sub': '${AWS::StackName}-table' });
    expect(template.Outputs.TableArn.Value).to.deep.equal({ 'Fn::GetAtt': ['Table', 'Arn'] });
    expect(template.Outputs.TableName.Value).to.deep.equal({ Ref: 'Table' });
    expect(template.Outputs.EndpointURL, 'generated outputs stay').to.not.equal(undefined);
  });

  it("checks the config's Lambda runtime against today's date: a blocked runtime fails the package, nothing written", () => {
    const out = path.join(tempDir('runtime-blocked'), 'out');
    const result = appc([
      'package',
      out,
      '--project-dir',
      path.join(FIXTURES_DIR, '_error_', 'package-runtime-blocked'),
    ]);
    expect(result.status).to.equal(1);
    expect(result.stderr).to.contain(
      '.appc/config.json:3:21 - error APPC413: lambda_runtime nodejs20.x can no longer be deployed',
    );
    expect(fs.existsSync(out)).to.equal(false);
  });

  it('reports a missing or broken merge template as a diagnostic', () => {
    const dir = tempDir('merge-bad');
    fs.writeFileSync(path.join(dir, 'bad.json'), '{ "Resources": ');
    const missing = appc([
      'package',
      path.join(dir, 'out'),
      '--project-dir',
      path.join(FIXTURES_DIR, 'hello'),
      '--merge-template',
      path.join(dir, 'nope.json'),
    ]);
    expect(missing.status).to.equal(1);
    expect(missing.stderr).to.contain('error APPC411: merge template').and.contain('not found');
    const broken = appc([
      'package',
      path.join(dir, 'out'),
      '--project-dir',
      path.join(FIXTURES_DIR, 'hello'),
      '--merge-template',
      path.join(dir, 'bad.json'),
    ]);
    expect(broken.status).to.equal(1);
    expect(broken.stderr).to.contain('error APPC412: merge template bad.json cannot be parsed');
    expect(fs.existsSync(path.join(dir, 'out'))).to.equal(false);
  });

  it('exits 2 with one line naming the path and the fix for an unusable OUT, --stage or --merge-template, and writes nothing', async () => {
    const dir = tempDir('usage');
    const project = path.join(dir, 'project');
    fs.cpSync(path.join(FIXTURES_DIR, 'hello'), project, { recursive: true });
    fs.writeFileSync(path.join(dir, 'a-file'), 'mine');
    fs.mkdirSync(path.join(dir, 'kept'));
    fs.writeFileSync(path.join(dir, 'kept', 'notes.txt'), 'mine');
    const before = snapshot(dir);
    const cases: Array<[string[], string, RegExp]> = [
      [['package', path.join(dir, 'a-file')], 'APPC441', /OUT .*a-file is a file/],
      [['package', path.join(dir, 'a-file', 'out')], 'APPC441', /is below .*a-file, which is a file/],
      [['package', ''], 'APPC440', /OUT is empty/],
      [['package', project], 'APPC442', /is the project directory/],
      [['package', dir], 'APPC442', /contains the project directory/],
      [['package', path.join(dir, 'kept')], 'APPC443', /holds notes\.txt, which appc did not write/],
      [['package', path.join(dir, 'out'), '--stage', ''], 'APPC446', /--stage '' is not a stage name/],
      [
        ['package', path.join(dir, 'out'), '--stage', '../../evil'],
        'APPC446',
        /--stage '\.\.\/\.\.\/evil' is not a stage name/,
      ],
      [['package', path.join(dir, 'out'), '--stage', 'x'.repeat(129)], 'APPC446', /not a stage name/],
      [['gen-policy', '--stage', 'a/b'], 'APPC446', /--stage 'a\/b'/],
      [['package', path.join(dir, 'out'), '--merge-template', ''], 'APPC451', /--merge-template is empty/],
    ];
    for (const [args, code, message] of cases) {
      const withProject = args.includes('--project-dir') ? args : [...args, '--project-dir', project];
      const result = await runMain(withProject);
      expect(result.status, `${args.join(' ')}: ${result.stderr}`).to.equal(2);
      expect(result.stderr, args.join(' '))
        .to.match(new RegExp(`^appc: error ${code}: `))
        .and.match(message);
      expect(result.stderr.trimEnd().split('\n'), 'one line').to.have.length(1);
    }
    expect(snapshot(dir), 'nothing written').to.deep.equal(before);
    expect(
      (await runMain(['package', path.join(dir, 'out'), '--project-dir', project, '--stage', 'prod_2-b'])).status,
      'a valid stage name',
    ).to.equal(0);
  });

  it('leaves OUT untouched when OUT/deployment.zip is a directory', () => {
    const out = path.join(tempDir('zipdir'), 'out');
    fs.mkdirSync(path.join(out, 'deployment.zip'), { recursive: true });
    fs.writeFileSync(path.join(out, 'sam.json'), 'previous run');
    const before = snapshot(out);
    const result = appc(['package', out, '--project-dir', path.join(FIXTURES_DIR, 'hello')]);
    expect(result.status).to.equal(2);
    expect(result.stderr).to.match(/^appc: error APPC443: OUT .* holds deployment\.zip\//);
    expect(snapshot(out)).to.deep.equal(before);
  });

  it('replaces OUT whole: outputs a rerun no longer produces are gone, the old OUT is not left beside it', () => {
    const dir = tempDir('replace');
    const out = path.join(dir, 'out');
    expect(appc(['package', out, '--project-dir', path.join(FIXTURES_DIR, 'hello')]).status).to.equal(0);
    expect(
      appc(['package', out, '--project-dir', path.join(FIXTURES_DIR, 'schedules'), '--template-format', 'yaml']).status,
    ).to.equal(0);
    expect(fs.readdirSync(out).sort()).to.deep.equal(['deployment.zip', 'sam.yaml']);
    expect(fs.readdirSync(dir), 'no staging, backup or lock left').to.deep.equal(['out']);
  });

  it("two runs of two projects into one OUT on a slow file system: OUT is always one run's complete output", async function () {
    this.timeout(300000); // 8 to 10 node start-ups with slowed renames; minutes on a loaded machine
    const dir = tempDir('race');
    const projects = ['hello', 'blueprints'].map((name) => path.join(FIXTURES_DIR, name));
    const expected = projects.map((project, i) => {
      const out = path.join(dir, `expected-${i}`);
      expect(appc(['package', out, '--project-dir', project]).status).to.equal(0);
      return snapshot(out);
    });
    const preload = path.join(REPO_ROOT, 'test', 'support', 'slow-rename.js');
    const out = path.join(dir, 'shared-out');
    const seen = new Set<number>();
    for (let trial = 0; trial < 3; trial++) {
      const results = await Promise.all(
        projects.map((project) =>
          appcAsync(['package', out, '--project-dir', project], { APPC_TEST_RENAME_DELAY_MS: '150' }, preload),
        ),
      );
      for (const result of results) {
        expect(result.status === 0 || /APPC445: another appc run/.test(result.stderr), result.stderr).to.equal(true);
        expect(result.stderr).to.not.match(/internal error|\n\s+at /);
      }
      const index = expected.findIndex((e) => JSON.stringify(e) === JSON.stringify(snapshot(out)));
      expect(index, `trial ${trial}: OUT is exactly one project's output`).to.not.equal(-1);
      seen.add(index);
      expect(
        fs.readdirSync(dir).filter((name) => name.startsWith('.')),
        'no staging, backup or lock left',
      ).to.deep.equal([]);
    }
  });
});
