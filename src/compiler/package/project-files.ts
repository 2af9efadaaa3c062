import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareStrings } from './zip';

/** A file to put in the zip: where it goes (`zipPath`, POSIX) and where it is on disk. */
export interface FileSource {
  zipPath: string;
  diskPath: string;
  executable: boolean;
}

/** Already compiled into app.js, so never shipped as source. */
const CODE = /\.(ts|tsx|mts|cts)$/;
const SKIPPED_DIRS = new Set(['.git', '.appc', 'node_modules', 'test', 'tests', '__tests__']);
const SECRETS = /^\.env|\.(pem|key)$/;

/**
 * The project's own files for deployment.zip, sorted by zip path: `lib/**` as `lib/...`
 * (assets only: its TypeScript is in the bundle) and the contents of `vendor/` at the root.
 * Never secrets (`.env*`, `*.pem`, `*.key`), `.git`, `.appc`, `node_modules` or test folders.
 */
export function collectProjectFiles(projectDir: string): FileSource[] {
  const lib = walkFiles(path.join(projectDir, 'lib'), 'lib/').filter((f) => !CODE.test(f.zipPath));
  const vendor = walkFiles(path.join(projectDir, 'vendor'), '');
  return [...lib, ...vendor].sort((a, b) => compareStrings(a.zipPath, b.zipPath));
}

/** Which directories and files a walk leaves out, by name. */
export interface WalkFilter {
  skipDir(name: string): boolean;
  skipFile(name: string): boolean;
}

const PROJECT_FILTER: WalkFilter = {
  skipDir: (name) => SKIPPED_DIRS.has(name),
  skipFile: (name) => SECRETS.test(name),
};

/**
 * Every regular file under `dir`, mapped to `prefix + relative path`, in code-unit
 * order. Symlinks are followed; a link back to an enclosing directory is not.
 */
export function walkFiles(dir: string, prefix: string, filter: WalkFilter = PROJECT_FILTER): FileSource[] {
  const files: FileSource[] = [];
  const visit = (diskDir: string, zipDir: string, enclosing: ReadonlySet<string>) => {
    const real = fs.realpathSync(diskDir);
    if (enclosing.has(real)) return;
    const inside = new Set(enclosing).add(real);
    for (const name of fs.readdirSync(diskDir).sort(compareStrings)) {
      const diskPath = path.join(diskDir, name);
      const stat = statOrUndefined(diskPath);
      if (stat?.isDirectory() && !filter.skipDir(name)) visit(diskPath, `${zipDir}${name}/`, inside);
      if (stat?.isFile() && !filter.skipFile(name)) {
        files.push({ zipPath: `${zipDir}${name}`, diskPath, executable: (stat.mode & 0o111) !== 0 });
      }
    }
  };
  if (statOrUndefined(dir)?.isDirectory()) visit(dir, prefix, new Set());
  return files;
}

/** `fs.statSync` following symlinks; `undefined` for a dangling link. */
function statOrUndefined(file: string): fs.Stats | undefined {
  return fs.statSync(file, { throwIfNoEntry: false });
}
