/**
 * `automatic_layer: true` through the command line: the production dependencies leave
 * deployment.zip for OUT/layer-deployment.zip under nodejs/node_modules/, the template gets
 * `ManagedLayer`, both zips are the same bytes on every run, and the handler runs from the
 * unzipped function zip with the unzipped layer where Lambda puts it (/opt/nodejs/node_modules
 * is on the Node.js runtimes' NODE_PATH).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { zipManifest } from '../../src/compiler/package/zip-manifest';
import { FIXTURES_DIR, REPO_ROOT } from '../support/fixtures';
import { extractZip, invokeHandler } from '../support/invoke-zip';

const BIN = path.join(REPO_ROOT, 'bin', 'appc.js');
const FIXTURE = path.join(FIXTURES_DIR, 'automatic-layer');

function packageInto(projectDir: string, out: string): Map<string, Buffer> {
  const result = spawnSync(process.execPath, [BIN, 'package', out, '--project-dir', projectDir], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
  expect(result.status, result.stderr).to.equal(0);
  return new Map(fs.readdirSync(out).map((name) => [name, fs.readFileSync(path.join(out, name))]));
}

const paths = (zip: Buffer) =>
  zipManifest(zip)
    .trim()
    .split('\n')
    .map((line) => line.split(' ')[0]);

describe('automatic_layer: layer-deployment.zip and ManagedLayer', function () {
  this.timeout(120000);
  let work: string;
  let first: Map<string, Buffer>;

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-layer-'));
    first = packageInto(FIXTURE, path.join(work, 'out1'));
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('writes the layer zip beside the function zip, the same bytes on every run', () => {
    expect([...first.keys()].sort()).to.deep.equal([
      'deployment.zip',
      'layer-deployment.zip',
      'sam.json',
      'swagger.json',
    ]);
    const second = packageInto(FIXTURE, path.join(work, 'out2'));
    for (const [name, bytes] of first) expect(second.get(name)?.equals(bytes), name).to.equal(true);
  });

  it('puts the dependency closure under nodejs/node_modules/ and leaves it out of deployment.zip', () => {
    expect(paths(first.get('layer-deployment.zip')!)).to.deep.equal([
      'nodejs/node_modules/greeting/lib/index.js',
      'nodejs/node_modules/greeting/package.json',
      'nodejs/node_modules/shout/index.js',
      'nodejs/node_modules/shout/package.json',
    ]);
    expect(paths(first.get('deployment.zip')!)).to.deep.equal(['app.js']);
  });

  it("runs the handler from the function zip with the layer on Lambda's NODE_PATH, and not without it", () => {
    const code = extractZip(first.get('deployment.zip')!);
    const layer = extractZip(first.get('layer-deployment.zip')!);
    try {
      const invocation = {
        handler: 'app.Worker',
        event: { name: 'ada' },
        node: process.execPath,
        environment: { NODE_PATH: path.join(layer, 'nodejs', 'node_modules') },
      };
      expect(invokeHandler(code, invocation).result).to.deep.equal({ greeting: 'HELLO ADA!' });
      // Without the layer the bundle's require('greeting') finds nothing (its stderr kept out of the test's).
      const bare = spawnSync(process.execPath, ['-e', "require('./app.js')"], {
        cwd: code,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '' },
      });
      expect([bare.status, bare.stderr.includes("Cannot find module 'greeting'")]).to.deep.equal([1, true]);
    } finally {
      fs.rmSync(code, { recursive: true, force: true });
      fs.rmSync(layer, { recursive: true, force: true });
    }
  });

  it('writes no layer and no ManagedLayer for an app without dependencies', () => {
    const project = path.join(work, 'no-deps');
    fs.cpSync(FIXTURE, project, { recursive: true });
    fs.rmSync(path.join(project, 'node_modules'), { recursive: true });
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'no-deps', dependencies: {} }));
    fs.writeFileSync(
      path.join(project, 'app.ts'),
      "import { App } from 'appc';\nexport const app = new App({ appName: 'layered' });\napp.route('/', () => ({}));\n",
    );
    const files = packageInto(project, path.join(work, 'out3'));
    expect([...files.keys()].sort()).to.deep.equal(['deployment.zip', 'sam.json', 'swagger.json']);
    const sam = JSON.parse(files.get('sam.json')!.toString('utf8'));
    expect(sam.Resources).to.not.have.property('ManagedLayer');
    expect(sam.Resources.APIHandler.Properties).to.not.have.property('Layers');
  });
});
