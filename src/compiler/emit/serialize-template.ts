/**
 * A template as Python's `json.dumps(obj, indent=2)` writes it, plus a final newline
 * (as in `chalice package`): 2-space indent, `": "` after keys, every character outside
 * ASCII escaped as `\uXXXX` (astral characters as their UTF-16 surrogate pair).
 * @example serializeTemplate({ a: 'é' }) === '{\n  "a": "\\u00e9"\n}\n'
 */
export function serializeTemplate(template: unknown): string {
  return `${serializeJson(template)}\n`;
}

/** An object inside a template, at `path` (its keys from the root), and `serializeTemplate` of it. */
export interface SerializedPart {
  readonly path: readonly string[];
  readonly value: object;
  readonly text: string;
}

/**
 * `serializeTemplate(template)`, with the object at `part.path` taken from `part.text` instead of
 * serialized again (sam.json holds the swagger document that swagger.json is). The same text: with
 * an indent, JSON.stringify writes a nested value as it writes it alone, each line after the first
 * indented by 2 spaces per level of nesting (ECMA-262 SerializeJSONObject). When the value at the
 * path is not `part.value`, the whole template is serialized.
 * @example serializeTemplateWith({ a: { b: doc } }, { path: ['a', 'b'], value: doc, text: serializeTemplate(doc) })
 */
export function serializeTemplateWith(template: unknown, part: SerializedPart): string {
  const outline = withPlaceholder(template, part.path, part.value);
  if (outline === undefined) return serializeTemplate(template);
  const text = serializeJson(outline);
  const at = text.indexOf(PLACEHOLDER_JSON);
  if (at < 0 || text.indexOf(PLACEHOLDER_JSON, at + 1) >= 0) return serializeTemplate(template);
  const inner = part.text.slice(0, -1).replaceAll('\n', `\n${' '.repeat(2 * part.path.length)}`);
  return `${text.slice(0, at)}${inner}${text.slice(at + PLACEHOLDER_JSON.length)}\n`;
}

const PLACEHOLDER = 'appc:serialized-part';
const PLACEHOLDER_JSON = JSON.stringify(PLACEHOLDER);

/** Copies of the objects along `path`, the last holding PLACEHOLDER for `value`; undefined if `value` is not there. */
function withPlaceholder(node: unknown, path: readonly string[], value: object): unknown {
  if (path.length === 0) return node === value ? PLACEHOLDER : undefined;
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const [key, ...rest] = path;
  if (!Object.hasOwn(node, key)) return undefined;
  const child = withPlaceholder((node as Record<string, unknown>)[key], rest, value);
  return child === undefined ? undefined : { ...node, [key]: child };
}

function serializeJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2);
  if (text === undefined) throw new Error('appc internal error: template is not JSON-serialisable');
  return escapeNonAscii(text);
}

/**
 * JS strings are UTF-16 already, so escaping code units yields surrogate pairs as Python does. Text of ASCII only
 * (as long in UTF-8 bytes as in code units: any other code unit takes 2 or 3 bytes) is returned as it is, found
 * without the regular expression's walk.
 */
function escapeNonAscii(text: string): string {
  if (Buffer.byteLength(text, 'utf8') === text.length) return text;
  return text.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
