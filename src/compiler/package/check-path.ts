/**
 * A JSON path (`$.tags[2]`) as the generated validators build it: literal text known when the code is
 * generated, and JavaScript expressions known only at run time (an array index, an object key). The
 * generated code evaluates a path only to report a problem or to call another definition's check.
 */
export type CheckPath = ReadonlyArray<{ readonly text: string } | { readonly expr: string }>;

/** `$` for a body, `query` for the query parameters. */
export function rootPath(name: string): CheckPath {
  return [{ text: name }];
}

/** The path of the parameter `p` of a definition's check function. */
export const PARAM_PATH: CheckPath = [{ expr: 'p' }];

/** The path of property `key`: `.title`, or `["a-b"]` when the key is not an identifier. */
export function propertyPath(path: CheckPath, key: string): CheckPath {
  return [...path, { text: keySuffix(key) }];
}

/** The path of the element at run-time index `indexExpr`. */
export function indexPath(path: CheckPath, indexExpr: string): CheckPath {
  return [...path, { text: '[' }, { expr: indexExpr }, { text: ']' }];
}

/** The path of the run-time key `keyExpr` (formatted by the generated `key` helper, see KEY_HELPER). */
export function keyPath(path: CheckPath, keyExpr: string): CheckPath {
  return [...path, { expr: `key(${keyExpr})` }];
}

/** `.name` for an identifier, `["a-b"]` otherwise: the JSON path notation for a property. */
export function keySuffix(key: string): string {
  return IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The generated module's `key` helper: `keySuffix` at run time. */
export const KEY_HELPER = `function key(k) { return ${IDENTIFIER.toString()}.test(k) ? "." + k : "[" + JSON.stringify(k) + "]"; }`;

/** A JavaScript expression for `path` followed by `suffix` (adjacent literal parts merged). */
export function pathExpression(path: CheckPath, suffix = ''): string {
  const parts: string[] = [];
  let text = '';
  for (const part of path) {
    if ('text' in part) {
      text += part.text;
      continue;
    }
    if (text !== '') parts.push(JSON.stringify(text));
    parts.push(part.expr);
    text = '';
  }
  if (text + suffix !== '' || parts.length === 0) parts.push(JSON.stringify(text + suffix));
  return parts.join(' + ');
}
