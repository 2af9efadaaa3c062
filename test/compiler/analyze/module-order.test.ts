import { expect } from 'chai';
import { moduleEvaluationOrder } from '../../../src/compiler/analyze/module-order';
import { PROJECT_DIR, programOf, sourceFileOf } from '../../support/in-memory-program';

/** The evaluation order of the project files reachable from app.ts (installed packages are not the app's), as names. */
function orderOf(files: Record<string, string>): string[] {
  const program = programOf(files, false);
  const name = (fileName: string) => fileName.slice(PROJECT_DIR.length + 1);
  return moduleEvaluationOrder(
    sourceFileOf(program, 'app.ts'),
    program.getTypeChecker(),
    (f) => !f.fileName.includes('node_modules'),
  ).map((f) => name(f.fileName));
}

describe('analysis: module evaluation order', () => {
  it("runs a module's imports, depth-first in import order, before its own body", () => {
    const order = orderOf({
      'app.ts': "import './a';\nimport './b';",
      'a.ts': "import './a1';\nimport './a2';",
      'a1.ts': 'export {};',
      'a2.ts': 'export {};',
      'b.ts': "import './b1';",
      'b1.ts': 'export {};',
    });
    expect(order).to.deep.equal(['a1.ts', 'a2.ts', 'a.ts', 'b1.ts', 'b.ts', 'app.ts']);
  });

  it('evaluates each module once, at its first import, and stops at cycles', () => {
    const order = orderOf({
      'app.ts': "import './a';\nimport './b';",
      'a.ts': "import './shared';\nimport './app';",
      'b.ts': "import './shared';\nimport './a';",
      'shared.ts': "import './b';",
    });
    expect(order).to.deep.equal(['b.ts', 'shared.ts', 'a.ts', 'app.ts']);
  });

  it('follows re-exports and `import x = require()`, skips `import type` and non-user files', () => {
    const order = orderOf({
      'app.ts':
        "import type { T } from './types';\nexport * from './reexported';\nimport legacy = require('./legacy');\nimport 'pkg';",
      'types.ts': 'export type T = string;',
      'reexported.ts': 'export const x = 1;',
      'legacy.ts': 'export = 1;',
      'node_modules/pkg/index.ts': "import '../../side';",
      'side.ts': 'export {};',
    });
    expect(order).to.deep.equal(['reexported.ts', 'legacy.ts', 'app.ts']);
  });

  it('orders a chain of a thousand modules, the deepest first', () => {
    const files: Record<string, string> = { 'app.ts': "import './m0';" };
    for (let i = 0; i < 1000; i++) files[`m${i}.ts`] = i < 999 ? `import './m${i + 1}';` : 'export {};';
    const order = orderOf(files);
    expect(order).to.have.length(1001);
    expect([order[0], order[1], order[1000]]).to.deep.equal(['m999.ts', 'm998.ts', 'app.ts']);
  });
});
