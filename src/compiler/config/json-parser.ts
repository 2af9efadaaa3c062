/**
 * A strict JSON parser (RFC 8259: what `JSON.parse` and Chalice's `json.loads` accept) that keeps
 * the offset of every node, so that diagnostics can point at a key or a value, and that stops at
 * `MAX_JSON_DEPTH` levels of nesting instead of running out of stack.
 */

/** Deeper than any config or policy document needs; deep enough that no real file meets it. */
export const MAX_JSON_DEPTH = 100;

export type JsonNode =
  | { kind: 'object'; start: number; end: number; members: JsonMember[] }
  | { kind: 'array'; start: number; end: number; elements: JsonNode[] }
  | { kind: 'scalar'; start: number; end: number };

export interface JsonMember {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}

export type JsonParse =
  | { ok: true; value: unknown; root: JsonNode }
  | { ok: false; problem: 'syntax' | 'depth'; offset: number; reason: string };

class ParseFailure {
  constructor(
    readonly problem: 'syntax' | 'depth',
    readonly offset: number,
    readonly reason: string,
  ) {}
}

export function parseJson(text: string): JsonParse {
  const parser = new Parser(text);
  try {
    const { value, node } = parser.document();
    return { ok: true, value, root: node };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, problem: e.problem, offset: e.offset, reason: e.reason };
    throw e;
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS: Array<[string, unknown]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  document(): { value: unknown; node: JsonNode } {
    const parsed = this.value(0);
    this.skipSpace();
    if (this.pos < this.text.length) this.fail(this.pos, 'unexpected text after the JSON value');
    return parsed;
  }

  private value(depth: number): { value: unknown; node: JsonNode } {
    this.skipSpace();
    const start = this.pos;
    const c = this.text[start];
    if (c === '{' || c === '[') {
      if (depth >= MAX_JSON_DEPTH)
        throw new ParseFailure('depth', start, `nested deeper than ${MAX_JSON_DEPTH} levels`);
      return c === '{' ? this.object(depth + 1) : this.array(depth + 1);
    }
    if (c === '"') return { value: this.string(), node: { kind: 'scalar', start, end: this.pos } };
    NUMBER.lastIndex = start;
    const number = NUMBER.exec(this.text);
    if (number) {
      this.pos = NUMBER.lastIndex;
      return { value: Number(number[0]), node: { kind: 'scalar', start, end: this.pos } };
    }
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, start)) {
        this.pos += word.length;
        return { value, node: { kind: 'scalar', start, end: this.pos } };
      }
    }
    return this.fail(start, this.unexpected(start, 'value expected'));
  }

  private object(depth: number): { value: unknown; node: JsonNode } {
    const start = this.pos++;
    const value: Record<string, unknown> = {};
    const members: JsonMember[] = [];
    this.skipSpace();
    if (this.text[this.pos] === '}') return { value, node: { kind: 'object', start, end: ++this.pos, members } };
    for (;;) {
      this.skipSpace();
      const keyStart = this.pos;
      if (this.text[keyStart] !== '"')
        this.fail(keyStart, this.unexpected(keyStart, 'property name expected (a double-quoted string)'));
      const key = this.string();
      const keyEnd = this.pos;
      this.skipSpace();
      if (this.text[this.pos] !== ':')
        this.fail(this.pos, this.unexpected(this.pos, "expected ':' after property name"));
      this.pos++;
      const member = this.value(depth);
      // defineProperty, as JSON.parse does: a key named __proto__ is a key, not the object's prototype.
      Object.defineProperty(value, key, { value: member.value, enumerable: true, writable: true, configurable: true });
      members.push({ key, keyStart, keyEnd, value: member.node });
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === '}') return { value, node: { kind: 'object', start, end: ++this.pos, members } };
      if (next !== ',') this.fail(this.pos, this.unexpected(this.pos, "expected ',' or '}' after property value"));
      this.afterComma('}');
    }
  }

  private array(depth: number): { value: unknown; node: JsonNode } {
    const start = this.pos++;
    const value: unknown[] = [];
    const elements: JsonNode[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') return { value, node: { kind: 'array', start, end: ++this.pos, elements } };
    for (;;) {
      const element = this.value(depth);
      value.push(element.value);
      elements.push(element.node);
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === ']') return { value, node: { kind: 'array', start, end: ++this.pos, elements } };
      if (next !== ',') this.fail(this.pos, this.unexpected(this.pos, "expected ',' or ']' after array element"));
      this.afterComma(']');
    }
  }

  /** Past a comma; a closing bracket right after it is the trailing comma JSON forbids. */
  private afterComma(closing: '}' | ']'): void {
    const comma = this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === closing) this.fail(comma, 'trailing comma');
  }

  /** A double-quoted string; JSON.parse of its exact text decides escapes and control characters. */
  private string(): string {
    const start = this.pos;
    let i = start + 1;
    for (; i < this.text.length; i++) {
      const c = this.text[i];
      if (c === '\\') i++;
      else if (c === '"') break;
      else if (c === '\n') this.fail(start, 'unterminated string');
    }
    if (i >= this.text.length) this.fail(start, 'unterminated string');
    this.pos = i + 1;
    try {
      return JSON.parse(this.text.slice(start, this.pos)) as string;
    } catch {
      return this.fail(
        start,
        'invalid string (a bad escape, or a control character such as a tab that must be escaped)',
      );
    }
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos])) this.pos++;
  }

  /** Names the common mistakes: the end of the text, comments, single quotes, NaN and friends. */
  private unexpected(at: number, expected: string): string {
    if (at >= this.text.length) return 'unexpected end of JSON input';
    const rest = this.text.slice(at, at + 12);
    if (/^\/[/*]/.test(rest)) return 'comments are not allowed';
    if (rest.startsWith("'")) return 'strings must use double quotes';
    if (/^(NaN|-?Infinity|undefined)\b/.test(rest))
      return `${/^\S+?\b/.exec(rest.replace(/^-/, ''))?.[0] ?? rest} is not a JSON value`;
    return expected;
  }

  private fail(offset: number, reason: string): never {
    throw new ParseFailure('syntax', offset, reason);
  }
}
