import type { ErrorObject } from 'ajv';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import { valueAt, type JsonPath } from './config-lookup';
import { closestName } from './did-you-mean';
import { configSchemaValidator, configSchema, type SchemaNode } from './config-schema';
import { formatJsonPath, type JsonDocument } from './json-document';
import { unknownKeyDiagnostic } from './unknown-key';

/** Every way the document breaks `schemas/config.schema.json`, one diagnostic per problem. */
export function schemaDiagnostics(doc: JsonDocument): Diagnostic[] {
  const validate = configSchemaValidator();
  if (validate(doc.value)) return [];
  return pickErrors(validate.errors ?? []).map((e) => toDiagnostic(doc, e));
}

/** allErrors reports a wrong type and the enum it then misses; keep one error per value, the type first. */
function pickErrors(errors: ErrorObject[]): ErrorObject[] {
  const perValue = new Map<string, ErrorObject>();
  const rest: ErrorObject[] = [];
  for (const e of errors) {
    if (e.keyword === 'propertyNames') continue;
    if (e.keyword === 'additionalProperties' || e.propertyName !== undefined) rest.push(e);
    else if (!perValue.has(e.instancePath) || e.keyword === 'type') perValue.set(e.instancePath, e);
  }
  return [...rest, ...perValue.values()];
}

function toDiagnostic(doc: JsonDocument, e: ErrorObject): Diagnostic {
  const at = pointerToPath(e.instancePath, doc.value);
  if (e.keyword === 'additionalProperties') return unknownKeyDiagnostic(doc, at, String(e.params.additionalProperty));
  if (e.propertyName !== undefined) return keyNameDiagnostic(doc, at, e);
  if (at.length === 1 && at[0] === 'version' && Number(e.data) > 2) return newerVersionDiagnostic(doc, e.data);
  const name = at.length ? formatJsonPath(at) : 'the config';
  return error('APPC103', `${name} ${rule(e)}`, remedy(e, at), doc.locate(at));
}

function keyNameDiagnostic(doc: JsonDocument, at: JsonPath, e: ErrorObject): Diagnostic {
  const key = e.propertyName!;
  const message = `key "${key}" in ${formatJsonPath(at)} ${(e.parentSchema as SchemaNode).patternErrorMessage ?? rule(e)}`;
  return error('APPC103', message, 'Rename the key.', doc.locate([...at, key], 'key'));
}

function newerVersionDiagnostic(doc: JsonDocument, version: unknown): Diagnostic {
  return error(
    'APPC104',
    `config version ${JSON.stringify(version)} is newer than this appc supports (2.0)`,
    'Use "version": "2.0", or upgrade appc.',
    doc.locate(['version']),
  );
}

function rule(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type':
      return `must be ${typeWords(params.type)}`;
    case 'minimum':
    case 'maximum':
      return `must be ${params.comparison} ${params.limit}`;
    case 'enum':
      return `must be one of ${allowed(params.allowedValues)
        .map((v) => JSON.stringify(v))
        .join(', ')}`;
    case 'pattern':
      return (e.parentSchema as SchemaNode).patternErrorMessage ?? `must match ${params.pattern}`;
    case 'minLength':
    case 'minItems':
      return params.limit === 1
        ? 'must not be empty'
        : `must have at least ${params.limit} ${e.keyword === 'minLength' ? 'characters' : 'items'}`;
    case 'maxLength':
      return `must be at most ${params.limit} characters`;
    case 'maxItems':
      return `must have at most ${params.limit} items`;
    default:
      return e.message ?? `breaks the schema rule ${e.keyword}`;
  }
}

const TYPE_WORDS: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
};

function typeWords(type: unknown): string {
  const types = (Array.isArray(type) ? type : String(type).split(',')).filter((t) => t !== 'null');
  return types.map((t) => TYPE_WORDS[t] ?? t).join(' or ');
}

function allowed(values: unknown): unknown[] {
  return (values as unknown[]).filter((v) => v !== null);
}

function remedy(e: ErrorObject, at: JsonPath): string | undefined {
  const schema = e.parentSchema as SchemaNode;
  if (at.length === 0)
    return 'Write the settings as one JSON object, e.g. { "version": "2.0", "stages": { "dev": {} } }.';
  const specific =
    e.keyword === 'type'
      ? typeRemedy(e.data, e.params.type)
      : e.keyword === 'enum'
        ? enumRemedy(e.data, e.params.allowedValues)
        : undefined;
  if (specific) return specific;
  if (
    (e.keyword === 'minimum' || e.keyword === 'maximum') &&
    schema.minimum !== undefined &&
    schema.maximum !== undefined
  ) {
    return `Use a whole number from ${schema.minimum} to ${schema.maximum}.`;
  }
  return schema.description ?? describedKey(at);
}

function typeRemedy(value: unknown, type: unknown): string | undefined {
  const expected = Array.isArray(type) ? type : String(type).split(',');
  if (expected.includes('string') && (typeof value === 'number' || typeof value === 'boolean')) {
    return `Write it as a string: ${JSON.stringify(String(value))}.`;
  }
  const unquoted = typeof value === 'string' ? value.trim() : undefined;
  if (expected.includes('integer') && unquoted && /^-?\d+$/.test(unquoted))
    return `Write it as a number, without quotes: ${unquoted}.`;
  if (expected.includes('boolean') && (unquoted === 'true' || unquoted === 'false'))
    return `Write it without quotes: ${unquoted}.`;
  if (expected.includes('integer') && typeof value === 'number') return 'Use a whole number.';
  return undefined;
}

function enumRemedy(value: unknown, values: unknown): string | undefined {
  const options = allowed(values);
  if (typeof value === 'string') {
    const close = closestName(
      value,
      options.filter((v): v is string => typeof v === 'string'),
    );
    return close === undefined ? undefined : `Did you mean ${JSON.stringify(close)}?`;
  }
  if (typeof value !== 'number') return undefined;
  const numbers = options.filter((v): v is number => typeof v === 'number');
  if (!numbers.length) return undefined;
  const nearest = numbers.reduce((a, b) => (Math.abs(b - value) < Math.abs(a - value) ? b : a));
  return `The nearest allowed value is ${nearest}.`;
}

/** The description of the last named key on the path (`layers` for `layers[0]`). */
function describedKey(at: JsonPath): string | undefined {
  const key = [...at].reverse().find((s): s is string => typeof s === 'string');
  return key === undefined ? undefined : configSchema().definitions?.[key]?.description;
}

/** `/stages/prod/layers/0` -> `['stages', 'prod', 'layers', 0]`: RFC 6901, numbers only for array indexes. */
export function pointerToPath(pointer: string, root: unknown): JsonPath {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let node = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path.push(Array.isArray(node) ? Number(segment) : segment);
    node = valueAt(node, path.slice(-1));
  }
  return path;
}
