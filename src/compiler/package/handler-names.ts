import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Loader, Plugin } from 'esbuild';
import type { AppModel } from '../model/app-model';
import type { SourceMapJson } from './bundle-source-map';
import { encodeMappings, type Segment } from './source-map-mappings';

const HANDLER_NAME_KEY = 'appc.name';

export interface NameEdit {
  start: number;
  end: number;
  name: string;
}

/**
 * Marks each function's handler with its name as the analyzer derived it, because an
 * inline handler named only by the `const` it is assigned to has no `.name` at run time
 * (the runtime reads `Symbol.for('appc.name')` first; see HANDLER_NAME in runtime/app.ts).
 * Its filter names the files to edit, so that esbuild loads every other file without calling
 * back into this process; no plugin when there is nothing to mark. With `sourceMap`, each edited
 * file carries an inline map back to the file as written, which esbuild folds into the bundle's
 * map (the wrapping shifts the columns after it on its line).
 */
export function handlerNamesPlugin(projectDir: string, model: AppModel, sourceMap: boolean): Plugin[] {
  const edits = new Map<string, NameEdit[]>();
  for (const fn of model.functions) {
    if (fn.localName === null) continue;
    const file = realPath(path.resolve(projectDir, fn.handler.location.file));
    const fileEdits = edits.get(file) ?? [];
    // A blueprint registered twice lists its handlers twice, with one local name: mark each once.
    if (fileEdits.some((edit) => edit.start === fn.handler.start)) continue;
    edits.set(file, [...fileEdits, { start: fn.handler.start, end: fn.handler.end, name: fn.localName }]);
  }
  if (edits.size === 0) return [];
  const filter = new RegExp(`^(?:${[...edits.keys()].map(escapeRegExp).join('|')})$`);
  return [
    {
      name: 'appc-handler-names',
      setup(pluginBuild) {
        pluginBuild.onLoad({ filter, namespace: 'file' }, (args) => {
          const fileEdits = edits.get(args.path);
          if (!fileEdits) return undefined;
          const text = fs.readFileSync(args.path, 'utf8').replace(/^\uFEFF/, '');
          const edited = applyNameEdits(text, fileEdits);
          const contents = sourceMap ? edited + inlineMapComment(text, fileEdits, path.basename(args.path)) : edited;
          return { contents, loader: loaderFor(args.path) };
        });
      },
    },
  ];
}

/** A literal path inside esbuild's filter (Go's RE2 syntax takes these escapes too). */
function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** What goes before and after a handler expression to mark it. */
function wrapping(name: string): { before: string; after: string } {
  return {
    before: 'Object.defineProperty(',
    after: `, Symbol.for(${JSON.stringify(HANDLER_NAME_KEY)}), { value: ${JSON.stringify(name)}, configurable: true })`,
  };
}

/** Wraps each handler expression in place; back to front, so earlier offsets stay valid. */
export function applyNameEdits(text: string, edits: readonly NameEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    const { before, after } = wrapping(edit.name);
    result = result.slice(0, edit.start) + before + result.slice(edit.start, edit.end) + after + result.slice(edit.end);
  }
  return result;
}

/**
 * The source map from `applyNameEdits(text, edits)` back to `text`: a segment at every token of `text`. The
 * insertions hold no line break, so each line maps to itself and only columns move.
 * @example nameEditsSourceMap('f(a => 1);', [{ start: 2, end: 8, name: 'one' }], 'app.ts').mappings
 */
export function nameEditsSourceMap(text: string, edits: readonly NameEdit[], file: string): SourceMapJson {
  const insertions = edits
    .flatMap((edit) => {
      const { before, after } = wrapping(edit.name);
      return [
        { at: edit.start, length: before.length },
        { at: edit.end, length: after.length },
      ];
    })
    .sort((a, b) => a.at - b.at);
  const lines: Segment[][] = [];
  let lineStart = 0;
  let next = 0;
  for (const [lineIndex, line] of text.split('\n').entries()) {
    const segments: Segment[] = [];
    let shift = 0;
    while (next < insertions.length && insertions[next].at < lineStart) next++;
    let pending = next;
    for (const token of line.matchAll(/[\w$]+|\S/g)) {
      const offset = lineStart + (token.index ?? 0);
      while (pending < insertions.length && insertions[pending].at <= offset) shift += insertions[pending++].length;
      segments.push({
        generatedColumn: (token.index ?? 0) + shift,
        originalLine: lineIndex,
        originalColumn: token.index ?? 0,
      });
    }
    lines.push(segments);
    lineStart += line.length + 1;
  }
  return { version: 3, sources: [file], names: [], mappings: encodeMappings(lines) };
}

/** `//# sourceMappingURL=data:...` of nameEditsSourceMap, on a line of its own. */
function inlineMapComment(text: string, edits: readonly NameEdit[], file: string): string {
  const map = Buffer.from(JSON.stringify(nameEditsSourceMap(text, edits, file))).toString('base64');
  return `\n//# sourceMappingURL=data:application/json;base64,${map}\n`;
}

function loaderFor(file: string): Loader {
  const ext = path.extname(file);
  if (ext === '.tsx' || ext === '.jsx') return ext.slice(1) as Loader;
  return /^\.[mc]?ts$/.test(ext) ? 'ts' : 'js';
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}
