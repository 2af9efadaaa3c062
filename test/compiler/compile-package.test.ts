import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { packageProject } from '../../src/compiler/compile';
import { serializeTemplate } from '../../src/compiler/emit/serialize-template';
import { FIXTURES_DIR } from '../support/fixtures';

/** A copy of fixtures/hello without its goldens, with `files` (relative path -> content) added. */
function helloWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-compile-package-'));
  fs.cpSync(path.join(FIXTURES_DIR, 'hello'), dir, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}expected`),
  });
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('appc package: the template, emitted while esbuild bundles', function () {
  this.timeout(60000);
  const temps: string[] = [];
  after(() => temps.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  const project = (files: Record<string, string>) => {
    const dir = helloWith(files);
    temps.push(dir);
    return dir;
  };
  const text = (files: { name: string; data: Uint8Array | string }[] | undefined, name: string) =>
    files?.find((file) => file.name === name)?.data as string;

  it('writes sam.json with the swagger document as swagger.json has it', async () => {
    const result = await packageProject({ projectDir: project({}), stage: 'dev', templateFormat: 'json' });
    const sam = text(result.files, 'sam.json');
    const swagger = text(result.files, 'swagger.json');
    expect(serializeTemplate(JSON.parse(sam))).to.equal(sam);
    expect(JSON.parse(sam).Resources.RestAPI.Properties.DefinitionBody).to.deep.equal(JSON.parse(swagger));
  });

  it('writes the merge template over the swagger document in sam.json, and swagger.json as emitted', async () => {
    const merge = { Resources: { RestAPI: { Properties: { DefinitionBody: { info: { title: 'caf\u00e9' } } } } } };
    const dir = project({ 'merge.json': JSON.stringify(merge) });
    const options = { projectDir: dir, stage: 'dev', templateFormat: 'json' as const };
    const result = await packageProject({ ...options, mergeTemplate: path.join(dir, 'merge.json') });
    const sam = text(result.files, 'sam.json');
    const swagger = JSON.parse(text(result.files, 'swagger.json'));
    expect(serializeTemplate(JSON.parse(sam))).to.equal(sam);
    expect(sam).to.contain('"title": "caf\\u00e9"');
    expect(swagger.info.title).to.not.equal('caf\u00e9');
    expect(JSON.parse(sam).Resources.RestAPI.Properties.DefinitionBody).to.deep.equal({
      ...swagger,
      info: { ...swagger.info, title: 'caf\u00e9' },
    });
  });

  it('emits no ManagedLayer with automatic_layer when no dependency is shipped, and writes no layer zip', async () => {
    const config = { version: '2.0', automatic_layer: true };
    const dir = project({ '.appc/config.json': JSON.stringify(config) });
    const result = await packageProject({ projectDir: dir, stage: 'dev', templateFormat: 'json' });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
    expect(result.files?.map((file) => file.name)).to.deep.equal(['sam.json', 'swagger.json', 'deployment.zip']);
    expect(Object.keys(JSON.parse(text(result.files, 'sam.json')).Resources)).to.not.include('ManagedLayer');
  });

  it("reports the zip's errors alone, as when the template was emitted after the zip", async () => {
    // A merge template that breaks the resource specification (APPC410)...
    const merge = { Resources: { RestAPI: { Properties: { StageName: { Bad: 1 } } } } };
    const dir = project({ 'merge.json': JSON.stringify(merge) });
    const options = {
      projectDir: dir,
      stage: 'dev',
      templateFormat: 'json' as const,
      mergeTemplate: path.join(dir, 'merge.json'),
    };
    const labels = (result: { timings: [string, number][] }) => result.timings.map(([label]) => label);
    const rejected = await packageProject(options);
    expect(rejected.diagnostics.map((d) => d.code)).to.include('APPC410');
    expect(labels(rejected)).to.include('Emitting the SAM template and swagger');
    // ... and a vendor/ file named like the bundle (APPC406): the zip's error only.
    fs.mkdirSync(path.join(dir, 'vendor'));
    fs.writeFileSync(path.join(dir, 'vendor', 'app.js'), 'clash');
    const broken = await packageProject(options);
    expect(broken.files).to.equal(undefined);
    expect(broken.diagnostics.map((d) => d.code)).to.deep.equal(['APPC406']);
    expect(labels(broken)).to.include('Building deployment.zip');
    expect(labels(broken)).to.not.include('Emitting the SAM template and swagger');
  });
});
