import type { JsonValue } from '../../model/json-schema';

/** The schema types a constraint tag applies to (`any`: every type). */
export type TagTarget = 'string' | 'number' | 'array' | 'any';

/** A tag's value, or why it is malformed ("expects ..."). */
export type Parsed = { ok: true; value: JsonValue } | { ok: false; expected: string };

export interface TagSpec {
  applies: TagTarget;
  /** `textual`: whether the schema may hold strings (a `@default` that is not JSON is then a string). */
  parse(text: string, textual: boolean): Parsed;
}

/**
 * Formats the runtime can check, JSON Schema's own (draft 7 names, as ajv-formats
 * implements them); a `@format` outside this list is a diagnostic, so a typo is not
 * silently ignored by every validator.
 */
export const KNOWN_FORMATS: readonly string[] = [
  'date',
  'date-time',
  'duration',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'json-pointer',
  'regex',
  'relative-json-pointer',
  'time',
  'uri',
  'uri-reference',
  'uri-template',
  'uuid',
];

const ok = (value: JsonValue): Parsed => ({ ok: true, value });
const bad = (expected: string): Parsed => ({ ok: false, expected });

function count(text: string): Parsed {
  return /^\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? ok(Number(text)) : bad('a non-negative integer');
}

function number(text: string): Parsed {
  const numeric = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text) && Number.isFinite(Number(text));
  return numeric ? ok(Number(text)) : bad('a number');
}

function positive(text: string): Parsed {
  const parsed = number(text);
  return parsed.ok && (parsed.value as number) > 0 ? parsed : bad('a number greater than 0');
}

/** Patterns are ECMAScript regular expressions in unicode mode, as ajv compiles them. */
function pattern(text: string): Parsed {
  if (text === '') return bad('a regular expression');
  try {
    new RegExp(text, 'u');
    return ok(text);
  } catch (e) {
    return bad(`a valid regular expression (${(e as Error).message})`);
  }
}

function format(text: string): Parsed {
  return /^[a-z][a-z0-9-]*$/.test(text) ? ok(text) : bad('a format name such as date-time');
}

function flag(text: string): Parsed {
  if (text === '' || text === 'true') return ok(true);
  return text === 'false' ? ok(false) : bad('true, false or nothing');
}

function json(text: string, textual: boolean): Parsed {
  if (text === '') return bad('a JSON value');
  try {
    return ok(JSON.parse(text) as JsonValue);
  } catch {
    return textual ? ok(text) : bad('a JSON value');
  }
}

/** The constraint tags the README's "Models" lists, each the schema keyword of the same name. */
export const TAG_SPECS: Record<string, TagSpec> = {
  minLength: { applies: 'string', parse: count },
  maxLength: { applies: 'string', parse: count },
  pattern: { applies: 'string', parse: pattern },
  format: { applies: 'string', parse: format },
  minimum: { applies: 'number', parse: number },
  maximum: { applies: 'number', parse: number },
  multipleOf: { applies: 'number', parse: positive },
  minItems: { applies: 'array', parse: count },
  maxItems: { applies: 'array', parse: count },
  uniqueItems: { applies: 'array', parse: flag },
  default: { applies: 'any', parse: json },
  example: { applies: 'any', parse: json },
};

/** Lower and upper bounds that must not cross. */
export const BOUNDS: ReadonlyArray<[string, string]> = [
  ['minLength', 'maxLength'],
  ['minimum', 'maximum'],
  ['minItems', 'maxItems'],
];
