import { expect } from 'chai';
import { validateApp } from '../../../src/compiler/validate';
import type { CallParts, CorsModel, RouteModel, SourceLocation } from '../../../src/compiler/model/app-model';
import { app, at, brief, config, route } from './builders';

/** The parts of a route whose `methods` option is an array literal with elements at `elements`. */
const parts = (elements: { methods: SourceLocation[] }): CallParts => ({
  argument: at(7, 11),
  options: { methods: at(7, 19) },
  elements,
});

const CORS: CorsModel = { allowOrigin: '*', allowHeaders: [] };
const check = (routes: RouteModel[], cors: CorsModel | false = false) =>
  validateApp(app({ routes, cors }), config()).map(brief);

describe('validate: methods', () => {
  it('accepts the seven HTTP methods', () => {
    expect(
      check([route('/a', 3, { methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] })]),
    ).to.deep.equal([]);
  });

  it('rejects other and lower-case methods (APPC311)', () => {
    const diagnostics = validateApp(app({ routes: [route('/a', 3, { methods: ['get', 'FETCH'] })] }), config());
    expect(diagnostics.map(brief)).to.deep.equal([
      ['APPC311', "'get' is not a valid HTTP method (route '/a')", 3],
      ['APPC311', "'FETCH' is not a valid HTTP method (route '/a')", 3],
    ]);
    expect(diagnostics.map((d) => d.remedy)).to.deep.equal([
      "Write it in upper case: 'GET'.",
      'Use one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS.',
    ]);
  });

  it('allows one path split over routes by method', () => {
    expect(check([route('/a', 3), route('/a', 5, { methods: ['POST', 'PUT'] })])).to.deep.equal([]);
  });

  it('rejects a (path, method) registered twice (APPC310), at the second route, naming both views', () => {
    const routes = [
      route('/a', 3, { methods: ['GET', 'POST'], name: 'first' }),
      route('/a', 7, { methods: ['POST'], name: null }),
    ];
    const diagnostics = validateApp(app({ routes }), config());
    expect(diagnostics.map(brief)).to.deep.equal([
      ['APPC310', `duplicate method 'POST' for route '/a' between view functions "first" and app.ts:7`, 7],
    ]);
    expect(diagnostics[0].remedy).to.equal(
      'A method may be registered once per path: remove it here or from the route at app.ts:3.',
    );
  });

  it('points at the method element, or at the path when methods is left out (GET)', () => {
    const element = { file: 'app.ts', line: 7, column: 30, length: 6 };
    const routes = [
      route('/a', 3, { methods: ['GET', 'POST'] }),
      route('/a', 5),
      route('/a', 7, { methods: ['PUT', 'POST'], parts: parts({ methods: [at(7, 22), element] }) }),
    ];
    const diagnostics = validateApp(app({ routes }), config());
    expect(diagnostics.map((d) => [d.code, d.location])).to.deep.equal([
      ['APPC310', at(5, 11)],
      ['APPC310', element],
    ]);
  });

  it('names views by file:line when none has a name (a handler the analyzer cannot name)', () => {
    const routes = [route('/a', 3, { name: null }), route('/a', 5, { name: null })];
    expect(check(routes)).to.deep.equal([
      ['APPC310', "duplicate method 'GET' for route '/a' between view functions app.ts:3 and app.ts:5", 5],
    ]);
  });

  it('compares paths exactly: a trailing slash is another path', () => {
    expect(check([route('/a', 3), route('/a/', 5)])).to.deep.equal([
      ['APPC303', "route path '/a/' ends with a trailing slash", 5],
    ]);
  });
});

describe('validate: CORS on shared paths', () => {
  it('accepts equal configs, and CORS next to non-CORS routes', () => {
    const same = { ...CORS, allowHeaders: ['X-Amz-Date', 'X-Custom'] };
    const routes = [
      route('/a', 3, { cors: CORS }),
      route('/a', 5, { methods: ['POST'], cors: false }),
      route('/b', 7, { cors: same }),
      route('/b', 9, { methods: ['PUT'], cors: { ...same, allowHeaders: ['X-Custom'] } }),
    ];
    expect(check(routes)).to.deep.equal([]);
  });

  it('rejects differing configs on one path (APPC312), the app default counting for routes without cors', () => {
    const routes = [
      route('/a', 3),
      route('/a', 5, { methods: ['POST'], cors: { ...CORS, maxAge: 600 } }),
      route('/a', 7, { methods: ['PUT'], cors: CORS }),
    ];
    const diagnostics = validateApp(app({ routes, cors: CORS }), config());
    expect(diagnostics.map(brief)).to.deep.equal([
      ['APPC312', "route '/a' has a CORS configuration that differs from another route on the same path", 5],
    ]);
    expect(diagnostics[0].remedy).to.equal(
      "Give every route on '/a' that enables CORS the same configuration (first at app.ts:3).",
    );
  });

  it('rejects OPTIONS on a path with CORS (APPC313), also when the CORS route is another one', () => {
    const routes = [route('/a', 3, { cors: CORS }), route('/a', 5, { methods: ['OPTIONS'] })];
    expect(check(routes)).to.deep.equal([
      ['APPC313', "route '/a' registers OPTIONS although CORS is enabled on that path", 5],
    ]);
  });

  it('allows OPTIONS when no route on the path has CORS', () => {
    expect(check([route('/a', 3, { methods: ['OPTIONS'] }), route('/b', 5, { cors: CORS })])).to.deep.equal([]);
  });

  it('applies the app default: OPTIONS with app.api.cors is rejected unless the route sets cors: false', () => {
    expect(check([route('/a', 3, { methods: ['OPTIONS'] })], CORS).map((d) => d[0])).to.deep.equal(['APPC313']);
    expect(check([route('/a', 3, { methods: ['OPTIONS'], cors: false })], CORS)).to.deep.equal([]);
  });
});

describe('validate: content types', () => {
  it('accepts all-binary, all-text and empty content types', () => {
    const routes = [
      route('/a', 3, { contentTypes: ['image/png', 'application/octet-stream'] }),
      route('/b', 5, { contentTypes: ['application/json', 'text/plain'] }),
      route('/c', 7, { contentTypes: [] }),
    ];
    expect(check(routes)).to.deep.equal([]);
  });

  it('rejects mixed binary and non-binary content types (APPC314)', () => {
    expect(check([route('/a', 3, { contentTypes: ['image/png', 'application/json'] })])).to.deep.equal([
      ['APPC314', "route '/a' accepts binary content types ['image/png'] and non-binary ones ['application/json']", 3],
    ]);
  });

  it("uses the app's binary types, ignoring case and parameters", () => {
    const routes = [route('/a', 3, { contentTypes: ['application/my-binary; v=1', 'Image/PNG'] })];
    expect(validateApp(app({ routes, binaryTypes: ['application/my-binary'] }), config()).map(brief)).to.deep.equal([
      [
        'APPC314',
        "route '/a' accepts binary content types ['application/my-binary; v=1'] and non-binary ones ['Image/PNG']",
        3,
      ],
    ]);
  });
});
