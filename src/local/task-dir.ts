/**
 * The directory the app runs from in local mode, laid out like deployment.zip unpacked in
 * Lambda's /var/task: the bundle as `app.js`, `lib/` assets and the contents of `vendor/` at
 * the root (as symlinks to the project's files, chosen by the packager's own rules), and
 * `node_modules` linking to the project's. Code that reads files relative to `__dirname`
 * then finds them where it will on Lambda.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { collectProjectFiles } from '../compiler/package/project-files';

export interface TaskDir {
  dir: string;
  /** `<dir>/app.js`, holding the bundle. */
  bundleFile: string;
  remove(): void;
}

/** A fresh task directory for `bundle` of the project at `projectDir`. */
export function createTaskDir(projectDir: string, bundle: Uint8Array): TaskDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-local-'));
  const bundleFile = path.join(dir, 'app.js');
  fs.writeFileSync(bundleFile, bundle);
  for (const file of collectProjectFiles({ projectDir }).files) {
    const target = path.join(dir, ...file.zipPath.split('/'));
    if (target === bundleFile) continue; // the packager reports this clash (APPC406); the bundle wins here
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.symlinkSync(file.diskPath, target);
  }
  const modules = path.join(projectDir, 'node_modules');
  if (fs.existsSync(modules) && !fs.existsSync(path.join(dir, 'node_modules')))
    fs.symlinkSync(modules, path.join(dir, 'node_modules'), 'dir');
  return { dir, bundleFile, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
