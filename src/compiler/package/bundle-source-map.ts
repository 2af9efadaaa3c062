import * as fs from 'node:fs';
import * as path from 'node:path';
import { RUNTIME_SOURCE_DIR } from '../runtime-location';
import { dropNames } from './source-map-mappings';

/** A source map (revision 3) as esbuild writes it, without `sourcesContent`. https://tc39.es/ecma426/ */
export interface SourceMapJson {
  version: 3;
  sources: string[];
  names: string[];
  mappings: string;
}

/** The generated entry module's name for esbuild (its stdin). */
export const ENTRY_FILE = 'appc-entry.js';

/**
 * Where the names of appc's own sources start: a URL scheme, so that Node prints them as it finds them
 * (`at dispatch (appc:runtime/api-handler.ts:80:20)`, like its own `node:internal/...` frames) rather than as
 * files beside app.js, and so that a reader tells appc's frames from the app's.
 */
export const APPC_SOURCE_PREFIX = 'appc:';

/**
 * esbuild's map with its sources named the same on every machine: the project's files by their POSIX path
 * relative to the project (`app.ts`, `lib/db.ts`; beside app.js.map in deployment.zip, which is where Node then
 * says they are), appc's runtime as `appc:runtime/<file>` and the generated entry as `appc:entry.js`. Without
 * names: Node names a frame by the name its caller's position maps to, which for a handler is whatever the runtime
 * passed it (`at event (app.ts:8:95)`); without them it keeps V8's name (`at Object.handler (app.ts:8:95)`).
 */
export function portableSourceMap(text: string, projectDir: string): SourceMapJson {
  const map = JSON.parse(text) as SourceMapJson & { sourcesContent?: unknown };
  const projectReal = realPath(projectDir);
  const runtimeReal = realPath(RUNTIME_SOURCE_DIR);
  const sources = map.sources.map((source) => {
    if (source === ENTRY_FILE || source === '<stdin>') return `${APPC_SOURCE_PREFIX}entry.js`;
    const file = path.resolve(projectDir, source);
    const runtime = inside(runtimeReal, file) ?? inside(RUNTIME_SOURCE_DIR, file);
    if (runtime !== undefined) return `${APPC_SOURCE_PREFIX}runtime/${runtime}`;
    return inside(projectReal, file) ?? inside(projectDir, file) ?? toPosix(path.relative(projectReal, file));
  });
  return { version: 3, sources, names: [], mappings: dropNames(map.mappings) };
}

/** `file`'s POSIX path relative to `dir` when it is inside it. */
function inside(dir: string, file: string): string | undefined {
  const relative = path.relative(dir, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : toPosix(relative);
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

function realPath(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return dir;
  }
}
