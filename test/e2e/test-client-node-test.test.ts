/**
 * appc/test as users run it: a project made by `appc new-project`, appc linked into its
 * node_modules (as `npm link` or a `file:` dependency makes it), a TypeScript test file importing
 * `appc/test` and the app, run by Node's own test runner with tsx loading TypeScript
 * (`node --import tsx --test`, what docs/testing.md tells users). Type-checked with the
 * project's tsconfig too, so `appc/test` ships its types.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { REPO_ROOT } from '../support/fixtures';

const BIN = path.join(REPO_ROOT, 'bin', 'appc.js');

const APP = `import { App, AuthResponse, NotFoundError } from 'appc';

export const app = new App({ appName: 'shop' });

const tokens = app.authorizer({ name: 'tokens' }, (auth) =>
  new AuthResponse({ routes: auth.token === 'let-me-in' ? ['*'] : [], principalId: 'shopper' }),
);

app.route('/items/{id}', ({ id }) => {
  if (id === '0') throw new NotFoundError('no item 0');
  return { id, currency: process.env.CURRENCY };
});
app.route('/basket', { methods: ['POST'], authorizer: tokens }, (_params, request) => ({
  added: request.jsonBody,
  by: request.context.authorizer?.principalId,
}));
app.onSqsMessage({ queue: 'orders', name: 'orders' }, (event) => [...event].map((record) => record.body.toUpperCase()));
`;

const TEST = `import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { TestClient } from 'appc/test';
import { app } from '../app';

const client = new TestClient(app, { stage: 'dev' });
after(() => client.close());

test('GET /items/{id} answers JSON with the stage variables', async () => {
  const response = await client.http.get('/items/7');
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { id: '7', currency: 'EUR' });
});

test('errors keep their status', async () => {
  assert.equal((await client.http.get('/items/0')).statusCode, 404);
});

test('the built-in authorizer guards POST /basket', async () => {
  assert.equal((await client.http.post('/basket', { body: { sku: 'a' } })).statusCode, 401);
  const allowed = await client.http.post('/basket', { body: { sku: 'a' }, headers: { Authorization: 'let-me-in' } });
  assert.deepEqual(allowed.json(), { added: { sku: 'a' }, by: 'shopper' });
});

test('the SQS handler gets the records of an SQS event', async () => {
  const { payload } = await client.lambda.invoke('orders', client.events.sqs(['first', 'second']));
  assert.deepEqual(payload, ['FIRST', 'SECOND']);
});
`;

/** A test that must fail: the runner's exit status is what CI reads. */
const FAILING_TEST = `import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TestClient } from 'appc/test';
import { app } from '../app';

test('a wrong expectation fails the run', async () => {
  const client = new TestClient(app);
  try {
    assert.equal((await client.http.get('/items/7')).statusCode, 500);
  } finally {
    client.close();
  }
});
`;

/** The mocha example of docs/testing.md. */
const MOCHA_TEST = `import * as assert from 'node:assert/strict';
import { TestClient } from 'appc/test';
import { app } from '../app';

describe('the API', () => {
  let client: TestClient;
  beforeEach(() => (client = new TestClient(app, { stage: 'dev' })));
  afterEach(() => client.close());

  it('answers 404 for an unknown item', async () => {
    assert.equal((await client.http.get('/items/0')).statusCode, 404);
  });

  it('sets the stage variables while open', async () => {
    assert.equal(process.env.CURRENCY, 'EUR');
  });
});
`;

function run(command: string, args: string[], cwd: string) {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
}

describe('appc/test under node --test in a new project', function () {
  this.timeout(120000);
  let workspace: string;
  let project: string;

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-test-client-'));
    const created = run(process.execPath, [BIN, 'new-project', 'shop'], workspace);
    expect(created.status, created.stderr).to.equal(0);
    project = path.join(workspace, 'shop');
    fs.mkdirSync(path.join(project, 'node_modules'));
    fs.symlinkSync(REPO_ROOT, path.join(project, 'node_modules', 'appc'), 'dir');
    // What `npm install --save-dev tsx @types/node` gives the project.
    for (const pkg of ['tsx', '@types']) {
      fs.symlinkSync(path.join(REPO_ROOT, 'node_modules', pkg), path.join(project, 'node_modules', pkg), 'dir');
    }
    fs.writeFileSync(path.join(project, 'app.ts'), APP);
    fs.mkdirSync(path.join(project, 'test'), { recursive: true }); // new-project writes test/ too
    fs.writeFileSync(path.join(project, 'test', 'app.test.ts'), TEST);
    const configFile = path.join(project, '.appc', 'config.json');
    const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
    config.stages.dev = { ...config.stages.dev, environment_variables: { CURRENCY: 'EUR' } };
    fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
  });
  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('runs the tests, which pass', () => {
    const result = run(process.execPath, ['--import', 'tsx', '--test', 'test/app.test.ts'], project);
    expect(result.status, result.stdout + result.stderr).to.equal(0);
    expect(result.stdout).to.match(/^# pass 4$/m);
    expect(result.stdout).to.match(/^# fail 0$/m);
  });

  it('fails the run when an expectation does not hold', () => {
    fs.writeFileSync(path.join(project, 'test', 'failing.test.ts'), FAILING_TEST);
    try {
      const result = run(process.execPath, ['--import', 'tsx', '--test', 'test/failing.test.ts'], project);
      expect(result.status).to.equal(1);
      expect(result.stdout).to.match(/^# fail 1$/m);
      expect(result.stdout).to.contain('200 !== 500');
    } finally {
      fs.rmSync(path.join(project, 'test', 'failing.test.ts'));
    }
  });

  it('runs under mocha with tsx/cjs as docs/testing.md sets it up', () => {
    fs.mkdirSync(path.join(project, 'spec'));
    fs.writeFileSync(path.join(project, 'spec', 'api.test.ts'), MOCHA_TEST);
    const mocharc = { require: ['tsx/cjs'], extension: ['ts'], spec: ['spec/**/*.test.ts'] };
    fs.writeFileSync(path.join(project, '.mocharc.json'), JSON.stringify(mocharc));
    const mocha = path.join(REPO_ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
    const result = run(process.execPath, [mocha, '--reporter', 'dot'], project);
    expect(result.status, result.stdout + result.stderr).to.equal(0);
    expect(result.stdout).to.contain('2 passing');
  });

  it('type-checks: appc/test ships its declarations', () => {
    const tsconfig = { extends: './tsconfig.json', compilerOptions: { types: ['node'] }, include: ['app.ts', 'test'] };
    fs.writeFileSync(path.join(project, 'tsconfig.test.json'), JSON.stringify(tsconfig));
    const tsc = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = run(process.execPath, [tsc, '-p', 'tsconfig.test.json'], project);
    expect(result.status, result.stdout + result.stderr).to.equal(0);
  });

  it('loads no compiler: appc/test pulls neither TypeScript, the analyzer nor esbuild', () => {
    const script = `require('appc/test'); console.log(JSON.stringify(Object.keys(require.cache)));`;
    const result = run(process.execPath, ['-e', script], project);
    expect(result.status, result.stderr).to.equal(0);
    const loaded = JSON.parse(result.stdout) as string[];
    expect(loaded.some((f) => f.includes(`${path.sep}test-client${path.sep}`))).to.equal(true);
    expect(loaded.filter((f) => /typescript|ts-morph|esbuild|[\\/]compiler[\\/]analyze[\\/]/.test(f))).to.deep.equal(
      [],
    );
  });
});
