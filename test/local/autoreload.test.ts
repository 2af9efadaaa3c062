/** `appc local --autoreload`: edits to the app's files are served without a restart. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { copyFixture, send, startServer, type RunningServer } from './support/local-http';

describe('appc local --autoreload', function () {
  this.timeout(60000);
  let dir: string;
  let server: RunningServer;
  let reloads: boolean[];

  before(async () => {
    dir = copyFixture('hello');
    server = await startServer(dir, { autoreload: true });
    reloads = [];
    server.onReload((ok) => reloads.push(ok));
  });
  after(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Writes `file`, then waits for the reload it causes; resolves with whether it worked. */
  async function edit(file: string, text: string): Promise<boolean> {
    const count = reloads.length;
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
    const started = Date.now();
    while (reloads.length === count) {
      if (Date.now() - started > 15000) throw new Error(`no reload after writing ${file}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return reloads[reloads.length - 1];
  }

  const app = (body: string) => `import { App } from 'appc';\n${body}\nexport const app = new App({ appName: 'helloworld' });\napp.route('/', () => (ANSWER));\n`;

  it('serves the edited app after a change to app.ts', async () => {
    expect((await send(server.url, '/')).json()).to.deep.equal({ hello: 'world' });
    expect(await edit('app.ts', app("const ANSWER = { hello: 'again' };"))).to.equal(true);
    expect((await send(server.url, '/')).json()).to.deep.equal({ hello: 'again' });
    expect(server.output.info.join('\n')).to.match(/Reloading \(app\.ts changed\)/).and.contain('Reloaded helloworld.');
  });

  it('reports a broken edit and goes on serving the previous version', async () => {
    expect(await edit('app.ts', app('const ANSWER = {;'))).to.equal(false);
    expect(server.output.diagnostics.map((d) => d.code).join(' ')).to.match(/APPC2\d\d/);
    expect(server.output.errors.join('\n')).to.contain('still serving the previous version');
    expect((await send(server.url, '/')).json()).to.deep.equal({ hello: 'again' });
  });

  it('follows new modules in new directories, and the stage config', async () => {
    // app.ts is still broken: any source file reloads, and this one does not fix it yet.
    expect(await edit('lib/answer.ts', "export const ANSWER = { from: 'lib' };\n")).to.equal(false);
    expect(await edit('app.ts', app("import { ANSWER } from './lib/answer';"))).to.equal(true);
    expect((await send(server.url, '/')).json()).to.deep.equal({ from: 'lib' });
    expect(await edit('lib/answer.ts', "export const ANSWER = { from: 'lib', env: process.env.APPC_RELOAD_TEST ?? null };\n")).to.equal(true);
    expect((await send(server.url, '/')).json()).to.deep.equal({ from: 'lib', env: null });
    expect(await edit('.appc/config.json', '{ "environment_variables": { "APPC_RELOAD_TEST": "set" } }\n')).to.equal(true);
    expect((await send(server.url, '/')).json()).to.deep.equal({ from: 'lib', env: 'set' });
  });
});
