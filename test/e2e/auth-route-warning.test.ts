/**
 * An authorizer that allows a route written as a path template: `appc package` warns (APPC225) with the path to
 * write instead, and still packages.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { FIXTURES_DIR } from '../support/fixtures';
import { runMain } from '../support/run-main';

const APP = `import { App, AuthResponse } from 'appc';

export const app = new App({ appName: 'todos' });
const auth = app.authorizer({ name: 'auth' }, (request) =>
  new AuthResponse({ routes: ['/todos/{id}'], principalId: request.token }),
);
app.route('/todos/{id}', { authorizer: auth }, ({ id }) => ({ id }));
`;

describe('appc package: an authorizer route written as a path template', function () {
  this.timeout(120000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-auth-route-'));
    fs.cpSync(path.join(FIXTURES_DIR, 'hello'), path.join(dir, 'project'), {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}expected`),
    });
    fs.writeFileSync(path.join(dir, 'project', 'app.ts'), APP);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('warns APPC225 at the literal with the * path, and packages', async () => {
    const out = path.join(dir, 'out');
    const result = await runMain(['package', out, '--project-dir', path.join(dir, 'project')]);
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stderr).to.contain(
      [
        "app.ts:5:31 - warning APPC225: authorizer route '/todos/{id}' is a path template: API Gateway matches the request's real path (e.g. '/todos/42') against it, so it never matches",
        "  5 |   new AuthResponse({ routes: ['/todos/{id}'], principalId: request.token }),",
        '    |                               ^^^^^^^^^^^^^',
        "  Write the path as clients request it, with * for a parameter: '/todos/*' (* also matches '/').",
      ].join('\n'),
    );
    expect(fs.readdirSync(out).sort()).to.deep.equal(['deployment.zip', 'sam.json', 'swagger.json']);
  });
});
