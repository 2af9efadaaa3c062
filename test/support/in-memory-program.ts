import * as fs from 'node:fs';
import * as path from 'node:path';
import { getLibFiles, libFolderInMemoryPath } from '@ts-morph/common';
import { ts } from '../../src/compiler/analyze/typescript';
import { RUNTIME_DIR } from '../../src/compiler/analyze/program';

/** The project directory the in-memory files live under. */
export const PROJECT_DIR = '/project';

const LIBS = new Map(getLibFiles().map((lib) => [path.posix.join(libFolderInMemoryPath, lib.fileName), lib.text]));
/** Parsed lib and runtime files, shared by every test program (parsing them is most of a program's cost). */
const PARSED_SHARED = new Map<string, ts.SourceFile>();

/** appc's runtime is read from disk, as the analysis reads it: `import ... from 'appc'` resolves there. */
const isRuntimeFile = (file: string) => file.startsWith(RUNTIME_DIR + path.sep);

/**
 * A type-checked program over in-memory files (project-relative paths, `app.ts` the root),
 * with TypeScript's lib files unless `withLibs` is false, as `appc package` builds it:
 * `'appc'` resolves to appc's runtime; a file under `node_modules/` resolves as an installed package.
 */
export function programOf(files: Record<string, string>, withLibs = true): ts.Program {
  const texts = new Map([
    ...(withLibs ? LIBS : []),
    ...Object.entries(files).map(([name, text]) => [path.posix.join(PROJECT_DIR, name), text] as const),
  ]);
  const read = (file: string) => texts.get(file) ?? (isRuntimeFile(file) ? readIfExists(file) : undefined);
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    types: [],
    paths: { appc: [path.join(RUNTIME_DIR, 'index')] },
  };
  const host = ts.createCompilerHost(options);
  host.getDefaultLibLocation = () => libFolderInMemoryPath;
  host.getDefaultLibFileName = (o) => path.posix.join(libFolderInMemoryPath, ts.getDefaultLibFileName(o));
  host.getCurrentDirectory = () => PROJECT_DIR;
  host.fileExists = (file) => read(file) !== undefined;
  host.readFile = read;
  host.directoryExists = (dir) =>
    isRuntimeFile(`${dir}/x`) || dir === RUNTIME_DIR || [...texts.keys()].some((file) => file.startsWith(`${dir}/`));
  host.realpath = (file) => file;
  host.getSourceFile = (file, language) => {
    const text = read(file);
    if (text === undefined) return undefined;
    if (!LIBS.has(file) && !isRuntimeFile(file)) return ts.createSourceFile(file, text, language, true);
    if (!PARSED_SHARED.has(file)) PARSED_SHARED.set(file, ts.createSourceFile(file, text, language, true));
    return PARSED_SHARED.get(file);
  };
  return ts.createProgram({ rootNames: [path.posix.join(PROJECT_DIR, 'app.ts')], options, host });
}

/** A project file of `program` (`'app.ts'`, `'lib/a.ts'`). */
export function sourceFileOf(program: ts.Program, name: string): ts.SourceFile {
  const file = program.getSourceFile(path.posix.join(PROJECT_DIR, name));
  if (!file) throw new Error(`no ${name} in the program`);
  return file;
}

function readIfExists(file: string): string | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}
