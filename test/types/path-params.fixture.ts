/**
 * Type-level test of route parameters, compiled by test/runtime/type-fixtures.test.ts
 * (strict). Every `@ts-expect-error` line must be an error; everything else must compile.
 * Excluded from the main tsconfig: its errors are the point.
 */
import { App, Blueprint, type PathParamNames, type PathParams, type Request } from '../../src/runtime';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

export type Checks = [
  Expect<Equal<PathParams<'/a/{first}/b/{second}'>, { first: string; second: string }>>,
  Expect<Equal<PathParams<'/files/{rest+}'>, { rest: string }>>,
  Expect<Equal<PathParams<'/'>, {}>>,
  Expect<Equal<PathParams<string>, Record<string, string>>>,
  Expect<Equal<PathParamNames<'/{a}/{b}/{c+}'>, 'a' | 'b' | 'c'>>,
];

const app = new App({ appName: 'types' });
const bp = new Blueprint();

// Valid uses.
app.route('/', () => ({ ok: true }));
app.route('/cities/{city}', ({ city }) => ({ city: city.toUpperCase() }));
app.route('/a/{first}/b/{second}', { methods: ['GET', 'POST'] }, ({ first, second }, request: Request) => [first, second, request.method]);
app.route('/files/{path+}', ({ path }) => path.split('/'));
app.route('/users/{id}', async (params) => params.id.length);
bp.route('/{id}', ({ id }) => ({ id }));
const dynamicPath: string = ['/x', '{y}'].join('/');
app.route(dynamicPath, (params) => params.anything);
export const exact: PathParams<'/a/{first}/b/{second}'> = { first: '1', second: '2' };

// Errors.
// @ts-expect-error 'town' is not a parameter of '/cities/{city}'
app.route('/cities/{city}', ({ town }) => town);
// @ts-expect-error 'third' is not a parameter of the path
app.route('/a/{first}/b/{second}', { methods: ['GET'] }, ({ first, third }) => first + third);
// @ts-expect-error the root path has no parameters
app.route('/', ({ id }) => id);
// @ts-expect-error a greedy parameter is named without its '+'
app.route('/files/{path+}', (params) => params['path+']);
// @ts-expect-error parameters are strings
app.route('/users/{id}', ({ id }: { id: number }) => id);
// @ts-expect-error blueprints type their parameters too
bp.route('/{id}', ({ name }) => name);
// @ts-expect-error not an HTTP method
app.route('/m', { methods: ['FETCH'] }, () => 1);
// @ts-expect-error a parameter object needs exactly the path's names
export const wrong: PathParams<'/a/{first}'> = { second: 'x' };
