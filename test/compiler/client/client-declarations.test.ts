import { expect } from 'chai';
import { emitSdk } from '../../../src/compiler/client/emit-sdk';
import { declarationNames } from '../../../src/compiler/client/client-declarations';
import { resolvedConfig } from '../emit/builders';
import { todoModel } from './todo-model';
import { typecheckClient } from './typecheck-client';

function declarations(): string {
  const model = todoModel();
  return emitSdk(model, resolvedConfig(model)).client.find((file) => file.name === 'index.d.ts')?.data as string;
}

const CONSUMER = `import { ApiError, createClient, type NewTodo, type Todo, type PageTodo } from './sdk/index.js';

const client = createClient({ baseUrl: 'http://127.0.0.1:8000/', headers: async () => ({ 'x-token': 'allow-me' }), fetch });

export async function calls(): Promise<void> {
  const draft: NewTodo = { title: 'write the SDK', priority: 'high', tags: ['appc'] };
  const created: Todo = await client.createTodo({ body: draft });
  const id: string = created.id;
  const done: boolean = created.done;
  const listed: Todo[] = await client.listTodos({ query: { owner: 'me', limit: 2, tag: ['a', 'b'] } });
  const one: Todo = await client.getTodosId({ params: { id }, headers: { accept: 'application/json' } });
  await client.updateTodo({ params: { id: 7 }, body: { done: true, note: null, score: 2 } });
  await client.updateTodo({ params: { id: 7 } });
  const gone: unknown = await client.deleteTodosId({ params: { id } });
  const page: PageTodo = await client.pages();
  const next: string | null = page.next;
  const pair: [string, number] | undefined = page.pair;
  const meta: number | undefined = page.meta?.['x'];
  try {
    await client.pages({ query: { anything: 'goes', n: 1, flags: [true] } });
  } catch (e) {
    if (e instanceof ApiError) {
      const status: number = e.status;
      const code: string = e.code;
      const message: string = e.message;
      console.log(status, code, message, e.body);
    }
  }
  console.log(listed, one, gone, next, pair, meta, done);
}

export async function wrongCalls(): Promise<void> {
  // @ts-expect-error a body field of the wrong type
  await client.createTodo({ body: { title: 1, priority: 'low' } });
  // @ts-expect-error a required body field missing
  await client.createTodo({ body: { title: 'a' } });
  // @ts-expect-error a string outside the enum
  await client.createTodo({ body: { title: 'a', priority: 'urgent' } });
  // @ts-expect-error a property the closed type does not have
  await client.createTodo({ body: { title: 'a', priority: 'low', colour: 'red' } });
  // @ts-expect-error the required body missing
  await client.createTodo({});
  // @ts-expect-error an unknown method
  await client.removeTodo({ params: { id: 'x' } });
  // @ts-expect-error the path parameters missing
  await client.getTodosId({});
  // @ts-expect-error a path parameter the path does not have
  await client.getTodosId({ params: { id: 'x', other: 'y' } });
  // @ts-expect-error a required query parameter missing
  await client.listTodos({ query: { limit: 2 } });
  // @ts-expect-error a query parameter of the wrong type
  await client.listTodos({ query: { owner: 'me', limit: 'two' } });
  // @ts-expect-error the response is a Todo, not a string
  const title: string = await client.getTodosId({ params: { id: 'x' } });
  // @ts-expect-error a nullable field is not a plain string
  const next: string = (await client.pages()).next;
  // @ts-expect-error createClient needs a baseUrl
  createClient({});
  console.log(title, next);
}
`;

describe('generate-sdk: index.d.ts', () => {
  it('type-checks under strict with every method called correctly, and rejects wrong calls', function () {
    this.timeout(60000);
    // The second consumer shows the check can fail: the same wrong call without its @ts-expect-error.
    const broken = CONSUMER.replace('// @ts-expect-error a body field of the wrong type\n', '');
    const errors = typecheckClient(declarations(), { 'consumer.ts': CONSUMER, 'broken.ts': broken });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.match(/^broken\.ts:\d+ TS2322: Type 'number' is not assignable to type 'string'/);
  });

  it('renames definitions that would clash with its own names or shadow the globals it uses', () => {
    const names = declarationNames({ Todo: {}, Promise: {}, ApiError: {}, ApiErrorModel: {}, Client: {} });
    expect(Object.fromEntries(names)).to.deep.equal({
      ApiError: 'ApiErrorModel2',
      ApiErrorModel: 'ApiErrorModel',
      Client: 'ClientModel',
      Promise: 'PromiseModel',
      Todo: 'Todo',
    });
  });
});
