import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Project, ts } from 'ts-morph';

const FIXTURE = path.resolve(__dirname, '../types/path-params.fixture.ts');
const STRIPPED = path.resolve(__dirname, '../types/path-params.stripped.fixture.ts');
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

describe('types: route parameters typed from the path literal', function () {
  this.timeout(120_000);
  const text = fs.readFileSync(FIXTURE, 'utf8');
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
    project.addSourceFileAtPath(FIXTURE);
    // The same file with each directive blanked (line numbers kept), in memory only.
    project.createSourceFile(STRIPPED, lines.map((line) => (DIRECTIVE.test(line) ? '' : line)).join('\n'), {
      overwrite: true,
    });
    project.resolveSourceFileDependencies();
  });

  it('has @ts-expect-error lines to check', () => {
    expect(expectedErrorLines.length).to.be.at.least(8);
  });

  it('compiles the fixture with zero diagnostics', () => {
    const program = project.getProgram().compilerObject;
    const all = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName !== STRIPPED.split(path.sep).join('/'));
    expect(format(all)).to.equal('');
    expect(diagnosticsOf(project, FIXTURE)).to.have.length(0);
  });

  it('reports an error on exactly the directive lines once the directives are removed', () => {
    const diagnostics = diagnosticsOf(project, STRIPPED.split(path.sep).join('/'));
    const errorLines = [
      ...new Set(diagnostics.map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1)),
    ].sort((a, b) => a - b);
    expect(errorLines, format(diagnostics)).to.deep.equal(expectedErrorLines);
  });
});
