import { ts } from './typescript';

/**
 * The app's modules in evaluation order: a module's static imports run before its own
 * body (depth-first, in import order, each module once), as Node evaluates them.
 * Registration order, and so the order of paths in the swagger, follows from this.
 */
export function moduleEvaluationOrder(
  entry: ts.SourceFile,
  checker: ts.TypeChecker,
  isUserFile: (file: ts.SourceFile) => boolean,
): ts.SourceFile[] {
  const order: ts.SourceFile[] = [];
  const seen = new Set<ts.SourceFile>([entry]);
  const imports = (file: ts.SourceFile) =>
    importSpecifiers(file).map((specifier) => checker.getSymbolAtLocation(specifier)?.valueDeclaration);
  // Depth-first without recursion: a chain of thousands of modules must not overflow the stack.
  const stack = [{ file: entry, targets: imports(entry), next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next === top.targets.length) {
      order.push(top.file);
      stack.pop();
      continue;
    }
    const target = top.targets[top.next++];
    if (target && ts.isSourceFile(target) && !seen.has(target) && isUserFile(target)) {
      seen.add(target);
      stack.push({ file: target, targets: imports(target), next: 0 });
    }
  }
  return order;
}

function importSpecifiers(file: ts.SourceFile): ts.Expression[] {
  const specifiers: ts.Expression[] = [];
  for (const statement of file.statements) {
    if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier) {
      if (ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly) continue;
      specifiers.push(statement.moduleSpecifier);
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      specifiers.push(statement.moduleReference.expression);
    }
  }
  return specifiers;
}
