import * as path from 'node:path';
import type { ts } from './typescript';
import type { SourceLocation } from '../model/app-model';

/**
 * The location of `node` for diagnostics and the model: project-relative POSIX path, 1-based.
 * Pass `file` for a node of a tree not yet bound (parent links are set by TypeScript's binder).
 */
export function locationOf(node: ts.Node, projectDir: string, file = node.getSourceFile()): SourceLocation {
  const start = node.getStart(file);
  const { line, character } = file.getLineAndCharacterOfPosition(start);
  const text = file.text;
  const lineEnd = text.indexOf('\n', start);
  const end = Math.min(node.getEnd(), lineEnd === -1 ? text.length : lineEnd);
  return {
    file: relativePath(projectDir, file.fileName),
    line: line + 1,
    column: character + 1,
    length: Math.max(1, end - start),
  };
}

/** Project dir -> file name -> its relative path: a model holds a location per registration and handler. */
const relativePaths = new Map<string, Map<string, string>>();

export function relativePath(projectDir: string, fileName: string): string {
  // A relative project dir depends on the working directory: not cached.
  if (!path.isAbsolute(projectDir)) return posixRelative(projectDir, fileName);
  let paths = relativePaths.get(projectDir);
  if (!paths) relativePaths.set(projectDir, (paths = new Map()));
  let relative = paths.get(fileName);
  if (relative === undefined) paths.set(fileName, (relative = posixRelative(projectDir, fileName)));
  return relative;
}

function posixRelative(projectDir: string, fileName: string): string {
  return path.relative(projectDir, fileName).split(path.sep).join('/');
}
