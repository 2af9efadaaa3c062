import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleApp } from '../../../src/compiler/package/bundle-app';
import { mayBreakImportPolicy, packageName } from '../../../src/compiler/package/import-policy';
import type { Metafile } from 'esbuild';
import type { AppModel } from '../../../src/compiler/model/app-model';
import { plant, projectModel, tempDir } from './zip-project';

const emptyModel = (): AppModel => ({ ...projectModel(), routes: [], functions: [] });

/** A project with `app.ts`, a package.json declaring `declared`, and installed packages `installed`. */
function project(app: string, declared: string[], installed: string[], extra: Record<string, string> = {}): string {
  const dir = tempDir('imports');
  fs.writeFileSync(path.join(dir, 'app.ts'), app);
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'x', dependencies: Object.fromEntries(declared.map((d) => [d, '1.0.0'])) }),
  );
  for (const name of installed) {
    plant(dir, [`node_modules/${name}/index.js`]);
    fs.writeFileSync(path.join(dir, `node_modules/${name}/package.json`), JSON.stringify({ name, version: '1.0.0' }));
  }
  for (const [file, text] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

async function diagnostics(dir: string, declared: string[], awsSdkProvided = true): Promise<string[]> {
  const external = [...declared, ...(awsSdkProvided ? ['@aws-sdk/*'] : [])];
  const result = await bundleApp({
    projectDir: dir,
    model: emptyModel(),
    external,
    imports: { projectReal: fs.realpathSync(dir), declared, awsSdkProvided },
  });
  return 'diagnostics' in result
    ? result.diagnostics.map(
        (d) => `${d.location?.file}:${d.location?.line}:${d.location?.column} ${d.code} ${d.message} | ${d.remedy}`,
      )
    : [];
}

const APP_HEAD = "import { App } from 'appc';\nexport const app = new App({ appName: 'x' });\n";

describe("the import policy: what the app's code may import", () => {
  it('reports each import of an installed package that package.json does not declare, at the import, with the fix', async () => {
    const app = `${APP_HEAD}import dev from 'devtool';\nconst t = require('transitive/sub/path');\nimport ok from 'declared';\nexport const used = [dev, t, ok];\n`;
    const dir = project(app, ['declared'], ['devtool', 'transitive', 'declared']);
    plant(dir, ['node_modules/transitive/sub/path.js']);
    expect(await diagnostics(dir, ['declared'])).to.deep.equal([
      'app.ts:3:17 APPC420 package devtool is imported but is not in package.json `dependencies`: it would be bundled from wherever it happens to be installed | Run `npm install --save devtool` so it is a production dependency.',
      'app.ts:4:19 APPC420 package transitive is imported but is not in package.json `dependencies`: it would be bundled from wherever it happens to be installed | Run `npm install --save transitive` so it is a production dependency.',
    ]);
  });

  it('allows Node built-ins (bare and node:), appc, @aws-sdk/* from the Lambda runtime, and relative imports', async () => {
    const app =
      `${APP_HEAD}import * as fs from 'fs';\nimport { readFile } from 'fs/promises';\nimport * as p from 'node:path';\nimport { test } from 'node:test';\n` +
      `import { S3Client } from '@aws-sdk/client-s3';\nimport { helper } from './lib/helper';\nexport const used = [fs, readFile, p, test, S3Client, helper];\n`;
    const dir = project(app, [], [], { 'lib/helper.ts': 'export const helper = 1;\n' });
    expect(await diagnostics(dir, [])).to.deep.equal([]);
  });

  it('requires @aws-sdk/* to be declared when the app bundles it (bundle_aws_sdk)', async () => {
    const app = `${APP_HEAD}import { S3Client } from '@aws-sdk/client-s3';\nexport const used = S3Client;\n`;
    const dir = project(app, [], ['@aws-sdk/client-s3']);
    expect(await diagnostics(dir, [], false)).to.deep.equal([
      'app.ts:3:26 APPC420 package @aws-sdk/client-s3 is imported but is not in package.json `dependencies`: it would be bundled from wherever it happens to be installed | Run `npm install --save @aws-sdk/client-s3` so it is a production dependency.',
    ]);
    expect(await diagnostics(dir, ['@aws-sdk/client-s3'], false)).to.deep.equal([]);
  });

  it("allows a tsconfig `paths` alias that resolves to the project's own files", async () => {
    const app = `${APP_HEAD}import { helper } from '@app/helper';\nexport const used = helper;\n`;
    const dir = project(app, [], [], {
      'src/helper.ts': 'export const helper = 1;\n',
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@app/*': ['src/*'] } } }),
    });
    expect(await diagnostics(dir, [])).to.deep.equal([]);
    // The alias looks like an undeclared package, so the build is made again with the plugin: the same bytes.
    const checked = await bundleApp({
      projectDir: dir,
      model: emptyModel(),
      external: ['@aws-sdk/*'],
      imports: { projectReal: fs.realpathSync(dir), declared: [], awsSdkProvided: true },
    });
    const unchecked = await bundleApp({ projectDir: dir, model: emptyModel(), external: ['@aws-sdk/*'] });
    expect(
      'code' in checked && 'code' in unchecked && Buffer.from(checked.code).equals(Buffer.from(unchecked.code)),
    ).to.equal(true);
  });

  it('reports an import of a file the deny list keeps out of deployment.zip (it would be inlined into app.js)', async () => {
    const app = `${APP_HEAD}import account from './lib/service-account.json';\nimport data from './lib/data.json';\nexport const used = [account, data];\n`;
    const dir = project(app, [], [], { 'lib/service-account.json': '{"private_key":"x"}', 'lib/data.json': '{}' });
    expect(await diagnostics(dir, [])).to.deep.equal([
      'app.ts:3:21 APPC421 this imports lib/service-account.json, a credentials file that deployment.zip never contains: it would be bundled into app.js | ' +
        'Do not ship it in code: read it at run time from AWS Secrets Manager, SSM Parameter Store or an environment variable.',
    ]);
  });

  describe('mayBreakImportPolicy: whether a build made without the plugin needs it', () => {
    const policy = { projectReal: '/work/app', declared: ['lodash'], awsSdkProvided: true };
    const input = (...imports: Metafile['inputs'][string]['imports']) => ({ bytes: 1, imports });
    const clean: Metafile = {
      outputs: {},
      inputs: {
        '<stdin>': input(
          { path: 'app.ts', kind: 'import-statement', original: './app.ts' },
          { path: '../../appc/runtime/index.ts', kind: 'import-statement', original: 'appc' },
        ),
        'app.ts': input(
          { path: 'lib/util.ts', kind: 'import-statement', original: './lib/util' },
          { path: 'lodash', kind: 'require-call', original: 'lodash', external: true },
          { path: '@aws-sdk/client-s3', kind: 'import-statement', original: '@aws-sdk/client-s3', external: true },
          { path: 'node:fs', kind: 'import-statement', original: 'node:fs', external: true },
          { path: '<runtime>', kind: 'import-statement', external: true },
        ),
        'lib/util.ts': input(),
        // A dependency's and appc's own modules are not the app's code.
        'node_modules/lodash/index.js': input({
          path: 'node_modules/undeclared/index.js',
          kind: 'require-call',
          original: 'undeclared',
        }),
        '../../appc/runtime/index.ts': input({
          path: 'node_modules/undeclared/index.js',
          kind: 'import-statement',
          original: 'undeclared',
        }),
      },
    };
    const withInputs = (inputs: Metafile['inputs']): Metafile => ({
      outputs: {},
      inputs: { ...clean.inputs, ...inputs },
    });

    it('is false when every import of the app is allowed and no bundled file of the project is denied', () => {
      expect(mayBreakImportPolicy(policy, clean, '/work/app')).to.equal(false);
    });

    it('is true for an app import of a package that is not declared, even one that resolves into the project', () => {
      expect(
        mayBreakImportPolicy(
          policy,
          withInputs({
            'lib/util.ts': input({
              path: 'node_modules/devtool/index.js',
              kind: 'import-statement',
              original: 'devtool',
            }),
          }),
          '/work/app',
        ),
      ).to.equal(true);
      expect(
        mayBreakImportPolicy(
          policy,
          withInputs({
            'lib/util.ts': input({ path: 'src/helper.ts', kind: 'import-statement', original: '@app/helper' }),
          }),
          '/work/app',
        ),
      ).to.equal(true);
      expect(mayBreakImportPolicy({ ...policy, awsSdkProvided: false }, clean, '/work/app')).to.equal(true);
    });

    it('is true when a file of the project that the deny list keeps out is bundled', () => {
      expect(mayBreakImportPolicy(policy, withInputs({ 'lib/service-account.json': input() }), '/work/app')).to.equal(
        true,
      );
    });

    it('is true for an import it cannot name (no original specifier)', () => {
      expect(
        mayBreakImportPolicy(
          policy,
          withInputs({ 'lib/util.ts': input({ path: 'lib/other.ts', kind: 'import-statement' }) }),
          '/work/app',
        ),
      ).to.equal(true);
    });
  });

  it('names the package of an import', () => {
    expect(
      ['yaml', 'yaml/util', '@scope/pkg/deep/x', 'fs/promises', 'node:fs', './x', '../x', '/abs', '#internal'].map(
        packageName,
      ),
    ).to.deep.equal([
      'yaml',
      'yaml',
      '@scope/pkg',
      'fs/promises',
      'node:fs',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
