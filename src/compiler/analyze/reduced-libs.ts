import type { ts } from './typescript';
import { MODEL_LIB_FILES, REDUCED_AWAY_NAMES, REDUCED_AWAY_RANGES } from './model-libs';

/**
 * The reduced libs of the models' program (model-libs-source.ts): TypeScript's lib files with the
 * declarations few apps name (the typed arrays but `Uint8Array`, `DataView`, most of `Intl`)
 * blanked out. They are about half the bytes to parse and bind, and the schemas of an app that
 * names none of those globals are the same with either: the checker reaches a lib declaration only
 * through a name the app or the libs write, or through a name it looks up itself, and the reduced
 * libs keep every declaration those names reach. `reducedLibsSuffice` sends every other app to the full libs.
 */

const texts = new Map<string, string>();

/** The reduced text of lib file `fileName` (a key of `MODEL_LIB_FILES`): the same length, positions and lines. */
export function reducedLibText(fileName: string): string | undefined {
  const cached = texts.get(fileName);
  if (cached !== undefined) return cached;
  const full = MODEL_LIB_FILES.get(fileName);
  if (full === undefined) return undefined;
  const ranges = REDUCED_AWAY_RANGES.get(fileName) ?? [];
  let text = '';
  let at = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    text += full.slice(at, ranges[i]) + full.slice(ranges[i], ranges[i + 1]).replace(/[^\n]/g, ' ');
    at = ranges[i + 1];
  }
  text += full.slice(at);
  texts.set(fileName, text);
  return text;
}

/**
 * Whether the models' program of `program` (the analysis program: the same modules, without libs)
 * may read the reduced libs: no module names a global they leave out (in code, types or JSDoc, as
 * TypeScript's parser saw it, escapes decoded), and none references another lib (`/// <reference lib>`),
 * whose declarations may name one.
 */
export function reducedLibsSuffice(program: ts.Program): boolean {
  return program.getSourceFiles().every((file) => {
    if (file.libReferenceDirectives.length > 0) return false;
    const names = identifiersOf(file);
    return names !== undefined && !REDUCED_AWAY_NAMES.some((name) => names.has(name));
  });
}

/**
 * Every identifier's text in `file`: TypeScript's parser keeps them in the source file (an internal
 * property, `identifiers`). Undefined if this TypeScript has no such map; the caller then takes the full libs.
 */
function identifiersOf(file: ts.SourceFile): ReadonlyMap<string, string> | undefined {
  const { identifiers } = file as unknown as { identifiers?: unknown };
  return identifiers instanceof Map ? (identifiers as ReadonlyMap<string, string>) : undefined;
}
