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

export function relativePath(projectDir: string, fileName: string): string {
  return path.relative(projectDir, fileName).split(path.sep).join('/');
}
