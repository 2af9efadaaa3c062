import { ts } from './typescript';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import { locationOf, relativePath } from './locations';

/**
 * How deep the syntax tree of an app module may nest. The analysis, the policy analysis and
 * TypeScript's binder and checker walk the tree recursively; 500 levels is far beyond hand-written
 * code (an options object nested 250 deep, a `+` chain of 500 terms) and far below where those
 * walks run out of stack.
 */
export const MAX_SYNTAX_DEPTH = 500;

/**
 * The first node, in source order, nested deeper than `limit` (before binding: no parent links). The walk recurses, but
 * never below `limit` + 1 levels, far less stack than the parser used to build the tree; it allocates nothing per node.
 */
export function firstTooDeep(file: ts.SourceFile, limit = MAX_SYNTAX_DEPTH): ts.Node | undefined {
  let depth = 0;
  const visit = (node: ts.Node): ts.Node | undefined => {
    if (depth > limit) return node;
    depth++;
    const found = ts.forEachChild(node, visit);
    depth--;
    return found;
  };
  return visit(file);
}

export function tooDeep(node: ts.Node, file: ts.SourceFile, projectDir: string): Diagnostic {
  return error(
    'APPC222',
    `this code is nested more than ${MAX_SYNTAX_DEPTH} levels deep, deeper than appc analyses`,
    'Build it in steps: intermediate consts for deep objects and long `+` chains, or data read from a JSON file at run time.',
    locationOf(node, projectDir, file),
  );
}

/** TypeScript's parser or checker (`who`) ran out of stack on a file: they recurse per nesting level. */
export function stackOverflow(fileName: string, projectDir: string, who: string): Diagnostic {
  return error(
    'APPC223',
    `${who} ran out of stack on this file: its code nests too deeply`,
    `Split deeply nested expressions (around ${MAX_SYNTAX_DEPTH} levels or more) into consts built in steps.`,
    { file: relativePath(projectDir, fileName), line: 1, column: 1, length: 1 },
  );
}

/** Whether `e` is V8's "Maximum call stack size exceeded". */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}
