import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Project, ts } from 'ts-morph';

/**
 * Type-level tests of the runtime's public typings: each `test/types/<name>.fixture.ts` is compiled
 * strict. Every `@ts-expect-error` line must be an error; everything else must compile.
 */
const TYPES_DIR = path.resolve(__dirname, '../types');
const FIXTURES: ReadonlyArray<{ name: string; minErrors: number }> = [
  { name: 'path-params', minErrors: 8 },
  { name: 'models', minErrors: 6 },
  { name: 'middleware', minErrors: 6 },
];
const DIRECTIVE = /^\s*\/\/ @ts-expect-error\b.*$/;

/** Diagnostics of `file` in a strict, no-emit program of the fixture and its imports. */
function diagnosticsOf(project: Project, file: string): ts.Diagnostic[] {
  const program = project.getProgram().compilerObject;
  const sourceFile = program.getSourceFile(file);
  if (!sourceFile) throw new Error(`${file} is not in the program`);
  return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
}

function format(diagnostics: readonly ts.Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
      return `line ${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    })
    .join('\n');
}

for (const { name, minErrors } of FIXTURES) {
  describe(`types: ${name}.fixture.ts`, function () {
    this.timeout(120_000);
    const fixture = path.join(TYPES_DIR, `${name}.fixture.ts`);
    const stripped = path.join(TYPES_DIR, `${name}.stripped.fixture.ts`);
    const text = fs.readFileSync(fixture, 'utf8');
    const lines = text.split('\n');
    // 1-based numbers of the lines each directive covers (the line after it).
    const expectedErrorLines = lines.flatMap((line, index) => (DIRECTIVE.test(line) ? [index + 2] : []));
    let project: Project;

    before(() => {
      project = new Project({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.CommonJS,
          moduleResolution: ts.ModuleResolutionKind.Node10,
          ignoreDeprecations: '6.0',
          types: ['node'],
          lib: ['lib.es2022.d.ts'],
          skipLibCheck: true,
        },
      });
      project.addSourceFileAtPath(fixture);
      // The same file with each directive blanked (line numbers kept), in memory only.
      project.createSourceFile(stripped, lines.map((line) => (DIRECTIVE.test(line) ? '' : line)).join('\n'), {
        overwrite: true,
      });
      project.resolveSourceFileDependencies();
    });

    it('has @ts-expect-error lines to check', () => {
      expect(expectedErrorLines.length).to.be.at.least(minErrors);
    });

    it('compiles the fixture with zero diagnostics', () => {
      const program = project.getProgram().compilerObject;
      const all = ts
        .getPreEmitDiagnostics(program)
        .filter((d) => d.file?.fileName !== stripped.split(path.sep).join('/'));
      expect(format(all)).to.equal('');
      expect(diagnosticsOf(project, fixture)).to.have.length(0);
    });

    it('reports an error on exactly the directive lines once the directives are removed', () => {
      const diagnostics = diagnosticsOf(project, stripped.split(path.sep).join('/'));
      const errorLines = [
        ...new Set(diagnostics.map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1)),
      ].sort((a, b) => a - b);
      expect(errorLines, format(diagnostics)).to.deep.equal(expectedErrorLines);
    });
  });
}
