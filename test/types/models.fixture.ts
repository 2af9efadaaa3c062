/**
 * Type-level test of request and response models (README "Models"), compiled by
 * test/runtime/type-fixtures.test.ts (strict). Every `@ts-expect-error` line must be an
 * error; everything else must compile. Excluded from the main tsconfig: its errors are the point.
 */
import { App, Blueprint, Request, Response, type RouteHandler } from '../../src/runtime';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

export interface NewTodo {
  title: string;
  due?: string;
  priority: 'low' | 'high';
  tags?: string[];
}
export interface Todo extends NewTodo {
  id: string;
  done: boolean;
}
interface ListQuery {
  owner: string;
  limit?: number;
  status?: 'open' | 'done';
  tag?: string[];
}

export type Checks = [
  Expect<Equal<Request['jsonBody'], unknown>>,
  Expect<Equal<Request['query'], Record<string, string>>>,
  Expect<Equal<Request<NewTodo>['jsonBody'], NewTodo>>,
  Expect<Equal<Request<never, ListQuery>['query'], ListQuery>>,
  Expect<Equal<Request<NewTodo, ListQuery>['queryParams'], Record<string, string>>>,
  Expect<Equal<Response['body'], unknown>>,
  Expect<Equal<Response<Todo>['body'], Todo>>,
  Expect<Equal<Parameters<RouteHandler<'/t/{id}', NewTodo>>[1], Request<NewTodo, Record<string, string>>>>,
];

const app = new App({ appName: 'models' });
const bp = new Blueprint();
const saved: Todo = { id: '1', done: false, title: 't', priority: 'low' };

// Valid uses: the handler's annotation types the request, in either registration shape.
app.route('/todos', { methods: ['POST'] }, (_p, req: Request<NewTodo>): Todo => {
  const todo: NewTodo = req.jsonBody;
  return { ...todo, id: String(todo.title.length), done: false };
});
app.route('/todos', (_p, req: Request<never, ListQuery>): Todo[] => {
  const limit: number | undefined = req.query.limit;
  const tags: string[] | undefined = req.query.tag;
  const raw: string | undefined = req.queryParams.limit;
  return [saved].slice(0, limit ?? (raw === undefined ? 10 : Number(raw))).filter(() => tags === undefined);
});
app.route('/todos/{id}', { methods: ['PUT'] }, async ({ id }, req: Request<Partial<NewTodo>>) => {
  return new Response<Todo>({ body: { ...saved, ...req.jsonBody, id }, statusCode: 200 });
});
app.route('/todos/{id}', ({ id }): Response<Todo> | Todo => (id === '0' ? new Response({ body: saved }) : saved));
app.route('/plain', (_p, req) => [req.jsonBody, req.query.anything]);
bp.route('/{id}', { methods: ['PATCH'] }, ({ id }, req: Request<{ done: boolean }>) => ({ id, done: req.jsonBody.done }));
export const untyped = new Response({ statusCode: 204 });
export const bytes: Response<Buffer> = new Response({ body: Buffer.from('x') });
export const current: Request | undefined = app.currentRequest;

// Errors.
// @ts-expect-error jsonBody is a NewTodo, which has no 'id'
app.route('/x1', { methods: ['POST'] }, (_p, req: Request<NewTodo>) => req.jsonBody.id);
// @ts-expect-error query.limit is a number
app.route('/x2', (_p, req: Request<never, ListQuery>) => req.query.limit.toUpperCase());
// @ts-expect-error an unannotated request's body is unknown
app.route('/x3', { methods: ['POST'] }, (_p, req) => req.jsonBody.title);
// @ts-expect-error a Response<Todo> body must be a Todo
export const wrongBody = new Response<Todo>({ body: { title: 'x' } });
// @ts-expect-error body of a Response<Todo> is a Todo, not a string
export const body: string = new Response<Todo>({ body: saved }).body;
// @ts-expect-error the path's parameters still type the first argument
app.route('/todos/{id}', { methods: ['POST'] }, ({ name }, req: Request<NewTodo>) => [name, req.jsonBody]);
// @ts-expect-error a query type's property is not a string
app.route('/x4', (_p, req: Request<never, { n: number }>) => req.query.n.length);
