import { expect } from 'chai';
import { ts } from 'ts-morph';
import { createSchemaBuilder } from '../../../../src/compiler/analyze/schema/schema-builder';
import { PROJECT_DIR, programOf } from '../../../support/in-memory-program';

describe('type -> JSON Schema: the builder', () => {
  it('refuses a program without lib files, where string[] and Record would convert silently wrong', () => {
    const program = programOf({ 'app.ts': 'export interface A { tags: string[] }' }, false);
    expect(() => createSchemaBuilder(program, PROJECT_DIR)).to.throw(/needs a program with TypeScript's lib files/);
  });

  it('returns roots in add order, one definition per named type however many roots use it', () => {
    const program = programOf({
      'app.ts':
        'export interface Todo { id: string }\nexport declare const a: Todo;\nexport declare const b: Todo[];\nexport declare const c: Todo | undefined;',
    });
    const checker = program.getTypeChecker();
    const app = program.getSourceFile(`${PROJECT_DIR}/app.ts`)!;
    const builder = createSchemaBuilder(program, PROJECT_DIR);
    const declarations = app.statements.filter(ts.isVariableStatement).map((s) => s.declarationList.declarations[0]);
    const indexes = declarations.map((d) =>
      builder.add(checker.getTypeFromTypeNode(d.type!), d.type!, `${(d.name as ts.Identifier).text}Body`),
    );
    const { definitions, roots, diagnostics } = builder.finish();
    expect(indexes).to.deep.equal([0, 1, 2]);
    expect(diagnostics).to.deep.equal([]);
    expect(Object.keys(definitions)).to.deep.equal(['Todo', 'bBody']);
    expect(roots).to.deep.equal([
      { schema: { $ref: '#/definitions/Todo' }, optional: false },
      { schema: { $ref: '#/definitions/bBody' }, optional: false },
      { schema: { $ref: '#/definitions/Todo' }, optional: true },
    ]);
  });
});
