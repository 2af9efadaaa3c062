import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { bundleCli, CLI_BUNDLE } from '../../src/cli/cli-bundle';

/** A dist/ with a cli/main.js that loads a module of another folder, which reports its own paths and mode. */
function fakeDist(): string {
  const dist = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'appc-cli-bundle-')), 'dist');
  const files: Record<string, string> = {
    'cli/main.js':
      `"use strict";\nexports.where = () => require("../compiler/where.js");\nexports.zip = () => require("fflate");\n` +
      `exports.ts = () => require("@ts-morph/common/dist/typescript.js");\n`,
    'compiler/where.js':
      `"use strict";\n// __dirname and __filename name this module's folder and file.\n` +
      `exports.dir = __dirname;\nexports.file = __filename;\nexports.strict = (function () { return this === undefined; })();\n`,
  };
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    fs.writeFileSync(path.join(dist, file), text);
  }
  return dist;
}

describe('the CLI bundle (cli-bundle.ts)', () => {
  it("keeps each module's own __dirname, __filename and strict mode, and leaves packages to require", async () => {
    const dist = fakeDist();
    try {
      await bundleCli(dist);
      const bundle = path.join(dist, CLI_BUNDLE);
      const { where } = require(bundle) as { where: () => { dir: string; file: string; strict: boolean } };
      expect(where()).to.deep.equal({
        dir: path.join(dist, 'compiler'),
        file: path.join(dist, 'compiler', 'where.js'),
        strict: true,
      });
      const text = fs.readFileSync(bundle, 'utf8');
      expect(text).to.contain('require("fflate")');
      // TypeScript, as its minified copy in dist/vendor (minified-typescript.ts).
      expect(text).to.contain('require("../vendor/typescript.js")');
      expect(text).not.to.contain('@ts-morph/common');
      expect(fs.readdirSync(path.dirname(bundle)).filter((f) => f.endsWith('.tmp'))).to.deep.equal([]);
    } finally {
      fs.rmSync(path.dirname(dist), { recursive: true, force: true });
    }
  });
});
