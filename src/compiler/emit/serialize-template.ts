/**
 * A template as Python's `json.dumps(obj, indent=2)` writes it, plus a final newline
 * (as in `chalice package`): 2-space indent, `": "` after keys, every character outside
 * ASCII escaped as `\uXXXX` (astral characters as their UTF-16 surrogate pair).
 * @example serializeTemplate({ a: 'é' }) === '{\n  "a": "\\u00e9"\n}\n'
 */
export function serializeTemplate(template: unknown): string {
  const text = JSON.stringify(template, null, 2);
  if (text === undefined) throw new Error('appc internal error: template is not JSON-serialisable');
  return `${escapeNonAscii(text)}\n`;
}

/** JS strings are UTF-16 already, so escaping code units yields surrogate pairs as Python does. */
function escapeNonAscii(text: string): string {
  return text.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
