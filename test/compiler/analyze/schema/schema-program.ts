import * as path from 'node:path';
import { ts } from 'ts-morph';
import { createSchemaBuilder, type BuiltSchemas } from '../../../../src/compiler/analyze/schema/schema-builder';
import { formatDiagnostics } from '../../../../src/compiler/diagnostics/format';
import { PROJECT_DIR, programOf } from '../../../support/in-memory-program';

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
