/**
 * `appc generate-sdk` on fixtures/models, the app that declares its types (README "Models"): the typed client
 * type-checks for correct calls and rejects wrong ones, and talks to `appc local` with typed results.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import { generateProjectSdk } from '../../src/compiler/compile';
import { FIXTURES_DIR } from '../support/fixtures';
import { startServer, type RunningServer } from '../local/support/local-http';
import { typecheckClient } from '../compiler/client/typecheck-client';

const PROJECT = path.join(FIXTURES_DIR, 'models');

/** Calls of every method of the models client, as a user would write them, with the results' types checked. */
const CONSUMER = `import { ApiError, createClient, type Folder, type PageTodo, type Todo } from './sdk/index.js';

const api = createClient({ baseUrl: 'http://127.0.0.1:8000/' });

export async function calls(): Promise<void> {
  const todo: Todo = await api.createTodo({ body: { title: 'write', priority: 'low', tags: ['a'] } });
  const page: PageTodo = await api.getTodos({ query: { owner: 'me', limit: 10, done: false, status: 'open' } });
  const first: Todo | undefined = page.items[0];
  const next: string | undefined = page.next;
  const updated: Todo = await api.putTodosId({ params: { id: todo.id }, body: { done: true, note: null } });
  await api.putTodosId({ params: { id: 1 } });
  const folder: Folder = { name: 'root', children: [{ name: 'leaf', children: [] }] };
  const saved: number | undefined = (await api.saveFolder({ body: folder }))['saved'];
  const coords = await api.postCoords({ body: [47.6, -122.3] });
  const lat: number = coords.point.lat;
  const priority: 1 | 2 = coords.priority;
  const root: unknown = await api.getRoot();
  const where: number | undefined = todo.where?.lng;
  try {
    await api.getTodos({ query: { owner: 'me' } });
  } catch (e) {
    if (e instanceof ApiError && e.code === 'BadRequestError') console.log(e.status, e.message);
  }
  console.log(first, next, updated, saved, lat, priority, root, where);
}

export async function wrongCalls(): Promise<void> {
  // @ts-expect-error a body field of the wrong type
  await api.createTodo({ body: { title: 7, priority: 'low' } });
  // @ts-expect-error a required body field missing
  await api.createTodo({ body: { priority: 'low' } });
  // @ts-expect-error an unknown method
  await api.deleteTodo({ params: { id: 'x' } });
  // @ts-expect-error a required query parameter missing
  await api.getTodos({ query: { limit: 1 } });
  // @ts-expect-error a query parameter outside its enum
  await api.getTodos({ query: { owner: 'me', status: 'archived' } });
  // @ts-expect-error a tuple of the wrong length
  await api.postCoords({ body: [1, 2, 3] });
  // @ts-expect-error a recursive type checked all the way down
  await api.saveFolder({ body: { name: 'root', children: [{ name: 'leaf' }] } });
  // @ts-expect-error a nullable field is not optional
  await api.putTodosId({ params: { id: 'x' }, body: { done: true } });
  // @ts-expect-error the response is a Todo
  const wrong: string = await api.createTodo({ body: { title: 'a', priority: 'high' } });
  console.log(wrong);
}
`;

type Method = (request?: Record<string, unknown>) => Promise<unknown>;
interface ApiErrorLike extends Error {
  status: number;
  code: string;
}
interface ClientModule {
  createClient(options: { baseUrl: string }): Record<string, Method>;
  ApiError: new (...args: never[]) => ApiErrorLike;
}

describe('appc generate-sdk on fixtures/models', function () {
  this.timeout(60000);
  const result = () => generateProjectSdk({ projectDir: PROJECT, stage: 'dev' });
  const file = (name: string) => result().files?.find((f) => f.name === name)?.data as string;

  it('gives declarations that accept every correct call under strict and reject the wrong ones', () => {
    expect(typecheckClient(file('index.d.ts'), { 'consumer.ts': CONSUMER })).to.deep.equal([]);
  });

  describe('against appc local', () => {
    let server: RunningServer | undefined;
    let sdk: ClientModule;
    let api: Record<string, Method>;
    before(async function () {
      this.timeout(30000);
      server = await startServer(PROJECT);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-sdk-models-'));
      fs.writeFileSync(path.join(dir, 'package.json'), '{"type": "module"}\n');
      for (const f of result().files ?? []) fs.writeFileSync(path.join(dir, f.name), f.data);
      sdk = (await import(pathToFileURL(path.join(dir, 'index.js')).href)) as ClientModule;
      api = sdk.createClient({ baseUrl: server.url });
    });
    after(async () => server?.close());

    it('sends the declared body and query and returns the declared response', async () => {
      const created = await api.createTodo({ body: { title: 'write the SDK', priority: 'high' } });
      expect(created).to.include({ title: 'write the SDK', priority: 'high', done: false });
      const page = await api.getTodos({ query: { owner: 'me', limit: 5, tag: ['a', 'b'] } });
      expect(page).to.have.property('next', 'me');
      expect(await api.postCoords({ body: [47.6, -122.3] })).to.deep.equal({
        point: { lat: 47.6, lng: 0 },
        priority: 1,
      });
    });

    it('surfaces a body that breaks the declared type as ApiError 400 BadRequestError', async () => {
      const error = await api.createTodo({ body: { title: '', priority: 'urgent' } }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(sdk.ApiError);
      expect(error).to.include({ status: 400, code: 'BadRequestError' });
    });
  });
});
