import { error, warning, type Diagnostic } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../model/app-model';
import type { JsonPath } from './config-lookup';
import { MAX_JSON_DEPTH, parseJson, type JsonNode } from './json-parser';

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
 * and keeps positions. Broken syntax is APPC101, nesting deeper than `MAX_JSON_DEPTH` APPC113,
 * duplicate keys the warning APPC110.
 */
export function parseJsonDocument(file: string, text: string): ParsedJson {
  const lines = lineStarts(text);
  const at = (offset: number, length: number) => locationAt(file, lines, text.length, offset, length);
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const diagnostic =
      parsed.problem === 'depth'
        ? error(
            'APPC113',
            `${file} is ${parsed.reason}`,
            `appc reads JSON nested up to ${MAX_JSON_DEPTH} levels; flatten the file.`,
            at(parsed.offset, 1),
          )
        : error(
            'APPC101',
            `invalid JSON: ${parsed.reason}`,
            'Fix the JSON syntax (JSON allows no comments, no trailing commas, and only double-quoted strings).',
            at(parsed.offset, 1),
          );
    return { document: undefined, diagnostics: [diagnostic] };
  }
  const document: JsonDocument = {
    file,
    value: parsed.value,
    locate: (path, part = 'value') => locate(parsed.root, path, part, at),
  };
  return { document, diagnostics: duplicateKeys(parsed.root, at) };
}

function locate(
  root: JsonNode,
  path: JsonPath,
  part: 'key' | 'value',
  at: (offset: number, length: number) => SourceLocation,
): SourceLocation {
  let node = root;
  let key: { start: number; end: number } | undefined;
  for (const segment of path) {
    const child = childOf(node, segment);
    if (!child) break;
    [node, key] = [child.value, child.key];
  }
  const target = part === 'key' && key ? key : node;
  return at(target.start, target.end - target.start);
}

function childOf(
  node: JsonNode,
  segment: string | number,
): { key?: { start: number; end: number }; value: JsonNode } | undefined {
  if (node.kind === 'array' && typeof segment === 'number') {
    const value = node.elements[segment];
    return value && { value };
  }
  if (node.kind !== 'object') return undefined;
  // JSON.parse keeps the last of duplicate keys; point at that one.
  const member = [...node.members].reverse().find((m) => m.key === String(segment));
  return member && { key: { start: member.keyStart, end: member.keyEnd }, value: member.value };
}

/** Chalice keeps the last of duplicate keys silently; a duplicate is almost always a mistake. */
function duplicateKeys(root: JsonNode, at: (offset: number, length: number) => SourceLocation): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const pending = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.kind === 'array') pending.push(...node.elements);
    if (node.kind !== 'object') continue;
    const seen = new Set<string>();
    for (const member of node.members) {
      if (seen.has(member.key)) {
        diagnostics.push(
          warning(
            'APPC110',
            `duplicate key "${member.key}"; the last one wins`,
            'Remove one of them.',
            at(member.keyStart, member.keyEnd - member.keyStart),
          ),
        );
      }
      seen.add(member.key);
      pending.push(member.value);
    }
  }
  return diagnostics.sort((a, b) => a.location!.line - b.location!.line || a.location!.column - b.location!.column);
}

/** The offset where each line starts (after \n, \r\n or \r, as TypeScript counts lines). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) starts.push(i + 1);
  }
  return starts;
}

function locationAt(
  file: string,
  starts: number[],
  textLength: number,
  offset: number,
  length: number,
): SourceLocation {
  const position = Math.min(offset, textLength);
  let [low, high] = [0, starts.length - 1];
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= position) low = mid;
    else high = mid - 1;
  }
  return { file, line: low + 1, column: position - starts[low] + 1, length };
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
