import * as path from 'node:path';
import { expect } from 'chai';
import { loadProgram, programWithLibs, type LoadedProgram } from '../../../src/compiler/analyze/program';
import { ts } from '../../../src/compiler/analyze/typescript';
import { FIXTURES_DIR } from '../../support/fixtures';

/** Each import of each non-lib file of `program`, and the module its checker finds there (none: unresolved). */
function resolutions(program: ts.Program): string[] {
  const checker = program.getTypeChecker();
  return program
    .getSourceFiles()
    .filter((file) => !program.isSourceFileDefaultLibrary(file))
    .flatMap((file) =>
      file.statements.filter(ts.isImportDeclaration).map((declaration) => {
        const module = checker.getSymbolAtLocation(declaration.moduleSpecifier);
        const at = module?.declarations?.[0]?.getSourceFile().fileName ?? 'unresolved';
        return `${file.fileName}: ${declaration.moduleSpecifier.getText()} -> ${at}`;
      }),
    );
}

describe("the models' program (programWithLibs)", () => {
  // fixtures/policy-v3-aggregated imports AWS SDK clients, which the analysis leaves unresolved.
  for (const fixture of ['models', 'multi-module', 'policy-v3-aggregated']) {
    it(`holds the analysis program's modules, resolved alike: ${fixture}`, () => {
      const { loaded } = loadProgram(path.join(FIXTURES_DIR, fixture), 'app.ts');
      const models = programWithLibs(loaded!);
      const own = (p: ts.Program) => p.getSourceFiles().filter((file) => !p.isSourceFileDefaultLibrary(file));
      expect(own(models)).to.deep.equal(loaded!.program.getSourceFiles());
      const found = resolutions(models);
      expect(found).to.deep.equal(resolutions(loaded!.program));
      expect(found.length).to.be.greaterThan(0);
    });
  }

  it("resolves the modules itself when the analysis program has no lookup of its answers (TypeScript's internal API)", () => {
    const { loaded } = loadProgram(path.join(FIXTURES_DIR, 'models'), 'app.ts');
    const program = Object.create(loaded!.program, {
      getResolvedModuleFromModuleSpecifier: { value: undefined },
    }) as ts.Program;
    const without: LoadedProgram = { ...loaded!, program };
    const models = programWithLibs(without);
    const own = models.getSourceFiles().filter((file) => !models.isSourceFileDefaultLibrary(file));
    expect(own).to.deep.equal(loaded!.program.getSourceFiles());
  });
});
