import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Tags } from 'yaml';
import { MAX_JSON_DEPTH } from '../config/json-parser';
import { error, type Diagnostic } from '../diagnostics/diagnostic';

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

type MergeTemplateRead = { template?: Record<string, unknown>; diagnostics: Diagnostic[] };

/** Reads a `--merge-template` file (JSON, or YAML by extension). */
export function readMergeTemplate(file: string): MergeTemplateRead {
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
  try {
    return checkedTemplate(shown, parseTemplate(file, text));
  } catch (e) {
    return failed(
      'APPC412',
      `merge template ${shown} cannot be parsed: ${(e as Error).message.split('\n')[0]}`,
      'Fix the JSON/YAML syntax of the merge template.',
    );
  }
}

function parseTemplate(file: string, text: string): unknown {
  // yaml is loaded only when a YAML template is given.
  return isYamlFile(file)
    ? (require('yaml') as typeof import('yaml')).parse(text, { customTags: CFN_TAGS })
    : JSON.parse(text);
}

/** The parsed template if it is an object of sane depth. */
function checkedTemplate(shown: string, value: unknown): MergeTemplateRead {
  if (nestedDeeperThan(value, MAX_JSON_DEPTH)) {
    return failed(
      'APPC412',
      `merge template ${shown} is nested deeper than ${MAX_JSON_DEPTH} levels`,
      'Flatten the merge template; CloudFormation templates need only a few levels.',
    );
  }
  if (value && typeof value === 'object' && !Array.isArray(value))
    return { template: value as Record<string, unknown>, diagnostics: [] };
  return failed(
    'APPC412',
    `merge template ${shown} must hold an object`,
    'Write a template object such as {"Resources": {...}}.',
  );
}

function failed(code: Diagnostic['code'], message: string, remedy: string): MergeTemplateRead {
  return { diagnostics: [error(code, message, remedy)] };
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
