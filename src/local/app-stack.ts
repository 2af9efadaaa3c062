/**
 * A stack trace of the app's code as the user reads it. Function instances enable source maps (instance-worker.ts),
 * so a frame already names the `.ts` file, line and column; this keeps the frames in the project (its own files and
 * its packages), named relative to it, and drops appc's (`appc:runtime/...`, the worker) and Node's own.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceLocation } from '../compiler/model/app-model';

/** One `at ...` line of a V8 stack trace that names a place. */
interface Frame {
  name?: string;
  file: string;
  line: number;
  column: number;
}

/** `at name (place:line:col)` or `at place:line:col`; `place` may be a path or a URL. */
const FRAME = /^\s*at (?:(.*?) \()?(.+?):(\d+):(\d+)\)?$/;

function parseFrames(stack: string): Frame[] {
  return stack.split('\n').flatMap((text) => {
    const match = FRAME.exec(text);
    if (!match) return [];
    const file = match[2].startsWith('file://') ? fileURLToPath(match[2]) : match[2];
    return [{ name: match[1], file, line: Number(match[3]), column: Number(match[4]) }];
  });
}

/** The project-relative POSIX path of `file` when it is inside `projectDir`. */
function inProject(projectDir: string, file: string): string | undefined {
  if (!path.isAbsolute(file)) return undefined;
  const relative = path.relative(projectDir, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative.split(path.sep).join('/');
}

export interface AppStack {
  /** The first frame in the app's own files (not its packages): where the user should look. */
  location?: SourceLocation;
  /** `at ...` lines of the frames in the project, paths relative to it, in the stack's order. */
  frames: string[];
}

/**
 * The app's part of `stack` (an Error's `stack`, source-mapped).
 * @example appStack(error.stack, '/home/me/todo') // { location: { file: 'app.ts', line: 5, ... }, frames: [...] }
 */
export function appStack(stack: string | undefined, projectDir: string): AppStack {
  const frames: string[] = [];
  let location: SourceLocation | undefined;
  for (const frame of parseFrames(stack ?? '')) {
    const file = inProject(path.resolve(projectDir), frame.file);
    if (file === undefined) continue;
    const place = `${file}:${frame.line}:${frame.column}`;
    frames.push(frame.name === undefined ? `at ${place}` : `at ${frame.name} (${place})`);
    if (!location && !file.split('/').includes('node_modules'))
      location = { file, line: frame.line, column: frame.column, length: 1 };
  }
  return location ? { location, frames } : { frames };
}
