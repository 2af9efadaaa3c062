import { expect } from 'chai';
import { modelName } from '../../../../src/compiler/analyze/models/analyze-models';
import { analyzeFiles, appTs } from '../analyze-files';

const IMPORTS = 'App, Request, Response, Blueprint';

describe('analyze: route models from handler types (README "Models")', () => {
  it('leaves an app whose handlers declare no types without schemas or models', () => {
    const { model, diagnostics } = analyzeFiles({
      'app.ts': appTs(
        `app.route('/', (_p, req: Request) => ({ m: req.method }));
app.route('/r', async (): Promise<Response> => new Response({ body: 1 }));
app.route('/v', function view(): void {});`,
        IMPORTS,
      ),
    });
    expect(diagnostics).to.deep.equal([]);
    expect(model!.routes.map((r) => 'schemas' in r)).to.deep.equal([false, false, false]);
    expect('models' in model!).to.equal(false);
  });

  it("keeps the JSDoc of appc's own types a model uses (ErrorBody)", () => {
    const { model, diagnostics } = analyzeFiles({
      'app.ts': appTs(`app.route('/e', (): ErrorBody => ({ Code: 'X', Message: 'y' }));`, 'App, ErrorBody'),
    });
    expect(diagnostics).to.deep.equal([]);
    expect(model!.models!.definitions.ErrorBody).to.deep.equal({
      description: 'The JSON body of every error response.',
      type: 'object',
      properties: {
        Code: { type: 'string' },
        Message: { type: 'string' },
        Stack: {
          description: 'Present only when `app.debug` is true and the error was not a ViewError.',
          type: 'string',
        },
      },
      required: ['Code', 'Message'],
    });
  });

  it('reads the body, query and response, unwrapping Promise and Response, sharing definitions', () => {
    const { model, diagnostics } = analyzeFiles({
      'app.ts': appTs(
        `interface Todo { title: string }
interface Q { owner: string; limit?: number }
app.route('/todos', { methods: ['POST'] }, function createTodo(_p, req: Request<Todo>): Todo { return req.jsonBody as Todo; });
app.route('/todos', async (_p, req: Request<never, Q>): Promise<Response<Todo[]>> => new Response({ body: [] }));`,
        IMPORTS,
      ),
    });
    expect(diagnostics).to.deep.equal([]);
    expect(model!.routes.map((r) => r.schemas)).to.deep.equal([
      { body: { schema: { $ref: '#/definitions/Todo' }, required: true }, response: { $ref: '#/definitions/Todo' } },
      {
        query: [
          { name: 'owner', required: true, schema: { type: 'string' } },
          { name: 'limit', required: false, schema: { type: 'number' } },
        ],
        response: { $ref: '#/definitions/GetTodosResponse' },
      },
    ]);
    expect(model!.models).to.deep.equal({
      definitions: {
        GetTodosResponse: { type: 'array', items: { $ref: '#/definitions/Todo' } },
        Todo: { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] },
      },
    });
  });

  it('reads the type arguments through an alias of Request, and of Promise<Response<T>>', () => {
    const { model, diagnostics } = analyzeFiles({
      'app.ts': appTs(
        `interface Todo { title: string }
type TodoRequest = Request<Todo>;
type TodoReply = Promise<Response<Todo[]>>;
app.route('/todos', { methods: ['POST'] }, (_p, req: TodoRequest): TodoReply => Promise.resolve(new Response({ body: [] })));`,
        IMPORTS,
      ),
    });
    expect(diagnostics).to.deep.equal([]);
    expect(model!.routes[0].schemas).to.deep.equal({
      body: { schema: { $ref: '#/definitions/Todo' }, required: true },
      response: { $ref: '#/definitions/PostTodosResponse' },
    });
  });

  it('awaits a response type that is a thenable: an interface extending Promise, or one with a then method', () => {
    const { model, diagnostics } = analyzeFiles({
      'app.ts': appTs(
        `interface Todo { title: string }
interface TodoPromise extends Promise<Todo> { extra?: number }
interface Thenable { then(done: (value: Todo) => void): void }
app.route('/a', (): TodoPromise => undefined as unknown as TodoPromise);
app.route('/b', (): Thenable => ({ then: () => undefined }));`,
        IMPORTS,
      ),
    });
    expect(diagnostics).to.deep.equal([]);
    expect(model!.routes.map((r) => r.schemas)).to.deep.equal([
      { response: { $ref: '#/definitions/Todo' } },
      { response: { $ref: '#/definitions/Todo' } },
    ]);
  });

  it('makes a body that may be undefined optional, and leaves out what constrains nothing', () => {
    const { model } = analyzeFiles({
      'app.ts': appTs(
        `interface Patch { done?: boolean }
app.route('/a', { methods: ['PATCH'] }, (_p, req: Request<Patch | undefined>) => 1);
app.route('/b', { methods: ['POST'] }, (_p, req: Request<unknown>): any => 1);`,
        IMPORTS,
      ),
    });
    expect(model!.routes.map((r) => r.schemas)).to.deep.equal([
      { body: { schema: { $ref: '#/definitions/Patch' }, required: false } },
      undefined,
    ]);
  });

  it('inlines named query types and keeps them out of definitions; a handler registered twice is converted once', () => {
    const { model } = analyzeFiles({
      'app.ts': appTs(
        `enum Kind { A = 'a', B = 'b' }
interface Q { kind: Kind; ids?: number[] }
export const bp = new Blueprint();
bp.route('/items', (_p, req: Request<never, Q>) => 1);
app.registerBlueprint(bp, { urlPrefix: '/v1' });
app.registerBlueprint(bp, { urlPrefix: '/v2' });`,
        IMPORTS,
      ),
    });
    const query = [
      { name: 'kind', required: true, schema: { type: 'string', enum: ['a', 'b'] } },
      { name: 'ids', required: false, schema: { type: 'array', items: { type: 'number' } } },
    ];
    expect(model!.routes.map((r) => [r.path, r.schemas])).to.deep.equal([
      ['/v1/items', { query }],
      ['/v2/items', { query }],
    ]);
    expect(model!.routes[0].schemas).to.equal(model!.routes[1].schemas);
    expect(model!.models).to.deep.equal({ definitions: {} });
  });

  it('reports query properties with no query string form, and a query type that is not an object', () => {
    const { text } = analyzeFiles({
      'app.ts': appTs(
        `interface Q {
  filter: { a: string };
  grid?: number[][];
  owner: string | null;
  ok: string;
}
app.route('/a', (_p, req: Request<never, Q>) => 1);
app.route('/b', (_p, req: Request<never, string>) => 1);`,
        IMPORTS,
      ),
    });
    expect(text).to.equal(
      `app.ts:4:11 - error APPC274: query parameter 'filter' is an object, which has no query string form
  4 |   filter: { a: string };
    |           ^^^^^^^^^^^^^
  Use a string, number or boolean, a union of literals, or an array of those (a repeated parameter); send structured data in the body.

app.ts:5:10 - error APPC274: query parameter 'grid' is an array of arrays or objects, which has no query string form
  5 |   grid?: number[][];
    |          ^^^^^^^^^^
  Use a string, number or boolean, a union of literals, or an array of those (a repeated parameter); send structured data in the body.

app.ts:6:10 - error APPC274: query parameter 'owner' is null, which has no query string form
  6 |   owner: string | null;
    |          ^^^^^^^^^^^^^
  A query parameter is absent or a string: make it optional (owner?: ...) instead of null.

app.ts:10:42 - error APPC275: 'string': the query type must be an object type, one property per query parameter
  10 | app.route('/b', (_p, req: Request<never, string>) => 1);
     |                                          ^^^^^^
  Declare an interface such as interface ListQuery { owner: string; limit?: number } and write Request<Body, ListQuery>.

Found 4 errors.
`,
    );
  });

  it('reports an unsupported body type at the type, as the conversion does', () => {
    const { text } = analyzeFiles({
      'app.ts': appTs(`app.route('/a', { methods: ['POST'] }, (_p, req: Request<{ at: Date }>) => 1);`, IMPORTS),
    });
    expect(text).to.match(/^app\.ts:3:64 - error APPC263: .*Date/);
  });
});

describe('modelName: what anonymous body and response types are named after', () => {
  it('is the route name in PascalCase, else the first method and the path', () => {
    expect(modelName({ name: 'create_todo', methods: ['POST'], path: '/todos' })).to.equal('CreateTodo');
    expect(modelName({ name: 'createTodo', methods: ['POST'], path: '/todos' })).to.equal('CreateTodo');
    expect(modelName({ name: null, methods: ['GET', 'PUT'], path: '/todos/{todoId}' })).to.equal('GetTodosTodoId');
    expect(modelName({ name: null, methods: ['POST'], path: '/' })).to.equal('Post');
    expect(modelName({ name: null, methods: ['GET'], path: '/files/{proxy+}' })).to.equal('GetFilesProxy');
  });
});
