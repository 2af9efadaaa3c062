import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { writeOutput } from '../../../src/compiler/output/write-output';

function tempOut(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'appc-write-')), 'out');
}

const FILES = [
  { name: 'sam.json', data: '{"new": true}' },
  { name: 'deployment.zip', data: new Uint8Array([1, 2, 3]) },
];

/**
 * Makes `fs[name]` throw `code` on the `nth` call (1-based) whose first argument ends with `suffix`, for the length of
 * `run`.
 */
async function failing<T>(
  name: 'renameSync' | 'writeFileSync',
  code: string,
  nth: number,
  suffix: string,
  run: () => Promise<T>,
): Promise<T> {
  // The module object itself: `import * as fs` is a read-only view of it.
  const real = require('node:fs') as Record<string, unknown>;
  const original = real[name] as (...args: unknown[]) => unknown;
  let calls = 0;
  real[name] = (...args: unknown[]) => {
    if (String(args[0]).endsWith(suffix) && ++calls === nth)
      throw Object.assign(new Error(`${code}: injected`), {
        code,
        syscall: name.replace('Sync', ''),
        path: String(args[0]),
      });
    return original(...args);
  };
  try {
    return await run();
  } finally {
    real[name] = original;
  }
}

describe('writeOutput: OUT as one unit', () => {
  it('writes each file with its exact bytes, and a new OUT with the mode umask gives a new directory', async () => {
    const out = tempOut();
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff]);
    expect(
      await writeOutput(out, [
        { name: 'sam.json', data: '{"é": 1}\n' },
        { name: 'deployment.zip', data: zip },
      ]),
    ).to.equal(undefined);
    expect(fs.readdirSync(out).sort()).to.deep.equal(['deployment.zip', 'sam.json']);
    expect(fs.readFileSync(path.join(out, 'sam.json'))).to.deep.equal(Buffer.from('{"é": 1}\n', 'utf8'));
    expect(fs.readFileSync(path.join(out, 'deployment.zip'))).to.deep.equal(Buffer.from(zip));
    expect(fs.statSync(out).mode & 0o7777).to.equal(0o777 & ~process.umask());
    expect(fs.readdirSync(path.dirname(out)), 'no staging directory or lock left').to.deep.equal(['out']);
  });

  it('replaces a previous OUT whole, keeping its mode: outputs not written again are gone', async () => {
    const out = tempOut();
    fs.mkdirSync(out);
    fs.chmodSync(out, 0o750);
    fs.writeFileSync(path.join(out, 'sam.json'), 'old');
    fs.writeFileSync(path.join(out, 'swagger.json'), 'old');
    expect(await writeOutput(out, FILES)).to.equal(undefined);
    expect(fs.readdirSync(out).sort()).to.deep.equal(['deployment.zip', 'sam.json']);
    expect(fs.readFileSync(path.join(out, 'sam.json'), 'utf8')).to.equal('{"new": true}');
    expect(fs.statSync(out).mode & 0o7777).to.equal(0o750);
  });

  it('refuses an OUT holding a file appc did not write (APPC443, checked under the lock) or that is a file (APPC441)', async () => {
    const out = tempOut();
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'notes.txt'), 'mine');
    const foreign = await writeOutput(out, FILES);
    expect([foreign?.code, foreign?.kind]).to.deep.equal(['APPC443', 'usage']);
    expect(fs.readdirSync(out)).to.deep.equal(['notes.txt']);

    const file = tempOut();
    fs.writeFileSync(file, 'a file');
    const problem = await writeOutput(file, FILES);
    expect([problem?.code, problem?.kind]).to.deep.equal(['APPC441', 'usage']);
    expect(fs.readFileSync(file, 'utf8')).to.equal('a file');
    expect(fs.readdirSync(path.dirname(file)), 'lock released').to.deep.equal(['out']);
  });

  it('a second run waits for the lock, and gives up with APPC445 naming the lock when it is not released', async () => {
    const out = tempOut();
    const lock = path.join(path.dirname(out), '.out.appc-lock');
    fs.mkdirSync(lock);
    fs.writeFileSync(path.join(lock, 'owner'), `${process.pid}\n`);
    const problem = await writeOutput(out, FILES, { lockWaitMs: 150 });
    expect(problem?.code).to.equal('APPC445');
    expect(problem?.message).to.contain(lock).and.contain(`process ${process.pid}`);
    expect(fs.existsSync(out)).to.equal(false);
    fs.rmSync(lock, { recursive: true });
    expect(await writeOutput(out, FILES, { lockWaitMs: 150 })).to.equal(undefined);
    expect(fs.readFileSync(path.join(out, 'sam.json'), 'utf8')).to.equal('{"new": true}');
  });

  it('takes over the lock of a run that died', async () => {
    const out = tempOut();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout;
    const lock = path.join(path.dirname(out), '.out.appc-lock');
    fs.mkdirSync(lock);
    fs.writeFileSync(path.join(lock, 'owner'), `${dead}\n`);
    expect(await writeOutput(out, FILES, { lockWaitMs: 150 })).to.equal(undefined);
    expect(fs.readdirSync(path.dirname(out))).to.deep.equal(['out']);
  });

  it('puts the old OUT back when the new one cannot be renamed into place', async () => {
    const out = tempOut();
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'sam.json'), 'old');
    // rename 1: old OUT aside; rename 2: new OUT in (fails); rename 3: old OUT back.
    const problem = await failing('renameSync', 'EXDEV', 2, '', () => writeOutput(out, FILES));
    expect(problem?.code).to.equal('APPC444');
    expect(problem?.message).to.contain('EXDEV');
    expect(fs.readdirSync(out)).to.deep.equal(['sam.json']);
    expect(fs.readFileSync(path.join(out, 'sam.json'), 'utf8')).to.equal('old');
    expect(fs.readdirSync(path.dirname(out)), 'no staging, backup or lock left').to.deep.equal(['out']);
  });

  for (const code of ['ENOSPC', 'EACCES', 'EISDIR', 'EEXIST']) {
    it(`reports ${code} while writing with the path, leaving OUT as it was`, async () => {
      const out = tempOut();
      fs.mkdirSync(out);
      fs.writeFileSync(path.join(out, 'sam.json'), 'old');
      const problem = await failing('writeFileSync', code, 1, 'deployment.zip', () => writeOutput(out, FILES));
      expect(problem?.code).to.equal('APPC444');
      expect(problem?.kind).to.equal('filesystem');
      expect(problem?.message).to.contain(`cannot write ${path.join(out, 'deployment.zip')} (${code}, `);
      expect(fs.readdirSync(out)).to.deep.equal(['sam.json']);
      expect(fs.readFileSync(path.join(out, 'sam.json'), 'utf8')).to.equal('old');
      expect(fs.readdirSync(path.dirname(out))).to.deep.equal(['out']);
    });
  }

  it('removes the staging and backup directories a killed run left', async () => {
    const out = tempOut();
    fs.mkdirSync(path.join(path.dirname(out), '.out.appc-new-abc123'));
    fs.mkdirSync(path.join(path.dirname(out), '.out.appc-old-999'));
    expect(await writeOutput(out, FILES)).to.equal(undefined);
    expect(fs.readdirSync(path.dirname(out))).to.deep.equal(['out']);
  });
});
