import * as fs from 'node:fs';
import * as path from 'node:path';
import { filesystemProblem, type OutProblem } from './out-dir';

/** A file written under a temporary name beside its place, not yet renamed into it. */
export interface StagedFile {
  /** Renames it into place (one rename: readers see the old file or the new one). */
  commit(): OutProblem | undefined;
  /** Removes it, leaving the place as it was. */
  discard(): void;
}

/**
 * Writes `data` beside `file` (creating its directory), so that a command writing OUT and a second file can
 * write both or neither: stage the file, write OUT, then commit the file (or discard it when OUT failed).
 */
export function stageFile(file: string, data: string): StagedFile | { problem: OutProblem } {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.appc-${process.pid}`);
  try {
    if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
      throw Object.assign(new Error('is a directory'), { code: 'EISDIR', path: file });
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temp, data);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    return { problem: filesystemProblem(e, file) };
  }
  return {
    commit: () => {
      try {
        fs.renameSync(temp, file);
        return undefined;
      } catch (e) {
        fs.rmSync(temp, { force: true });
        return filesystemProblem(e, file);
      }
    },
    discard: () => fs.rmSync(temp, { force: true }),
  };
}
