import * as fs from 'node:fs';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic';
import { relativePath } from './locations';
import { RUNTIME_DIR } from '../runtime-location';

/** `import ... from 'appc'` always resolves to appc's own runtime, so receivers resolve to our `App`. */
export { RUNTIME_DIR };

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
export function loadProgram(projectDir: string, entry: string): { loaded?: LoadedProgram; diagnostics: Diagnostic[] } {
  const entryPath = path.join(projectDir, entry);
  if (!fs.existsSync(entryPath)) {
    return { diagnostics: [error('APPC201', `entry module ${entry} not found in ${projectDir}`, `Create ${entry} exporting your App: export const app = new App({ appName: 'myapp' });`)] };
  }
  const { options, diagnostics } = compilerOptions(projectDir);
  const program = ts.createProgram({ rootNames: [entryPath], options });
  const entryFile = program.getSourceFile(entryPath)!;
  const userFiles = program.getSourceFiles().filter((f) => isUserFile(f, projectDir));
  for (const file of userFiles) diagnostics.push(...syntaxDiagnostics(program, file, projectDir));
  return { loaded: { program, checker: program.getTypeChecker(), entry: entryFile, userFiles }, diagnostics };
}

function compilerOptions(projectDir: string): { options: ts.CompilerOptions; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let user: ts.CompilerOptions = {};
  const configPath = path.join(projectDir, 'tsconfig.json');
  if (fs.existsSync(configPath)) {
    const read = ts.readConfigFile(configPath, ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(read.config ?? {}, ts.sys, projectDir, undefined, configPath);
    for (const d of [...(read.error ? [read.error] : []), ...parsed.errors]) {
      const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
      if (DEPRECATION_CODES.has(d.code)) diagnostics.push(warning('APPC209', `tsconfig.json: ${message}`, 'appc analyses the app anyway; update tsconfig.json to silence this.'));
      else if (d.code !== 18003) diagnostics.push(error('APPC209', `tsconfig.json: ${message}`, 'Fix tsconfig.json (or delete it: appc has sensible defaults).'));
    }
    user = parsed.options;
  }
  const options: ts.CompilerOptions = {
    ...user,
    // The analysis needs no emit, no DOM (it halves analysis time) and no @types packages.
    noEmit: true,
    lib: ['lib.es2022.d.ts'],
    types: [],
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

function isUserFile(file: ts.SourceFile, projectDir: string): boolean {
  const name = path.resolve(file.fileName);
  return !file.isDeclarationFile && !name.includes(`${path.sep}node_modules${path.sep}`) &&
    !name.startsWith(RUNTIME_DIR + path.sep) && name.startsWith(path.resolve(projectDir) + path.sep);
}

function syntaxDiagnostics(program: ts.Program, file: ts.SourceFile, projectDir: string): Diagnostic[] {
  return program.getSyntacticDiagnostics(file).map((d) => {
    const start = d.start ?? 0;
    const { line, character } = file.getLineAndCharacterOfPosition(start);
    const location = { file: relativePath(projectDir, file.fileName), line: line + 1, column: character + 1, length: Math.max(1, d.length ?? 1) };
    return error('APPC202', `syntax error: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`, 'Fix the syntax; `npx tsc --noEmit` shows the same error.', location);
  });
}
