import { expect } from 'chai';
import { analyzeFiles, appTs } from './analyze-files';

const AUTHORIZER = "app.authorizer({ name: 'auth' }, (auth) =>";

describe('analyze: authorizer routes written as path templates (APPC225)', () => {
  it('warns at a {param} in AuthResponse routes and in AuthRoute, with the path to write instead', () => {
    const { diagnostics, text } = analyzeFiles({
      'app.ts': appTs(
        [
          `${AUTHORIZER} new AuthResponse({`,
          "  routes: ['/todos', '/todos/{id}', new AuthRoute('/users/{user}/files/{path+}', ['GET'])],",
          '  principalId: auth.token,',
          '}));',
        ].join('\n'),
        'App, AuthResponse, AuthRoute',
      ),
    });
    expect(diagnostics.map((d) => [d.code, d.severity, d.location?.line, d.location?.column])).to.deep.equal([
      ['APPC225', 'warning', 4, 22],
      ['APPC225', 'warning', 4, 51],
    ]);
    expect(text).to.contain(
      [
        "app.ts:4:22 - warning APPC225: authorizer route '/todos/{id}' is a path template: API Gateway matches the request's real path (e.g. '/todos/42') against it, so it never matches",
        "  4 |   routes: ['/todos', '/todos/{id}', new AuthRoute('/users/{user}/files/{path+}', ['GET'])],",
        '    |                      ^^^^^^^^^^^^^',
        "  Write the path as clients request it, with * for a parameter: '/todos/*' (* also matches '/').",
      ].join('\n'),
    );
    expect(diagnostics[1].remedy).to.contain("'/users/*/files/*'");
  });

  it('finds routes in either branch of a condition, and accepts literal paths and *', () => {
    const { diagnostics } = analyzeFiles({
      'app.ts': appTs(
        `${AUTHORIZER} new AuthResponse({ routes: auth.token === 'a' ? ['*', '/a'] : ['/b/{id}'], principalId: 'p' }));`,
        'App, AuthResponse',
      ),
    });
    expect(diagnostics.map((d) => [d.code, d.message.split(':')[0]])).to.deep.equal([
      ['APPC225', "authorizer route '/b/{id}' is a path template"],
    ]);
  });

  it("ignores other classes' arguments and an AuthResponse that is not appc's", () => {
    const { diagnostics } = analyzeFiles({
      'app.ts': appTs(
        [
          'class AuthResponse { constructor(readonly o: { routes: string[] }) {} }',
          "const local = new AuthResponse({ routes: ['/x/{id}'] });",
          "const other = new Map([['/y/{id}', 1]]);",
          "app.route('/z/{id}', () => ({ local, other: other.size }));",
        ].join('\n'),
      ),
    });
    expect(diagnostics).to.deep.equal([]);
  });
});
