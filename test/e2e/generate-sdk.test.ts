/**
 * `appc generate-sdk` end to end: the built CLI writes OUT and the OpenAPI file (all or nothing), and the
 * generated client, imported as the ES module it is, talks to `appc local` over real HTTP.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import { generateProjectSdk } from '../../src/compiler/compile';
import { FIXTURES_DIR, REPO_ROOT } from '../support/fixtures';
import { startServer, type RunningServer } from '../local/support/local-http';

const BIN = path.join(REPO_ROOT, 'bin', 'appc.js');

function appc(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'appc-sdk-'));

/** What the tests call on the generated module (its own types are checked by tsc in test/compiler/sdk). */
interface ApiErrorLike extends Error {
  status: number;
  code: string;
  body: unknown;
}
type Method = (request?: Record<string, unknown>) => Promise<unknown>;
interface ClientModule {
  createClient(options: { baseUrl: string; headers?: unknown }): Record<string, Method>;
  ApiError: new (...args: never[]) => ApiErrorLike;
}

/** The fixture's client, generated in memory and written as an ES module package, imported. */
async function importClient(fixture: string): Promise<ClientModule> {
  const result = generateProjectSdk({ projectDir: path.join(FIXTURES_DIR, fixture), stage: 'dev' });
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'package.json'), '{"type": "module"}\n');
  for (const file of result.files ?? []) fs.writeFileSync(path.join(dir, file.name), file.data);
  return (await import(pathToFileURL(path.join(dir, 'index.js')).href)) as ClientModule;
}

/** The ApiError `call` rejects with. */
async function apiError(sdk: ClientModule, call: Promise<unknown>): Promise<ApiErrorLike> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).to.be.instanceOf(sdk.ApiError);
  return error as ApiErrorLike;
}

function serving(name: string): () => RunningServer {
  let server: RunningServer | undefined;
  before(async function () {
    this.timeout(30000);
    server = await startServer(path.join(FIXTURES_DIR, name));
  });
  after(async () => server?.close());
  return () => server as RunningServer;
}

describe('appc generate-sdk: command line', function () {
  this.timeout(60000);

  it('writes index.js and index.d.ts to OUT and the OpenAPI document to FILE', () => {
    const dir = tempDir();
    const out = path.join(dir, 'sdk');
    const openapi = path.join(dir, 'docs', 'openapi.json');
    const project = path.join(FIXTURES_DIR, 'routes');
    const result = appc(['generate-sdk', out, '--project-dir', project, '--openapi', openapi]);
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout).to.equal(`Wrote ${out}/index.js, ${out}/index.d.ts, ${openapi} (stage dev)\n`);
    expect(fs.readdirSync(out).sort()).to.deep.equal(['index.d.ts', 'index.js']);
    const golden = (file: string) => fs.readFileSync(path.join(project, 'expected', 'sdk', file), 'utf8');
    expect(fs.readFileSync(path.join(out, 'index.d.ts'), 'utf8')).to.equal(golden('index.d.ts'));
    expect(fs.readFileSync(openapi, 'utf8')).to.equal(golden('openapi.json'));
    expect(fs.readdirSync(path.dirname(openapi))).to.deep.equal(['openapi.json']);
    // A rerun replaces a previous output.
    expect(appc(['generate-sdk', out, '--project-dir', project]).status).to.equal(0);
  });

  it('writes nothing when the project has errors, and prints the diagnostics', () => {
    const dir = tempDir();
    const out = path.join(dir, 'sdk');
    const openapi = path.join(dir, 'openapi.json');
    const broken = fs.readdirSync(path.join(FIXTURES_DIR, '_error_'))[0];
    const result = appc([
      'generate-sdk',
      out,
      '--project-dir',
      path.join(FIXTURES_DIR, '_error_', broken),
      '--openapi',
      openapi,
    ]);
    expect(result.status).to.equal(1);
    expect(result.stderr)
      .to.match(/error APPC\d{3}/)
      .and.contain(`Nothing was written to ${out}.`);
    expect(fs.readdirSync(dir)).to.deep.equal([]);
  });

  it('exits 2 for an OUT holding other files or an --openapi FILE inside OUT, writing nothing', () => {
    const dir = tempDir();
    const project = path.join(FIXTURES_DIR, 'routes');
    fs.mkdirSync(path.join(dir, 'taken'));
    fs.writeFileSync(path.join(dir, 'taken', 'notes.txt'), 'mine');
    const taken = appc(['generate-sdk', path.join(dir, 'taken'), '--project-dir', project]);
    expect(taken.status).to.equal(2);
    expect(taken.stderr).to.match(/^appc: error APPC443: OUT .+ holds notes\.txt, which appc did not write/);
    const inside = appc([
      'generate-sdk',
      path.join(dir, 'out'),
      '--project-dir',
      project,
      '--openapi',
      path.join(dir, 'out', 'o.json'),
    ]);
    expect(inside.status).to.equal(2);
    expect(inside.stderr).to.match(/^appc: error APPC451: --openapi .+ is inside OUT/);
    expect(fs.readdirSync(dir)).to.deep.equal(['taken']);
  });
});

describe('appc generate-sdk: the client against appc local (fixtures/routes)', function () {
  this.timeout(60000);
  const server = serving('routes');
  let sdk: ClientModule;
  let client: Record<string, Method>;
  before(async () => {
    sdk = await importClient('routes');
    client = sdk.createClient({ baseUrl: `${server().url}/` });
  });

  it('calls routes with path parameters and returns the parsed body', async () => {
    expect(await client.getRoot()).to.deep.equal({ hello: 'world' });
    expect(await client.getCitiesCity({ params: { city: 'seattle' } })).to.deep.equal({ state: 'WA' });
    expect(await client.deleteUserPost({ params: { userId: 7, postId: 42 } })).to.deep.equal({
      userId: '7',
      postId: '42',
      method: 'DELETE',
    });
  });

  it('encodes parameters, keeping the slashes of a greedy one', async () => {
    expect(await client.postFilesProxy({ params: { proxy: 'a b/c.txt' } })).to.deep.equal({ proxy: 'a b/c.txt' });
    const put = client.putObject({ params: { key: 'x/y' }, body: { n: 1 }, headers: { 'x-api-key': 'k' } });
    expect(await put).to.deep.equal({ key: 'x/y', body: { n: 1 } });
  });

  it('sends a string body as is under a non-JSON content type', async () => {
    const reply = await client.putObject({
      params: { key: 'k' },
      body: 'plain',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(reply).to.deep.equal({ key: 'k', body: 'plain' });
  });

  it("throws ApiError with appc's Code and Message for an error answer", async () => {
    const missing = await apiError(sdk, client.getCitiesCity({ params: { city: 'atlantis' } }));
    expect(missing).to.include({ status: 404, code: 'NotFoundError', message: 'unknown city atlantis' });
    const malformed = await apiError(
      sdk,
      client.putObject({
        params: { key: 'k' },
        body: new TextEncoder().encode('{"n":'),
        headers: { 'content-type': 'application/json' },
      }),
    );
    expect(malformed).to.include({ status: 400, code: 'BadRequestError' });
  });

  it('refuses to send a request without its path parameters', async () => {
    const error = await client.getCitiesCity({ params: {} }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error)
      .to.be.instanceOf(TypeError)
      .and.have.property('message', 'missing path parameter city for /cities/{city}');
  });
});

describe('appc generate-sdk: the client against appc local (fixtures/authorizers)', function () {
  this.timeout(60000);
  const server = serving('authorizers');
  let sdk: ClientModule;
  before(async () => {
    sdk = await importClient('authorizers');
  });

  it('sends the shared headers (a function is called per request) and returns the authorizer context', async () => {
    let calls = 0;
    const client = sdk.createClient({
      baseUrl: server().url,
      headers: () => {
        calls++;
        return { 'X-Token': 'allow-bob' };
      },
    });
    const reply = (await client.getPrivate()) as { context: Record<string, unknown> };
    expect(reply.context).to.include({ user: 'bob', principalId: 'bob' });
    expect(await client.getScoped()).to.deep.equal({ scoped: true });
    expect(calls).to.equal(2);
  });

  it("throws ApiError 403 with API Gateway's error type when the authorizer denies, 401 without a token", async () => {
    const client = sdk.createClient({ baseUrl: server().url, headers: { 'x-token': 'nope' } });
    const denied = await apiError(sdk, client.getPrivate());
    expect(denied).to.include({
      status: 403,
      code: 'AccessDeniedException',
      message: 'User is not authorized to access this resource with an explicit deny',
    });
    const anonymous = await apiError(sdk, sdk.createClient({ baseUrl: server().url }).getPrivate());
    expect(anonymous).to.include({ status: 401, code: 'UnauthorizedException', message: 'Unauthorized' });
  });
});
