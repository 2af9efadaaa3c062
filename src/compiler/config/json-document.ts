import { ts } from 'ts-morph';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../model/app-model';
import type { JsonPath } from './config-lookup';

/** A parsed JSON file that can say where each of its nodes is. */
export interface JsonDocument {
  readonly file: string;
  readonly value: unknown;
  /** The key (`part: 'key'`) or value of the node at `path`; the nearest existing ancestor if absent. */
  locate(path: JsonPath, part?: 'key' | 'value'): SourceLocation;
}

export interface ParsedJson {
  /** Undefined when the text is not valid JSON. */
  document: JsonDocument | undefined;
  diagnostics: Diagnostic[];
}

/**
 * Parses strict JSON (what Chalice's `json.loads` accepts: no comments, no trailing commas)
 * and keeps positions: `JSON.parse` decides validity, TypeScript's JSON parser gives the AST.
 */
export function parseJsonDocument(file: string, text: string): ParsedJson {
  const source = ts.parseJsonText(file, text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { document: undefined, diagnostics: [syntaxDiagnostic(source, (e as Error).message)] };
  }
  const root = source.statements[0]?.expression;
  const document: JsonDocument = { file, value, locate: (path, part = 'value') => locate(source, root, path, part) };
  return { document, diagnostics: duplicateKeys(source, root) };
}

function syntaxDiagnostic(source: ts.JsonSourceFile, message: string): Diagnostic {
  const { start, reason } = syntaxProblem(source, message);
  return error(
    'APPC101',
    `invalid JSON: ${reason}`,
    'Fix the JSON syntax (JSON allows no comments, no trailing commas, and only double-quoted strings).',
    locationAt(source, start, 1),
  );
}

/** Where the syntax breaks and why: V8's position when it gives one, else TypeScript's, else our own search. */
function syntaxProblem(source: ts.JsonSourceFile, message: string): { start: number; reason: string } {
  const text = source.text;
  const v8Reason = sentence(message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, ''));
  const v8Position = /at position (\d+)/.exec(message);
  if (v8Position) return explain(text, Number(v8Position[1]), v8Reason);
  const first = parseDiagnostics(source)[0];
  if (first) return explain(text, first.start, sentence(ts.flattenDiagnosticMessageText(first.messageText, ' ')));
  const comma = trailingComma(text);
  if (comma !== undefined) return { start: comma, reason: 'trailing comma' };
  return explain(text, firstNonJsonNode(source) ?? text.length, v8Reason);
}

/** The parser's syntax errors: on every SourceFile at run time, but left out of TypeScript's public typings. */
function parseDiagnostics(source: ts.JsonSourceFile): readonly ts.DiagnosticWithLocation[] {
  return (source as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
}

/** Names the two mistakes JSON parsers describe worst: trailing commas and comments. */
function explain(text: string, start: number, reason: string): { start: number; reason: string } {
  const comma = /,\s*$/.exec(text.slice(0, start));
  if (comma && /^[}\]]/.test(text.slice(start))) return { start: comma.index, reason: 'trailing comma' };
  if (/^\/[/*]/.test(text.slice(start))) return { start, reason: 'comments are not allowed' };
  return { start, reason };
}

/** The first `,` followed by `}` or `]`, outside strings (V8 names no position for `[1,]`). */
function trailingComma(text: string): number | undefined {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ',' && /^\s*[}\]]/.test(text.slice(i + 1))) return i;
  }
  return undefined;
}

/** A node that TypeScript accepts in a .json file but JSON does not (`NaN`, `'single'`, `+1`). */
function firstNonJsonNode(source: ts.JsonSourceFile): number | undefined {
  let found: number | undefined;
  const visit = (node: ts.Node): void => {
    if (found !== undefined) return;
    if (!isJsonNode(node, source)) found = node.getStart(source);
    else ts.forEachChild(node, visit);
  };
  const root = source.statements[0]?.expression;
  if (root) visit(root);
  return found;
}

function isJsonNode(node: ts.Node, source: ts.SourceFile): boolean {
  if (ts.isStringLiteral(node)) return node.getText(source).startsWith('"');
  if (ts.isPrefixUnaryExpression(node)) return node.operator === ts.SyntaxKind.MinusToken;
  const kinds = [
    ts.SyntaxKind.ObjectLiteralExpression, ts.SyntaxKind.ArrayLiteralExpression, ts.SyntaxKind.PropertyAssignment,
    ts.SyntaxKind.NumericLiteral, ts.SyntaxKind.TrueKeyword, ts.SyntaxKind.FalseKeyword, ts.SyntaxKind.NullKeyword,
  ];
  return kinds.includes(node.kind);
}

function locate(source: ts.JsonSourceFile, root: ts.Expression | undefined, path: JsonPath, part: 'key' | 'value'): SourceLocation {
  let node: ts.Node | undefined = root;
  let key: ts.Node | undefined;
  for (const segment of path) {
    const child = childOf(node, segment);
    if (!child) break;
    [node, key] = [child.value, child.key];
  }
  const target = part === 'key' && key ? key : node;
  if (!target) return locationAt(source, 0, 0);
  const start = target.getStart(source);
  return locationAt(source, start, target.getEnd() - start);
}

function childOf(node: ts.Node | undefined, segment: string | number): { key?: ts.Node; value: ts.Node } | undefined {
  if (node && ts.isArrayLiteralExpression(node) && typeof segment === 'number') {
    const value = node.elements[segment];
    return value && { value };
  }
  if (!node || !ts.isObjectLiteralExpression(node)) return undefined;
  // JSON.parse keeps the last of duplicate keys; point at that one.
  const property = [...node.properties].reverse().find((p) => propertyName(p) === String(segment));
  return property && ts.isPropertyAssignment(property) ? { key: property.name, value: property.initializer } : undefined;
}

function propertyName(property: ts.ObjectLiteralElementLike): string | undefined {
  return property.name && ts.isStringLiteral(property.name) ? property.name.text : undefined;
}

/** Chalice keeps the last of duplicate keys silently; a duplicate is almost always a mistake. */
function duplicateKeys(source: ts.JsonSourceFile, root: ts.Node | undefined): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) diagnostics.push(...duplicatesIn(source, node));
    ts.forEachChild(node, visit);
  };
  if (root) visit(root);
  return diagnostics;
}

function duplicatesIn(source: ts.JsonSourceFile, node: ts.ObjectLiteralExpression): Diagnostic[] {
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const property of node.properties) {
    const name = propertyName(property);
    if (name === undefined) continue;
    if (seen.has(name)) {
      const start = property.name!.getStart(source);
      const location = locationAt(source, start, property.name!.getEnd() - start);
      diagnostics.push(warning('APPC110', `duplicate key "${name}"; the last one wins`, 'Remove one of them.', location));
    }
    seen.add(name);
  }
  return diagnostics;
}

function locationAt(source: ts.SourceFile, start: number, length: number): SourceLocation {
  const { line, character } = source.getLineAndCharacterOfPosition(Math.min(start, source.text.length));
  return { file: source.fileName, line: line + 1, column: character + 1, length };
}

/** A message as the tail of ours: `Expression expected.` -> `expression expected`. */
function sentence(text: string): string {
  return (text.charAt(0).toLowerCase() + text.slice(1)).replace(/\.$/, '');
}

/** `stages.prod.lambda_memory_size`, `layers[0]`, `tags["team name"]`. */
export function formatJsonPath(path: JsonPath): string {
  return path
    .map((segment, i) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (/^[A-Za-z_$][\w$-]*$/.test(segment)) return i === 0 ? segment : `.${segment}`;
      return `[${JSON.stringify(segment)}]`;
    })
    .join('');
}
