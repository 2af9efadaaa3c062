import * as fs from 'node:fs';
import * as path from 'node:path';
import { ts } from './typescript';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic';
import { isSdkModule } from '../model/sdk-module-names';
import { firstTooDeep, isStackOverflow, stackOverflow, tooDeep } from './depth';
import { relativePath } from './locations';
import { LIB_FOLDER, MODEL_LIB_FILES, MODEL_LIBS } from './model-libs';
import { reducedLibText, reducedLibsSuffice } from './reduced-libs';
import { RUNTIME_TYPES_DIR } from '../runtime-location';

/** `import ... from 'appc'` always resolves to appc's own runtime, so receivers resolve to our `App`. */
export const RUNTIME_DIR = RUNTIME_TYPES_DIR;

/** TS 6 turns deprecated options into errors; a user's tsconfig with them must still analyse. */
const DEPRECATION_CODES = new Set([5101, 5107]);

export interface LoadedProgram {
  program: ts.Program;
  checker: ts.TypeChecker;
  entry: ts.SourceFile;
  /** The app's own modules (no declaration files, nothing under node_modules, not appc's runtime). */
  userFiles: ts.SourceFile[];
}

/** Builds the analysis program from the entry module and everything it imports. */
export function loadProgram(
  projectDir: string,
  entry: string,
  typecheck = false,
): { loaded?: LoadedProgram; diagnostics: Diagnostic[] } {
  const entryPath = path.join(projectDir, entry);
  if (!fs.existsSync(entryPath)) return { diagnostics: [missingEntry(entry, projectDir)] };
  const { options, diagnostics } = compilerOptions(projectDir, typecheck);
  const overflowed: string[] = [];
  const base = typecheck ? hostWithLibs(ts.createCompilerHost(options), allLibFiles()) : hostWithoutAwsSdk(options);
  const host = catchParserOverflow(base, overflowed);
  const program = ts.createProgram({ rootNames: [entryPath], options, host });
  if (overflowed.length > 0)
    return {
      diagnostics: [
        ...diagnostics,
        ...overflowed.map((file) => stackOverflow(file, projectDir, "TypeScript's parser")),
      ],
    };
  const entryFile = program.getSourceFile(entryPath)!;
  const userFiles = program.getSourceFiles().filter((f) => isUserFile(f, projectDir));
  for (const file of userFiles) diagnostics.push(...syntaxDiagnostics(program, file, projectDir));
  // Before anything binds or walks the tree recursively (TypeScript's binder is the first).
  const deep = userFiles.flatMap((file) => {
    const node = firstTooDeep(file);
    return node ? [tooDeep(node, file, projectDir)] : [];
  });
  if (deep.length > 0) return { diagnostics: [...diagnostics, ...deep] };
  if (typecheck && !diagnostics.some((d) => d.code === 'APPC202')) {
    for (const file of userFiles) diagnostics.push(...typeDiagnostics(program, file, projectDir));
  }
  return { loaded: { program, checker: program.getTypeChecker(), entry: entryFile, userFiles }, diagnostics };
}

/**
 * The app's program with TypeScript's lib files, for the type -> JSON Schema conversion
 * (models need `Array`, `Record`, `Date`: schema/schema-builder.ts). The analysis program
 * loads no libs, so this one is built only for apps whose handlers declare types; it reuses
 * the analysis program's parsed and bound files, so the same nodes answer to both checkers.
 * The libs are the reduced ones unless the app names a global they leave out (reduced-libs.ts).
 */
export function programWithLibs(loaded: LoadedProgram): ts.Program {
  const { program } = loaded;
  if (program.getSourceFiles().some((file) => program.isSourceFileDefaultLibrary(file))) return program;
  const options: ts.CompilerOptions = { ...program.getCompilerOptions(), lib: [...MODEL_LIBS] };
  const host = hostWithLibs(hostWithoutAwsSdk(options), modelLibFiles(reducedLibsSuffice(program)));
  const { getSourceFile, resolveModuleNameLiterals } = host;
  host.getSourceFile = (file, ...rest) => program.getSourceFile(file) ?? getSourceFile.call(host, file, ...rest);
  // The same modules, resolved with the same options but `lib`: the analysis program's answers, not
  // the file system's again. `getResolvedModuleFromModuleSpecifier` is the program's own (internal) lookup.
  const earlier = (program as { getResolvedModuleFromModuleSpecifier?: unknown }).getResolvedModuleFromModuleSpecifier;
  host.resolveModuleNameLiterals = (
    literals,
    containingFile,
    redirected,
    compilerOptions,
    containingSourceFile,
    ...rest
  ) => {
    const known =
      typeof earlier === 'function' && program.getSourceFile(containingFile) === containingSourceFile
        ? literals.map(
            (literal) =>
              earlier.call(program, literal, containingSourceFile) as
                ts.ResolvedModuleWithFailedLookupLocations | undefined,
          )
        : [];
    if (known.length === literals.length && known.every((resolution) => resolution !== undefined))
      return known as ts.ResolvedModuleWithFailedLookupLocations[];
    return resolveModuleNameLiterals!.call(
      host,
      literals,
      containingFile,
      redirected,
      compilerOptions,
      containingSourceFile,
      ...rest,
    );
  };
  return ts.createProgram({ rootNames: program.getRootFileNames(), options, host });
}

function missingEntry(entry: string, projectDir: string): Diagnostic {
  return error(
    'APPC201',
    `entry module ${entry} not found in ${projectDir}`,
    `Create ${entry} exporting your App: export const app = new App({ appName: 'myapp' });`,
  );
}

/**
 * TypeScript's parser recurses per nesting level and overflows near 600 levels: a diagnostic at the file, not a crash.
 */
function catchParserOverflow(host: ts.CompilerHost, overflowed: string[]): ts.CompilerHost {
  const { getSourceFile } = host;
  host.getSourceFile = (fileName, ...rest) => {
    try {
      return getSourceFile.call(host, fileName, ...rest);
    } catch (e) {
      if (!isStackOverflow(e)) throw e;
      overflowed.push(fileName);
      return undefined;
    }
  };
  return host;
}

function compilerOptions(
  projectDir: string,
  typecheck: boolean,
): { options: ts.CompilerOptions; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const configPath = path.join(projectDir, 'tsconfig.json');
  const user = fs.existsSync(configPath) ? userCompilerOptions(configPath, projectDir, diagnostics) : {};
  const options: ts.CompilerOptions = {
    ...user,
    // The analysis resolves symbols only: it needs no emit, no @types and no lib files (ts-morph
    // keeps those in memory, so the default host finds none; that is deliberate and fast).
    // `--typecheck` checks the app as the user's tsconfig describes it, with the libs.
    noEmit: true,
    ...(typecheck ? { strict: user.strict ?? true } : { lib: ['lib.es2022.d.ts'], types: [] }),
    skipLibCheck: true,
    allowJs: user.allowJs ?? true,
    module: user.module ?? ts.ModuleKind.CommonJS,
    moduleResolution: user.moduleResolution ?? ts.ModuleResolutionKind.Node10,
    target: user.target ?? ts.ScriptTarget.ES2022,
    ignoreDeprecations: '6.0',
    paths: { ...user.paths, appc: [path.join(RUNTIME_DIR, 'index')] },
  };
  return { options, diagnostics };
}

/** The project's tsconfig.json options; its errors, and deprecated options as warnings, go to `diagnostics`. */
function userCompilerOptions(configPath: string, projectDir: string, diagnostics: Diagnostic[]): ts.CompilerOptions {
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(read.config ?? {}, ts.sys, projectDir, undefined, configPath);
  for (const d of [...(read.error ? [read.error] : []), ...parsed.errors]) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    if (DEPRECATION_CODES.has(d.code)) continue;
    if (d.code !== 18003)
      diagnostics.push(
        error('APPC209', `tsconfig.json: ${message}`, 'Fix tsconfig.json (or delete it: appc has sensible defaults).'),
      );
  }
  const user = parsed.options;
  // TS 6 reports deprecated options (TS5101/TS5107) as program errors; a program without
  // files surfaces them cheaply, and appc turns them into warnings.
  for (const d of ts.createProgram({ rootNames: [], options: user }).getOptionsDiagnostics()) {
    if (DEPRECATION_CODES.has(d.code))
      diagnostics.push(
        warning(
          'APPC209',
          `tsconfig.json: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
          'appc analyses the app anyway; update tsconfig.json (or set "ignoreDeprecations": "6.0") to silence this.',
        ),
      );
  }
  return user;
}

/** TypeScript's lib files by path, in memory (the lib folder is not on disk: see `LIB_FOLDER`). */
type LibFiles = (file: string) => string | undefined;

/** `host`, also serving TypeScript's lib files from `libs`. */
function hostWithLibs(host: ts.CompilerHost, libs: LibFiles): ts.CompilerHost {
  const { getSourceFile, fileExists, readFile } = host;
  host.getDefaultLibLocation = () => LIB_FOLDER;
  host.getDefaultLibFileName = (o) => path.posix.join(LIB_FOLDER, ts.getDefaultLibFileName(o));
  host.fileExists = (file) => libs(file) !== undefined || fileExists.call(host, file);
  host.readFile = (file) => libs(file) ?? readFile.call(host, file);
  host.getSourceFile = (file, language, ...rest) => {
    const text = libs(file);
    return text !== undefined
      ? ts.createSourceFile(file, text, language)
      : getSourceFile.call(host, file, language, ...rest);
  };
  return host;
}

/** Every lib file of @ts-morph/common: `--typecheck` reads the libs the user's tsconfig names. */
function allLibFiles(): LibFiles {
  // Loaded here: 3 MB that only --typecheck needs, and models when the app references a lib of its own.
  const { getLibFiles } = require('@ts-morph/common') as typeof import('@ts-morph/common');
  const libs = new Map(getLibFiles().map((lib) => [path.posix.join(LIB_FOLDER, lib.fileName), lib.text]));
  return (file) => libs.get(file);
}

/**
 * `MODEL_LIBS` and the libs they reference, from model-libs.ts (`reduced`: the reduced libs); every
 * other lib file (one a module references with `/// <reference lib>`) from @ts-morph/common, loaded
 * on the first such request.
 */
function modelLibFiles(reduced: boolean): LibFiles {
  let all: LibFiles | undefined;
  return (file) => {
    if (path.posix.dirname(file) !== LIB_FOLDER) return undefined;
    const name = path.posix.basename(file);
    const text = reduced ? reducedLibText(name) : MODEL_LIB_FILES.get(name);
    if (text !== undefined) return text;
    all ??= allLibFiles();
    return all(file);
  };
}

/**
 * Leaves AWS SDK imports unresolved: the policy analysis reads them from the import
 * specifiers, and loading an installed SDK's typings costs about 1.2 s per client (TOOLCHAIN.md).
 */
function hostWithoutAwsSdk(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const cache = ts.createModuleResolutionCache(host.getCurrentDirectory(), host.getCanonicalFileName, options);
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, compilerOptions, containingSourceFile) =>
    literals.map((literal) =>
      isSdkModule(literal.text)
        ? { resolvedModule: undefined }
        : ts.resolveModuleName(
            literal.text,
            containingFile,
            compilerOptions,
            host,
            cache,
            redirected,
            ts.getModeForUsageLocation(containingSourceFile, literal, compilerOptions),
          ),
    );
  return host;
}

function isUserFile(file: ts.SourceFile, projectDir: string): boolean {
  const name = path.resolve(file.fileName);
  return (
    !file.isDeclarationFile &&
    !name.includes(`${path.sep}node_modules${path.sep}`) &&
    !name.startsWith(RUNTIME_DIR + path.sep) &&
    name.startsWith(path.resolve(projectDir) + path.sep)
  );
}

function syntaxDiagnostics(program: ts.Program, file: ts.SourceFile, projectDir: string): Diagnostic[] {
  return program
    .getSyntacticDiagnostics(file)
    .map((d) =>
      fromTs(
        d,
        file,
        projectDir,
        'APPC202',
        'syntax error: ',
        'Fix the syntax; `npx tsc --noEmit` shows the same error.',
      ),
    );
}

/** `appc package --typecheck`: the type errors `tsc` would report, as diagnostics. */
function typeDiagnostics(program: ts.Program, file: ts.SourceFile, projectDir: string): Diagnostic[] {
  try {
    return program
      .getSemanticDiagnostics(file)
      .map((d) =>
        fromTs(d, file, projectDir, 'APPC220', `TS${d.code}: `, 'Fix the type error, or package without --typecheck.'),
      );
  } catch (e) {
    if (isStackOverflow(e)) return [stackOverflow(file.fileName, projectDir, "TypeScript's type checker")];
    throw e;
  }
}

function fromTs(
  d: ts.Diagnostic,
  file: ts.SourceFile,
  projectDir: string,
  code: Diagnostic['code'],
  prefix: string,
  remedy: string,
): Diagnostic {
  const { line, character } = file.getLineAndCharacterOfPosition(d.start ?? 0);
  const location = {
    file: relativePath(projectDir, file.fileName),
    line: line + 1,
    column: character + 1,
    length: Math.max(1, d.length ?? 1),
  };
  return error(code, `${prefix}${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`, remedy, location);
}
