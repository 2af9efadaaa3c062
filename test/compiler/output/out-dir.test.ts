import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  APPC_OUTPUTS,
  filesystemProblem,
  foreignEntries,
  outDirProblem,
  realOutPath,
} from '../../../src/compiler/output/out-dir';

/** A new temporary directory (its real path: os.tmpdir() may be a symbolic link). */
function tempDir(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'appc-out-dir-')));
}

describe('out-dir', () => {
  describe('outDirProblem', () => {
    it('accepts a new directory, an empty one, and a previous output of appc package', () => {
      const dir = tempDir();
      const project = path.join(dir, 'project');
      fs.mkdirSync(project);
      expect(outDirProblem(path.join(dir, 'new', 'out'), project)).to.equal(undefined);
      fs.mkdirSync(path.join(dir, 'empty'));
      expect(outDirProblem(path.join(dir, 'empty'), project)).to.equal(undefined);
      fs.mkdirSync(path.join(dir, 'previous'));
      for (const name of APPC_OUTPUTS) fs.writeFileSync(path.join(dir, 'previous', name), '');
      expect(outDirProblem(path.join(dir, 'previous'), project)).to.equal(undefined);
    });

    it('APPC440 (usage) for an empty OUT', () => {
      expect(outDirProblem('  ', tempDir())).to.deep.equal({
        code: 'APPC440',
        kind: 'usage',
        message: 'OUT is empty',
        remedy: 'Pass the path of a directory as OUT, e.g. appc package out.',
      });
    });

    it('APPC441 (usage) for a file, and for a path below a file', () => {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'file'), '');
      const file = outDirProblem(path.join(dir, 'file'), dir);
      expect([file?.code, file?.kind, file?.message]).to.deep.equal([
        'APPC441',
        'usage',
        `OUT ${path.join(dir, 'file')} is a file`,
      ]);
      const below = outDirProblem(path.join(dir, 'file', 'a', 'out'), dir);
      expect(below?.message).to.equal(
        `OUT ${path.join(dir, 'file', 'a', 'out')} is below ${path.join(dir, 'file')}, which is a file`,
      );
    });

    it('APPC442 (usage) for the project directory and for a directory containing it, also through a link', () => {
      const dir = tempDir();
      const project = path.join(dir, 'project');
      fs.mkdirSync(project);
      fs.symlinkSync(project, path.join(dir, 'link'));
      const itself = outDirProblem(path.join(dir, 'link'), project);
      expect([itself?.code, itself?.kind]).to.deep.equal(['APPC442', 'usage']);
      expect(itself?.message).to.equal(
        `OUT ${path.join(dir, 'link')} is the project directory; appc replaces OUT as a whole`,
      );
      const parent = outDirProblem(dir, project);
      expect(parent?.message).to.equal(
        `OUT ${dir} contains the project directory ${project}; appc replaces OUT as a whole`,
      );
      // A sibling whose name starts with the project's is not a parent.
      expect(outDirProblem(path.join(dir, 'proj'), project)).to.equal(undefined);
    });

    it('APPC443 (usage) for a directory holding anything appc does not write', () => {
      const dir = tempDir();
      fs.mkdirSync(path.join(dir, 'out', 'sam.json'), { recursive: true }); // a directory named like an output
      fs.writeFileSync(path.join(dir, 'out', 'deployment.zip'), '');
      fs.writeFileSync(path.join(dir, 'out', 'notes.txt'), '');
      const problem = outDirProblem(path.join(dir, 'out'), path.join(dir, 'project'));
      expect(problem).to.deep.equal({
        code: 'APPC443',
        kind: 'usage',
        message: `OUT ${path.join(dir, 'out')} holds notes.txt, sam.json/, which appc did not write; appc replaces OUT as a whole and would delete them`,
        remedy: `Move them out of ${path.join(dir, 'out')}, or pass another directory as OUT.`,
      });
    });
  });

  it('foreignEntries lists five entries, sorted, and counts the rest', () => {
    const dir = tempDir();
    for (const name of ['g', 'f', 'e', 'd', 'c', 'b', 'a', 'sam.yaml']) fs.writeFileSync(path.join(dir, name), '');
    expect(foreignEntries('out', dir)?.message).to.equal(
      'OUT out holds a, b, c, d, e, and 2 more, which appc did not write; appc replaces OUT as a whole and would delete them',
    );
  });

  describe('realOutPath', () => {
    it('resolves a link to a directory, keeping the missing part of the path', () => {
      const dir = tempDir();
      fs.mkdirSync(path.join(dir, 'real'));
      fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'link'));
      expect(realOutPath(path.join(dir, 'link'))).to.deep.equal({ path: path.join(dir, 'real'), exists: true });
      expect(realOutPath(path.join(dir, 'link', 'a', 'out'))).to.deep.equal({
        path: path.join(dir, 'real', 'a', 'out'),
        exists: false,
      });
    });
  });

  describe('filesystemProblem', () => {
    it('APPC444 naming the path, the errno code in words and a remedy for it', () => {
      const cause = Object.assign(new Error('EACCES: permission denied, open'), {
        code: 'EACCES',
        path: '/x/out/sam.json',
      });
      expect(filesystemProblem(cause, '/x/out')).to.deep.equal({
        code: 'APPC444',
        kind: 'filesystem',
        message: 'cannot write /x/out/sam.json (EACCES, permission denied); OUT was left as it was',
        remedy: 'Make the directory writable for this user, or pass another OUT.',
      });
    });

    it('falls back to the given path, the error message and a general remedy', () => {
      const unknownCode = Object.assign(new Error('EWEIRD: something odd'), { code: 'EWEIRD' });
      expect(filesystemProblem(unknownCode, '/x/out')).to.include({
        message: 'cannot write /x/out (EWEIRD, EWEIRD: something odd); OUT was left as it was',
        remedy: 'Fix the path and run again.',
      });
      expect(filesystemProblem(new Error('no code'), '/x').message).to.equal(
        'cannot write /x (no code); OUT was left as it was',
      );
    });
  });
});
