import { expect } from 'chai';
import fc from 'fast-check';
import { App, Blueprint, joinUrlPrefix, pathParamNames } from '../../src/runtime';
import { invokeApi, needsReferenceEvents, proxyEvent } from './support/events';

describe('routes: registration', () => {
  it("records one entry per method with the options' defaults", () => {
    const app = new App({ appName: 'myapp' });
    function getUser() {
      return 1;
    }
    app.route('/users/{id}', getUser);
    app.route(
      '/users/{id}',
      { methods: ['PUT', 'PATCH'], name: 'editUser', contentTypes: ['text/plain'], apiKeyRequired: true, cors: true },
      () => 2,
    );
    const methods = app.routes.get('/users/{id}');
    expect([...(methods?.keys() ?? [])]).to.deep.equal(['GET', 'PUT', 'PATCH']);
    expect(methods?.get('GET')).to.deep.equal({
      path: '/users/{id}',
      method: 'GET',
      name: 'getUser',
      paramNames: ['id'],
      contentTypes: ['application/json'],
      authorizer: undefined,
      apiKeyRequired: false,
      cors: undefined,
      handler: getUser,
    });
    expect(methods?.get('PATCH')).to.deep.include({
      name: 'editUser',
      contentTypes: ['text/plain'],
      apiKeyRequired: true,
      cors: true,
    });
  });

  it("rejects a (path, method) registered twice, with Chalice's message", () => {
    const app = new App({ appName: 'myapp' });
    app.route('/a', { methods: ['GET', 'POST'] }, function first() {});
    app.route('/a', { methods: ['PUT'] }, function other() {});
    expect(() => app.route('/a', { methods: ['POST'] }, function second() {})).to.throw(
      'Duplicate method: \'POST\' detected for route: \'/a\' between view functions: "first" and "second". ' +
        'A specific method may only be specified once for a particular path.',
    );
  });

  it('rejects two functions with one name', () => {
    const app = new App({ appName: 'myapp' });
    app.lambdaFunction(function worker() {});
    expect(() => app.schedule('rate(1 hour)', { name: 'worker' }, () => {})).to.throw(
      /Duplicate function name detected: worker/,
    );
  });

  it('lists the parameter names of a path, greedy ones included', () => {
    expect(pathParamNames('/a/{first}/b/{second}')).to.deep.equal(['first', 'second']);
    expect(pathParamNames('/files/{path+}')).to.deep.equal(['path']);
    expect(pathParamNames('/')).to.deep.equal([]);
  });

  it('finds what the pattern /\\{([^}]+?)\\+?\\}/g captures, in any string', () => {
    const byPattern = (path: string) => [...path.matchAll(/\{([^}]+?)\+?\}/g)].map((m) => m[1]);
    for (const path of ['/{}', '/{+}', '/{++}', '/{a+b}', '/{a{b}', '/{a', '/a}', '/{a}}{b+}', '{x}{y}']) {
      expect(pathParamNames(path), path).to.deep.equal(byPattern(path));
    }
    const piece = fc.constantFrom('{', '}', '+', '/', 'a', 'bc', '{id}', '{rest+}');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')),
        (path) => {
          expect(pathParamNames(path)).to.deep.equal(byPattern(path));
        },
      ),
    );
  });
});

describe("blueprints: Chalice's prefix rules", () => {
  it('joins url prefixes like Chalice', () => {
    expect(joinUrlPrefix('/api', '/users')).to.equal('/api/users');
    expect(joinUrlPrefix('/api/', '/users/{id}')).to.equal('/api/users/{id}');
    expect(joinUrlPrefix('/api', '/')).to.equal('/api');
    expect(joinUrlPrefix('/', '/x')).to.equal('/x');
    expect(joinUrlPrefix(undefined, '/x')).to.equal('/x');
    expect(joinUrlPrefix('/v1/api', '/a/b')).to.equal('/v1/api/a/b');
  });

  it('applies urlPrefix to routes and namePrefix to every function but authorizers (as in `chalice package`)', () => {
    const bp = new Blueprint();
    bp.route('/', () => 'index');
    bp.route('/{id}', { methods: ['DELETE'] }, ({ id }) => id);
    const auth = bp.authorizer(function check() {
      return { principalId: 'p', policyDocument: { Version: '2012-10-17', Statement: [] } };
    });
    bp.schedule('rate(1 day)', function daily() {});
    bp.lambdaFunction({ name: 'worker' }, () => {});
    const app = new App({ appName: 'myapp' });
    app.route('/', () => 'root');
    app.registerBlueprint(bp, { urlPrefix: '/users', namePrefix: 'users_' });
    expect([...app.routes.keys()]).to.deep.equal(['/', '/users', '/users/{id}']);
    expect([...app.functions.keys()]).to.deep.equal(['check', 'users_daily', 'users_worker']);
    expect(app.functions.get('check')).to.deep.include({ kind: 'authorizer', authorizer: auth });
    expect(auth.name).to.equal('check');
  });

  it('registers unchanged without options', () => {
    const bp = new Blueprint();
    bp.route('/x', () => 1);
    bp.lambdaFunction(function job() {});
    const app = new App({ appName: 'myapp' });
    app.registerBlueprint(bp);
    expect([[...app.routes.keys()], [...app.functions.keys()]]).to.deep.equal([['/x'], ['job']]);
  });

  it('detects a duplicate between a blueprint and the app', () => {
    const bp = new Blueprint();
    bp.route('/', function fromBlueprint() {});
    const app = new App({ appName: 'myapp' });
    app.route('/users', function fromApp() {});
    expect(() => app.registerBlueprint(bp, { urlPrefix: '/users' })).to.throw(/"fromApp" and "fromBlueprint"/);
  });

  it("shares the App's log once registered", () => {
    const bp = new Blueprint();
    expect(() => bp.log).to.throw(/once the blueprint is registered/);
    const app = new App({ appName: 'myapp' });
    app.registerBlueprint(bp);
    expect(bp.log).to.equal(app.log);
  });
});

describe('blueprints: serving prefixed routes', () => {
  needsReferenceEvents();

  it('dispatches on the prefixed resource', async () => {
    const bp = new Blueprint();
    bp.route('/{id}', { methods: ['DELETE'] }, ({ id }, request) => ({
      deleted: id,
      path: request.path,
      current: bp.currentRequest === request,
    }));
    const app = new App({ appName: 'myapp' });
    app.registerBlueprint(bp, { urlPrefix: '/users/' });
    const event = proxyEvent({
      resource: '/users/{id}',
      path: '/users/7',
      method: 'DELETE',
      pathParameters: { id: '7' },
    });
    expect(JSON.parse((await invokeApi(app, event)).body)).to.deep.equal({
      deleted: '7',
      path: '/users/7',
      current: true,
    });
    expect(
      (await invokeApi(app, proxyEvent({ resource: '/{id}', method: 'DELETE', pathParameters: { id: '7' } })))
        .statusCode,
    ).to.equal(404);
  });
});
