import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { REPO_ROOT } from '../support/fixtures';

const BIN = path.join(REPO_ROOT, 'bin', 'appc.js');

/** An app whose one route has `path` and `options` as written. */
function appWith(path: string, options = '{}', before = ''): string {
  return `import { App } from 'appc';\nexport const app = new App({ appName: 'deep' });\n${before}app.route(${path}, ${options}, () => ({}));\n`;
}

const DEPTH = 5000;
const CASES: Array<{ name: string; app: string; expect: RegExp }> = [
  // TypeScript's own parser recurses per level and overflows near 600-900 levels: a diagnostic at the file.
  {
    name: 'an options object nested 5,000 deep',
    app: appWith("'/'", `{ name: 'n', x: ${'{ a: '.repeat(DEPTH)}1${' }'.repeat(DEPTH)} }`),
    expect:
      /^app\.ts:1:1 - error APPC223: TypeScript's parser ran out of stack on this file: its code nests too deeply$/m,
  },
  {
    name: 'an array literal nested 5,000 deep',
    app: appWith("'/'", `{ methods: ${'['.repeat(DEPTH)}'GET'${']'.repeat(DEPTH)} as never }`),
    expect: /^app\.ts:1:1 - error APPC223: /m,
  },
  {
    name: 'a path parenthesised 5,000 deep',
    app: appWith(`${'('.repeat(DEPTH)}'/'${')'.repeat(DEPTH)}`),
    expect: /^app\.ts:1:1 - error APPC223: /m,
  },
  // TypeScript parses these; appc stops at its own limit, at the node.
  {
    name: "a path of 20,000 '+' terms",
    app: appWith(Array(20000).fill("'a'").join(' + ')),
    expect: /^app\.ts:3:11 - error APPC222: this code is nested more than 500 levels deep, deeper than appc analyses$/m,
  },
  {
    name: 'an array literal nested 550 deep',
    app: appWith("'/'", `{ methods: ${'['.repeat(550)}'GET'${']'.repeat(550)} as never }`),
    expect: /^app\.ts:3:\d+ - error APPC222: /m,
  },
  {
    name: 'a path built through 5,000 consts',
    app: appWith(
      'p4999',
      '{}',
      `const p0 = '/a';\n${Array.from({ length: 4999 }, (_, i) => `const p${i + 1} = p${i} + 'a';`).join('\n')}\n`,
    ),
    expect:
      /^app\.ts:5003:11 - error APPC203: route path must be a string known at compile time: this value is nested deeper than 400 levels/m,
  },
];

describe('appc package on apps nested thousands of levels deep', function () {
  this.timeout(120000);
  for (const c of CASES) {
    it(`${c.name}: exit 1, a diagnostic, no stack trace, OUT not created`, () => {
      if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'cli', 'main.js')))
        throw new Error('dist/ is missing: run `npm run build` first');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-deep-'));
      try {
        fs.writeFileSync(path.join(dir, 'app.ts'), c.app);
        fs.writeFileSync(
          path.join(dir, 'package.json'),
          '{ "name": "deep", "version": "1.0.0", "private": true, "dependencies": {} }\n',
        );
        const out = path.join(dir, 'out');
        const result = spawnSync(process.execPath, [BIN, 'package', out, '--project-dir', dir], {
          encoding: 'utf8',
          env: { PATH: process.env.PATH ?? '' },
        });
        expect(result.status, result.stderr.slice(0, 2000)).to.equal(1);
        expect(result.stderr).to.match(c.expect);
        expect(result.stderr).to.not.match(/internal error|RangeError|Maximum call stack|\n\s+at /);
        expect(result.stderr.length, 'code frames of huge lines are cut').to.be.below(4000);
        expect(fs.existsSync(out)).to.equal(false);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
