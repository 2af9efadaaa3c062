/**
 * The directory the app runs from in local mode, laid out like deployment.zip unpacked in
 * Lambda's /var/task: the bundle as `app.js`, `lib/` assets and the contents of `vendor/` at
 * the root (as symlinks to the project's files, chosen by the packager's own rules), and
 * `node_modules` linking to the project's. Code that reads files relative to `__dirname`
 * then finds them where it will on Lambda. The bundle's source map lies beside it as `app.js.map`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { APPC_SOURCE_PREFIX, type SourceMapJson } from '../compiler/package/bundle-source-map';
import type { Bundle } from '../compiler/package/bundle-app';
import { collectProjectFiles } from '../compiler/package/project-files';

export interface TaskDir {
  dir: string;
  /** `<dir>/app.js`, holding the bundle. */
  bundleFile: string;
  remove(): void;
}

/** A fresh task directory for `bundle` of the project at `projectDir`. */
export function createTaskDir(projectDir: string, bundle: Bundle): TaskDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-local-'));
  const bundleFile = path.join(dir, 'app.js');
  fs.writeFileSync(bundleFile, bundle.code);
  if (bundle.map) fs.writeFileSync(`${bundleFile}.map`, JSON.stringify(localSourceMap(bundle.map, projectDir)));
  for (const file of collectProjectFiles({ projectDir }).files) {
    const target = path.join(dir, ...file.zipPath.split('/'));
    if (target === bundleFile || target === `${bundleFile}.map`) continue; // the packager reports this clash (APPC406); the bundle wins here
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.symlinkSync(file.diskPath, target);
  }
  const modules = path.join(projectDir, 'node_modules');
  if (fs.existsSync(modules) && !fs.existsSync(path.join(dir, 'node_modules')))
    fs.symlinkSync(modules, path.join(dir, 'node_modules'), 'dir');
  return { dir, bundleFile, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The map with the project's sources as absolute file URLs: Node resolves a relative source against the map's
 * own place, here the task directory, and stack traces should name the files the user edits.
 */
function localSourceMap(map: SourceMapJson, projectDir: string): SourceMapJson {
  const sources = map.sources.map((source) =>
    source.startsWith(APPC_SOURCE_PREFIX) ? source : pathToFileURL(path.resolve(projectDir, source)).href,
  );
  return { ...map, sources };
}
