import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Tags } from 'yaml';
import type { JsonPath } from '../config/config-lookup';
import { parseJsonDocument } from '../config/json-document';
import { MAX_JSON_DEPTH } from '../config/json-parser';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../model/app-model';

/** CloudFormation's short-form intrinsics (`!Ref X`, `!GetAtt A.B`, `!Sub ...`) as their long form. */
const INTRINSICS = [
  'Ref',
  'GetAtt',
  'Sub',
  'Join',
  'Select',
  'Split',
  'FindInMap',
  'If',
  'Not',
  'Equals',
  'And',
  'Or',
  'Base64',
  'Cidr',
  'GetAZs',
  'ImportValue',
  'Condition',
  'Transform',
];

const CFN_TAGS: Tags = INTRINSICS.flatMap((name) => {
  const key = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
  const convert = (value: unknown) => ({
    [key]: name === 'GetAtt' && typeof value === 'string' ? splitOnce(value) : value,
  });
  return (['scalar', 'seq', 'map'] as const).map((kind) => ({
    tag: `!${name}`,
    collection: kind === 'scalar' ? undefined : kind,
    resolve: (value: unknown) => convert(kind === 'scalar' ? value : (value as { toJSON(): unknown }).toJSON()),
  })) as Tags;
});

function splitOnce(value: string): string[] {
  const dot = value.indexOf('.');
  return dot === -1 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
}

export function isYamlFile(file: string): boolean {
  return /\.ya?ml$/i.test(file);
}

/** A `--merge-template` document, and where each of its nodes is written (for diagnostics about the merge). */
export interface MergeTemplate {
  readonly value: Record<string, unknown>;
  /** The node at `path` (its key: `part` 'key'), or its nearest ancestor the file writes. */
  locate(path: JsonPath, part?: 'key' | 'value'): SourceLocation;
}

type MergeTemplateRead = { template?: MergeTemplate; diagnostics: Diagnostic[] };

/** Reads a `--merge-template` file (JSON, or YAML by extension); `projectDir`: what its location is relative to. */
export function readMergeTemplate(file: string, projectDir: string): MergeTemplateRead {
  const shown = path.basename(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return failed(
      'APPC411',
      `merge template ${file} not found`,
      'Pass the path of an existing JSON or YAML template to --merge-template.',
    );
  }
  const relative = path.relative(projectDir, file).split(path.sep).join('/');
  try {
    const parsed = isYamlFile(file) ? parseYaml(relative, text) : parseJsonTemplate(relative, text);
    if ('problem' in parsed) return failed('APPC412', `merge template ${shown} ${parsed.problem}`, SYNTAX, parsed.at);
    return checkedTemplate(shown, parsed);
  } catch (e) {
    // A YAML document nested deep enough exhausts the parser's stack.
    return failed(
      'APPC412',
      `merge template ${shown} cannot be parsed: ${(e as Error).message.split('\n')[0]}`,
      SYNTAX,
    );
  }
}

const SYNTAX = 'Fix the JSON/YAML syntax of the merge template.';

type Parsed = { value: unknown; locate: MergeTemplate['locate'] } | { problem: string; at?: SourceLocation };

/** Strict JSON, as `JSON.parse` reads it, with the position of every node. */
function parseJsonTemplate(file: string, text: string): Parsed {
  const { document, diagnostics } = parseJsonDocument(file, text);
  if (document) return { value: document.value, locate: (at, part) => document.locate(at, part) };
  const [problem] = diagnostics;
  if (problem.code === 'APPC113')
    return { problem: `is nested deeper than ${MAX_JSON_DEPTH} levels`, at: problem.location };
  return { problem: `cannot be parsed: ${problem.message.replace(/^invalid JSON: /, '')}`, at: problem.location };
}

/** YAML with CloudFormation's short-form intrinsics; yaml is loaded only when a YAML template is given. */
function parseYaml(file: string, text: string): Parsed {
  const yaml = require('yaml') as typeof import('yaml');
  const lineCounter = new yaml.LineCounter();
  const document = yaml.parseDocument(text, { customTags: CFN_TAGS, lineCounter });
  const at = (range: readonly number[]): SourceLocation => {
    const { line, col } = lineCounter.linePos(range[0]);
    return { file, line, column: col, length: Math.max(1, (range[1] ?? range[0]) - range[0]) };
  };
  const [error] = document.errors;
  if (error) return { problem: `cannot be parsed: ${yamlMessage(error.message)}`, at: at(error.pos) };
  return { value: document.toJS(), locate: (target, part) => at(yamlRange(yaml, document.contents, target, part)) };
}

/** yaml's message without the position and the excerpt it appends (the diagnostic has both). */
function yamlMessage(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:$/, '');
}

/**
 * The source range of the node at `target` (its key for `part` 'key'), or of the nearest ancestor written; a key
 * written without a value gives the key.
 */
function yamlRange(
  yaml: typeof import('yaml'),
  root: unknown,
  target: JsonPath,
  part: 'key' | 'value' = 'value',
): readonly number[] {
  let node = root;
  let range = (root as { range?: number[] } | null)?.range ?? [0, 0];
  let keyRange: number[] | undefined;
  for (const segment of target) {
    const child = yamlChild(yaml, node, segment);
    if (!child) break;
    keyRange = child.keyRange;
    const childRange = (child.value as { range?: number[] } | null)?.range;
    if (!childRange) return keyRange ?? range;
    [node, range] = [child.value, childRange];
  }
  return part === 'key' && keyRange ? keyRange : range;
}

function yamlChild(
  yaml: typeof import('yaml'),
  node: unknown,
  segment: string | number,
): { value: unknown; keyRange?: number[] } | undefined {
  if (yaml.isSeq(node) && typeof segment === 'number')
    return node.items[segment] ? { value: node.items[segment] } : undefined;
  if (!yaml.isMap(node)) return undefined;
  // As toJS keeps the last of duplicate keys (yaml reports duplicates as errors first).
  const pair = [...node.items].reverse().find((p) => yaml.isScalar(p.key) && String(p.key.value) === String(segment));
  const keyRange = yaml.isScalar(pair?.key) ? (pair.key.range ?? undefined) : undefined;
  return pair && { value: pair.value, keyRange };
}

/** The parsed template if it is an object of sane depth. */
function checkedTemplate(
  shown: string,
  parsed: { value: unknown; locate: MergeTemplate['locate'] },
): MergeTemplateRead {
  const { value, locate } = parsed;
  if (nestedDeeperThan(value, MAX_JSON_DEPTH)) {
    return failed(
      'APPC412',
      `merge template ${shown} is nested deeper than ${MAX_JSON_DEPTH} levels`,
      'Flatten the merge template; CloudFormation templates need only a few levels.',
    );
  }
  if (value && typeof value === 'object' && !Array.isArray(value))
    return { template: { value: value as Record<string, unknown>, locate }, diagnostics: [] };
  return failed(
    'APPC412',
    `merge template ${shown} must hold an object`,
    'Write a template object such as {"Resources": {...}}.',
    locate([]),
  );
}

function failed(code: Diagnostic['code'], message: string, remedy: string, at?: SourceLocation): MergeTemplateRead {
  return { diagnostics: [error(code, message, remedy, at)] };
}

/**
 * Chalice's `--merge-template` rule: objects merge key by key recursively, the file's
 * value wins; lists and scalars are replaced whole. Inputs are not modified.
 */
export function mergeTemplates(base: unknown, overlay: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(overlay)) return overlay;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overlay))
    merged[key] = key in base ? mergeTemplates(base[key], value) : value;
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Without recursion: merging and serializing a deeper template would run out of stack. */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  const seen = new Set<object>();
  for (let item = pending.pop(); item; item = pending.pop()) {
    const [node, depth] = item;
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    if (depth >= limit) return true;
    seen.add(node);
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}
