import { ts } from 'ts-morph';

/**
 * The app's modules in evaluation order: a module's static imports run before its own
 * body (depth-first, in import order, each module once), as Node evaluates them.
 * Registration order, and so the order of paths in the swagger, follows from this.
 */
export function moduleEvaluationOrder(entry: ts.SourceFile, checker: ts.TypeChecker, isUserFile: (file: ts.SourceFile) => boolean): ts.SourceFile[] {
  const order: ts.SourceFile[] = [];
  const seen = new Set<ts.SourceFile>();
  const visit = (file: ts.SourceFile) => {
    seen.add(file);
    for (const specifier of importSpecifiers(file)) {
      const target = checker.getSymbolAtLocation(specifier)?.valueDeclaration;
      if (target && ts.isSourceFile(target) && !seen.has(target) && isUserFile(target)) visit(target);
    }
    order.push(file);
  };
  visit(entry);
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
