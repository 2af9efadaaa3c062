import { expect } from 'chai';
import { camelCase, sdkOperations } from '../../../src/compiler/client/sdk-operations';
import { appModel, handler, route } from '../emit/builders';

const names = (...routes: ReturnType<typeof route>[]) => sdkOperations(appModel({ routes })).map((op) => op.name);

describe('generate-sdk: operation names (README "Typed client")', () => {
  it('uses the route name in camelCase, else <method><Path>', () => {
    expect(
      names(
        route('/todos/{id}', { name: 'get_todo' }),
        route('/objects/{key}', { methods: ['PUT'], name: 'PutObject' }),
        route('/todos/{id}', { methods: ['DELETE'] }),
        route('/files/{proxy+}', { methods: ['POST'] }),
        route('/'),
        route('/v1/list-items.json'),
      ),
    ).to.deep.equal(['getTodo', 'putObject', 'deleteTodosId', 'postFilesProxy', 'getRoot', 'getV1ListItemsJson']);
  });

  it('prefixes the method when a named route has several methods', () => {
    expect(names(route('/users/{id}', { methods: ['GET', 'DELETE'], name: 'user' }))).to.deep.equal([
      'getUser',
      'deleteUser',
    ]);
  });

  it('numbers names still taken, in registration order, whatever else the routes are', () => {
    expect(
      names(
        route('/a', { name: 'same' }),
        route('/b', { name: 'same' }),
        route('/todos/{id}'),
        route('/todos/id'),
        route('/x', { name: 'then' }),
      ),
    ).to.deep.equal(['getSame', 'getSame2', 'getTodosId', 'getTodosId2', 'then2']);
  });

  it('falls back to <method><Path> when the name has no letter or digit', () => {
    expect(names(route('/a', { name: '__' }))).to.deep.equal(['getA']);
  });

  it('camel-cases names into identifiers', () => {
    expect([camelCase('user_post'), camelCase('PutObject'), camelCase('2fa-check'), camelCase(null)]).to.deep.equal([
      'userPost',
      'putObject',
      'op2faCheck',
      '',
    ]);
  });

  it('keeps each operation with its route and method', () => {
    const r = route('/a', { methods: ['GET', 'POST'], handler: handler() });
    const ops = sdkOperations(appModel({ routes: [r] }));
    expect(ops.map((op) => [op.method, op.route === r])).to.deep.equal([
      ['GET', true],
      ['POST', true],
    ]);
  });
});
