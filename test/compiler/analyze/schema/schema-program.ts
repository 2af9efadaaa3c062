import * as path from 'node:path';
import { getLibFiles, libFolderInMemoryPath } from '@ts-morph/common';
import { ts } from 'ts-morph';
import { createSchemaBuilder, type BuiltSchemas } from '../../../../src/compiler/analyze/schema/schema-builder';
import { formatDiagnostics } from '../../../../src/compiler/diagnostics/format';

/** The project directory the in-memory files live under. */
export const PROJECT_DIR = '/project';

const LIBS = new Map(getLibFiles().map((lib) => [path.posix.join(libFolderInMemoryPath, lib.fileName), lib.text]));
/** Parsed lib files, shared by every test program (parsing them is most of a program's cost). */
const PARSED_LIBS = new Map<string, ts.SourceFile>();

/**
 * A type-checked program over in-memory files (project-relative paths, `app.ts` the root),
 * with TypeScript's lib files, as `appc package` will check handler types. A file under
 * `node_modules/` resolves as an installed package.
 */
export function programOf(files: Record<string, string>, withLibs = true): ts.Program {
  const texts = new Map([
    ...(withLibs ? LIBS : []),
    ...Object.entries(files).map(([name, text]) => [path.posix.join(PROJECT_DIR, name), text] as const),
  ]);
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  host.getDefaultLibLocation = () => libFolderInMemoryPath;
  host.getDefaultLibFileName = (o) => path.posix.join(libFolderInMemoryPath, ts.getDefaultLibFileName(o));
  host.getCurrentDirectory = () => PROJECT_DIR;
  host.fileExists = (file) => texts.has(file);
  host.readFile = (file) => texts.get(file);
  host.directoryExists = (dir) => [...texts.keys()].some((file) => file.startsWith(`${dir}/`));
  host.realpath = (file) => file;
  host.getSourceFile = (file, language) => {
    const text = texts.get(file);
    if (text === undefined) return undefined;
    if (!LIBS.has(file)) return ts.createSourceFile(file, text, language, true);
    if (!PARSED_LIBS.has(file)) PARSED_LIBS.set(file, ts.createSourceFile(file, text, language, true));
    return PARSED_LIBS.get(file);
  };
  return ts.createProgram({ rootNames: [path.posix.join(PROJECT_DIR, 'app.ts')], options, host });
}

/**
 * Converts the roots app.ts declares, as the analyzer will convert a handler's types:
 * each property of `interface Roots { CreateTodoBody: NewTodo; ... }` is one root, named
 * by the property, located at its type.
 */
export function convertRoots(files: Record<string, string>): BuiltSchemas & { text: string } {
  const program = programOf(files);
  const checker = program.getTypeChecker();
  const app = program.getSourceFile(path.posix.join(PROJECT_DIR, 'app.ts'))!;
  const roots = app.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Roots',
  );
  if (!roots) throw new Error('app.ts declares no interface Roots');
  const builder = createSchemaBuilder(program, PROJECT_DIR);
  for (const member of roots.members) {
    if (!ts.isPropertySignature(member) || !member.type) throw new Error('Roots members are `Name: Type;`');
    builder.add(checker.getTypeFromTypeNode(member.type), member.type, (member.name as ts.Identifier).text);
  }
  const built = builder.finish();
  const text = formatDiagnostics(built.diagnostics, { color: false, readSource: (file) => files[file] });
  return { ...built, text };
}
