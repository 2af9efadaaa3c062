import { expect } from 'chai';
import { validateApp } from '../../../src/compiler/validate';
import { app, brief, config, handler, route } from './builders';

function check(path: string) {
  return validateApp(app({ routes: [route(path, 3)] }), config()).map(brief);
}

describe('validate: route paths', () => {
  it('accepts the root, literal segments, params and a last greedy param', () => {
    for (const path of ['/', '/users', '/a.b/c_d/e-f/G9', '/cities/{city}', '/files/{dir}/{proxy+}', '/{a}/{b}']) {
      expect(check(path), path).to.deep.equal([]);
    }
  });

  it('rejects an empty path (APPC301), only once', () => {
    expect(check('')).to.deep.equal([['APPC301', 'route path is empty', 3]]);
  });

  it("rejects a path that does not start with '/' (APPC302)", () => {
    expect(check('users')).to.deep.equal([['APPC302', "route path 'users' does not start with '/'", 3]]);
  });

  it('rejects a trailing slash (APPC303) with the fixed path as remedy, at the path argument', () => {
    const [d, ...rest] = validateApp(app({ routes: [route('/users/', 3)] }), config());
    expect(rest).to.deep.equal([]);
    expect(brief(d)).to.deep.equal(['APPC303', "route path '/users/' ends with a trailing slash", 3]);
    expect(d.remedy).to.equal("Remove it: '/users'.");
    expect(d.severity).to.equal('error');
    expect(d.location).to.deep.equal({ file: 'app.ts', line: 3, column: 11, length: 10 });
  });

  it('rejects characters outside [a-zA-Z0-9._-] in a literal segment (APPC304), naming them', () => {
    expect(check('/a b/c$d')).to.deep.equal([
      ['APPC304', "segment 'a b' of route path '/a b/c$d' has characters outside [a-zA-Z0-9._-]: ' '", 3],
      ['APPC304', "segment 'c$d' of route path '/a b/c$d' has characters outside [a-zA-Z0-9._-]: '$'", 3],
    ]);
  });

  it('rejects segments mixing text and a param, malformed braces and empty segments (APPC305)', () => {
    expect(check('/files/v{id}/{x/y}//z')).to.deep.equal([
      [
        'APPC305',
        "segment 'v{id}' of route path '/files/v{id}/{x/y}//z' must be literal text or exactly one {param}",
        3,
      ],
      ['APPC305', "segment '{x' of route path '/files/v{id}/{x/y}//z' must be literal text or exactly one {param}", 3],
      ['APPC305', "segment 'y}' of route path '/files/v{id}/{x/y}//z' must be literal text or exactly one {param}", 3],
      ['APPC305', "route path '/files/v{id}/{x/y}//z' has an empty segment", 3],
    ]);
  });

  it('rejects param names that are not identifiers (APPC306), suggesting one', () => {
    const diagnostics = validateApp(app({ routes: [route('/a/{foo-bar}/{1st}/{}', 3)] }), config());
    expect(diagnostics.map(brief)).to.deep.equal([
      ['APPC306', "path parameter '{foo-bar}' in '/a/{foo-bar}/{1st}/{}' is not an identifier", 3],
      ['APPC306', "path parameter '{1st}' in '/a/{foo-bar}/{1st}/{}' is not an identifier", 3],
      ['APPC306', "path parameter '{}' in '/a/{foo-bar}/{1st}/{}' is not an identifier", 3],
    ]);
    expect(diagnostics.map((d) => d.remedy)).to.deep.equal([
      "Use letters, digits and '_', not starting with a digit, e.g. '{foo_bar}'.",
      "Use letters, digits and '_', not starting with a digit, e.g. '{_1st}'.",
      "Use letters, digits and '_', not starting with a digit, e.g. '{name}'.",
    ]);
  });

  it('rejects a name captured twice (APPC307), greedy or not', () => {
    expect(check('/a/{id}/b/{id+}')).to.deep.equal([
      ['APPC307', "path parameter 'id' appears twice in '/a/{id}/b/{id+}'", 3],
    ]);
  });

  it('rejects a greedy param before the last segment (APPC308)', () => {
    expect(check('/a/{proxy+}/b')).to.deep.equal([
      ['APPC308', "greedy path parameter '{proxy+}' in '/a/{proxy+}/b' is not the last segment", 3],
    ]);
  });
});

describe('validate: handler parameters', () => {
  const withParams = (path: string, names: string[] | null) =>
    validateApp(app({ routes: [route(path, 3, { handler: handler(4, names) })] }), config());

  it('accepts destructured names the path captures, greedy included, and non-destructuring handlers', () => {
    expect(withParams('/a/{first}/{rest+}', ['rest', 'first'])).to.deep.equal([]);
    expect(withParams('/a', null)).to.deep.equal([]);
  });

  it('reports each name the path does not capture (APPC309) at the handler, with a suggestion', () => {
    const diagnostics = withParams('/cities/{city}', ['cty', 'zip']);
    expect(diagnostics.map(brief)).to.deep.equal([
      ['APPC309', "handler destructures 'cty', which the path '/cities/{city}' does not capture", 4],
      ['APPC309', "handler destructures 'zip', which the path '/cities/{city}' does not capture", 4],
    ]);
    expect(diagnostics[0].location?.column).to.equal(20);
    expect(diagnostics.map((d) => d.remedy)).to.deep.equal([
      "Did you mean 'city'? Otherwise add {cty} to the path.",
      "The path captures 'city': use one of those or add {zip} to the path.",
    ]);
  });

  it('says so when the path captures nothing', () => {
    expect(withParams('/users', ['id'])[0].remedy).to.equal(
      "The path captures nothing: add {id} to it or stop destructuring 'id'.",
    );
  });
});

describe("validate: route paths with '.' and '..' segments", () => {
  it('rejects dot segments (APPC341): clients remove them, so the route is unreachable', () => {
    expect(check('/../etc')).to.deep.equal([
      [
        'APPC341',
        "route path '/../etc' has a '..' segment, which no request can reach (clients remove dot segments)",
        3,
      ],
    ]);
    expect(check('/a/./b')).to.deep.equal([
      ['APPC341', "route path '/a/./b' has a '.' segment, which no request can reach (clients remove dot segments)", 3],
    ]);
  });

  it('accepts dots inside a segment', () => {
    for (const path of ['/...', '/.well-known/x', '/v1.2', '/a..b']) expect(check(path), path).to.deep.equal([]);
  });
});
