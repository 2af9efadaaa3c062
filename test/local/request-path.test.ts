import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { REPO_ROOT } from '../support/fixtures';

/**
 * `appc local` answers requests with src/local/handle-request.ts and its function instances
 * (instance-worker.ts in worker threads); the compiler loads only to (re)load the app. Loading
 * the request path in a fresh process must not pull TypeScript, the analyzer or esbuild in.
 */
describe('appc local: the request path', () => {
  for (const entry of ['local/handle-request.js', 'local/instance-worker.js']) {
    it(`loads no compiler: dist/${entry}`, function () {
      const file = path.join(REPO_ROOT, 'dist', entry);
      if (!fs.existsSync(file)) throw new Error('dist/ is missing: run `npm run build` (make test does) first');
      // instance-worker.js waits for its parent's messages: loading it outside a worker only defines things.
      const script = `require(${JSON.stringify(file)}); console.log(JSON.stringify(Object.keys(require.cache)));`;
      const result = spawnSync(process.execPath, ['-e', script], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '' },
      });
      expect(result.status, result.stderr).to.equal(0);
      const loaded = JSON.parse(result.stdout) as string[];
      expect(loaded.length).to.be.greaterThan(1);
      expect(loaded.filter((f) => /typescript|ts-morph|esbuild|[\\/]compiler[\\/]analyze[\\/]/.test(f))).to.deep.equal(
        [],
      );
    });
  }
});
