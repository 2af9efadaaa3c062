import { refName, type JsonSchema, type JsonSchemaType, type JsonValue } from '../model/json-schema';
import type { SchemaDefinitions } from '../model/json-schema';
import { indexPath, keyPath, PARAM_PATH, pathExpression, propertyPath, rootPath, type CheckPath } from './check-path';
import { checkHelpers, FORMATS, type CheckHelper } from './check-helpers';

/**
 * Writes JSON Schema (the draft-4 vocabulary of `src/compiler/model/json-schema.ts`) as JavaScript
 * check functions: each pushes one `"<path>: <problem>"` line per problem it finds (README "Models"),
 * and on a valid value runs only type tests and comparisons, building no path. Keywords follow draft
 * 4: a keyword constrains only values of its type, `$ref` replaces its schema, an unknown `format`
 * constrains nothing. A value of the wrong `type` gets that one problem.
 * @example new CheckWriter(definitions).check({ $ref: '#/definitions/NewTodo' }, '$')
 */
export class CheckWriter {
  private readonly constants: string[] = [];
  private readonly helpers = new Set<CheckHelper>();
  private readonly functions = new Map<string, string>();
  private names = 0;

  constructor(private readonly definitions: SchemaDefinitions) {}

  /** A `(value, problems) => void` expression checking `schema`, its paths starting at `root` (`$`, `query`). */
  check(schema: JsonSchema, root: string): string {
    return `(x, e) => {\n${this.schema(schema, 'x', rootPath(root), 'e')}}`;
  }

  /** What the checks need at module level: helpers, constants (patterns, enum members), one function per definition. */
  preamble(): string {
    const helpers = checkHelpers([...this.helpers]);
    return [...helpers, ...this.constants, ...this.functions.values()].map((line) => `${line}\n`).join('');
  }

  /** Statements that check the value in variable `v`, at `path`, pushing problems onto array `e`. */
  private schema(schema: JsonSchema, v: string, path: CheckPath, e: string): string {
    if (schema.$ref !== undefined) return `${this.definition(schema.$ref)}(${v}, ${pathExpression(path)}, ${e});\n`;
    const types = typesOf(schema);
    const rest = [
      this.enumeration(schema, v, path, e),
      this.group('string', types, v, this.stringKeywords(schema, v, path, e)),
      this.group('number', types, v, this.numberKeywords(schema, v, path, e)),
      this.group('array', types, v, this.arrayKeywords(schema, v, path, e)),
      this.group('object', types, v, this.objectKeywords(schema, v, path, e)),
      this.combinations(schema, v, path, e),
    ].join('');
    if (types === undefined) return rest;
    const test = types.map((type) => typeTest(type, v)).join(' || ');
    return `if (!(${test})) ${push(e, path, `must be ${typeNames(types)}`)}${rest === '' ? '' : ` else {\n${rest}}`}\n`;
  }

  /** The check function of definition `#/definitions/<name>`, written on first use (so recursion ends). */
  private definition(ref: string): string {
    const name = refName(ref);
    const schema = name === undefined ? undefined : this.definitions[name];
    if (name === undefined || schema === undefined) throw new Error(`no definition for $ref ${ref}`);
    const fn = `d_${name}`;
    if (!this.functions.has(name)) {
      this.functions.set(name, '');
      this.functions.set(name, `function ${fn}(v, p, e) {\n${this.schema(schema, 'v', PARAM_PATH, 'e')}}`);
    }
    return fn;
  }

  /** Keywords of one JSON type, run only for values of that type (unguarded when the schema allows no other). */
  private group(
    type: 'string' | 'number' | 'array' | 'object',
    types: JsonSchemaType[] | undefined,
    v: string,
    code: string,
  ) {
    if (code === '') return '';
    const only =
      types !== undefined && types.length === 1 && (types[0] === type || (type === 'number' && types[0] === 'integer'));
    return only ? code : `if (${typeTest(type, v)}) {\n${code}}\n`;
  }

  private enumeration(schema: JsonSchema, v: string, path: CheckPath, e: string): string {
    if (schema.enum === undefined) return '';
    const tests = schema.enum.map((member) => this.equals(v, member));
    const allowed = schema.enum.map((member) => JSON.stringify(member)).join(', ');
    return `if (!(${tests.join(' || ') || 'false'})) ${push(e, path, `must be one of ${allowed}`)}\n`;
  }

  private equals(v: string, member: JsonValue): string {
    if (member === null || typeof member !== 'object') return `${v} === ${JSON.stringify(member)}`;
    this.helpers.add('equal');
    return `equal(${v}, ${this.constant(JSON.stringify(member))})`;
  }

  private stringKeywords(schema: JsonSchema, v: string, path: CheckPath, e: string): string {
    const lines: string[] = [];
    const { minLength, maxLength, pattern, format } = schema;
    if (minLength !== undefined || maxLength !== undefined) this.helpers.add('length');
    if (minLength !== undefined) {
      lines.push(
        `if (length(${v}) < ${minLength}) ${push(e, path, `must have at least ${count(minLength, 'character')}`)}`,
      );
    }
    if (maxLength !== undefined) {
      const test = `${v}.length > ${maxLength} && length(${v}) > ${maxLength}`;
      lines.push(`if (${test}) ${push(e, path, `must have at most ${count(maxLength, 'character')}`)}`);
    }
    if (pattern !== undefined) {
      const regexp = this.constant(`new RegExp(${JSON.stringify(pattern)}, "u")`);
      lines.push(`if (!${regexp}.test(${v})) ${push(e, path, `must match the pattern ${pattern}`)}`);
    }
    if (format !== undefined && Object.hasOwn(FORMATS, format)) {
      this.helpers.add(format as CheckHelper);
      lines.push(`if (!${FORMATS[format]}(${v})) ${push(e, path, `must be a valid ${format}`)}`);
    }
    return lines.map((line) => `${line}\n`).join('');
  }

  private numberKeywords(schema: JsonSchema, v: string, path: CheckPath, e: string): string {
    const lines: string[] = [];
    const { minimum, maximum, multipleOf } = schema;
    if (minimum !== undefined) {
      const [op, name] = schema.exclusiveMinimum === true ? ['<=', '>'] : ['<', '>='];
      lines.push(`if (${v} ${op} ${minimum}) ${push(e, path, `must be ${name} ${minimum}`)}`);
    }
    if (maximum !== undefined) {
      const [op, name] = schema.exclusiveMaximum === true ? ['>=', '<'] : ['>', '<='];
      lines.push(`if (${v} ${op} ${maximum}) ${push(e, path, `must be ${name} ${maximum}`)}`);
    }
    if (multipleOf !== undefined) {
      lines.push(
        `if (!Number.isInteger(${v} / ${multipleOf})) ${push(e, path, `must be a multiple of ${multipleOf}`)}`,
      );
    }
    return lines.map((line) => `${line}\n`).join('');
  }

  private arrayKeywords(schema: JsonSchema, v: string, path: CheckPath, e: string): string {
    const lines: string[] = [];
    const { minItems, maxItems, items, additionalItems } = schema;
    if (minItems !== undefined)
      lines.push(`if (${v}.length < ${minItems}) ${push(e, path, `must have at least ${count(minItems, 'item')}`)}`);
    if (maxItems !== undefined)
      lines.push(`if (${v}.length > ${maxItems}) ${push(e, path, `must have at most ${count(maxItems, 'item')}`)}`);
    if (schema.uniqueItems === true) {
      this.helpers.add('duplicate');
      const d = this.name('d');
      const message = `${pathExpression(path, ': must not have duplicate items (')} + ${d}[0] + " and " + ${d}[1] + ")"`;
      lines.push(`const ${d} = duplicate(${v}); if (${d} !== undefined) ${e}.push(${message});`);
    }
    if (Array.isArray(items)) lines.push(this.tuple(items, additionalItems, v, path, e));
    else if (items !== undefined) lines.push(this.elements(items, 0, v, path, e));
    return lines.map((line) => `${line}\n`).join('');
  }

  /** Positional `items`, then `additionalItems` for the rest. */
  private tuple(items: JsonSchema[], additional: JsonSchema['additionalItems'], v: string, path: CheckPath, e: string) {
    const lines = items.map((item, index) => {
      const x = this.name('x');
      const check = this.schema(item, x, propertyIndex(path, index), e);
      return `if (${v}.length > ${index}) { const ${x} = ${v}[${index}];\n${check}}`;
    });
    if (additional === false) {
      lines.push(
        `if (${v}.length > ${items.length}) ${push(e, path, `must have at most ${count(items.length, 'item')}`)}`,
      );
    } else if (additional !== undefined && additional !== true) {
      lines.push(this.elements(additional, items.length, v, path, e));
    }
    return lines.join('\n');
  }

  /** `schema` for every element from index `from` on. */
  private elements(schema: JsonSchema, from: number, v: string, path: CheckPath, e: string): string {
    const [i, x] = [this.name('i'), this.name('x')];
    const check = this.schema(schema, x, indexPath(path, i), e);
    if (check === '') return '';
    return `for (let ${i} = ${from}; ${i} < ${v}.length; ${i}++) { const ${x} = ${v}[${i}];\n${check}}`;
  }

  private objectKeywords(schema: JsonSchema, v: string, path: CheckPath, e: string): string {
    const properties = schema.properties ?? {};
    const required = new Set(schema.required ?? []);
    const lines = Object.keys(properties).map((key) => {
      const x = this.name('x');
      const missing = required.has(key) ? ` else ${push(e, propertyPath(path, key), 'is required')}` : '';
      const check = this.schema(properties[key], x, propertyPath(path, key), e);
      return `{ const ${x} = ${this.property(v, key)}; if (${x} !== undefined) {\n${check}}${missing} }`;
    });
    for (const key of required) {
      if (!Object.hasOwn(properties, key))
        lines.push(`if (${this.property(v, key)} === undefined) ${push(e, propertyPath(path, key), 'is required')}`);
    }
    if (schema.additionalProperties !== undefined && schema.additionalProperties !== true) {
      lines.push(this.additional(schema.additionalProperties, Object.keys(properties), v, path, e));
    }
    return lines.map((line) => `${line}\n`).join('');
  }

  /** `v[key]`, or `undefined` when `key` is only inherited (`constructor`, `__proto__`...): JSON never inherits. */
  private property(v: string, key: string): string {
    const access = `${v}[${JSON.stringify(key)}]`;
    if (!(key in Object.prototype)) return access;
    this.helpers.add('own');
    return `(own(${v}, ${JSON.stringify(key)}) ? ${access} : undefined)`;
  }

  /** `additionalProperties`: `false` rejects every key not in `properties`; a schema checks their values. */
  private additional(schema: false | JsonSchema, known: string[], v: string, path: CheckPath, e: string): string {
    const k = this.name('k');
    this.helpers.add('key');
    const test =
      known.length <= 8
        ? known.map((name) => `${k} !== ${JSON.stringify(name)}`).join(' && ')
        : `!${this.constant(`new Set(${JSON.stringify(known)})`)}.has(${k})`;
    const x = this.name('x');
    const check =
      schema === false
        ? push(e, keyPath(path, k), 'is not allowed')
        : `{ const ${x} = ${v}[${k}];\n${this.schema(schema, x, keyPath(path, k), e)}}`;
    return `for (const ${k} in ${v}) if (${test || 'true'}) ${check}`;
  }

  private combinations(schema: JsonSchema, v: string, path: CheckPath, e: string): string {
    const lines = (schema.allOf ?? []).map((part) => this.schema(part, v, path, e));
    if (schema.anyOf !== undefined) lines.push(this.anyOf(schema.anyOf, v, path, e));
    if (schema.oneOf !== undefined) {
      const n = this.name('n');
      const tries = schema.oneOf.map((part) => `if (${this.passes(part, v)}) ${n}++;`).join('\n');
      lines.push(
        `{ let ${n} = 0;\n${tries}\nif (${n} !== 1) ${push(e, path, 'must match exactly one of the allowed types')} }`,
      );
    }
    if (schema.not !== undefined) {
      lines.push(`if (${this.passes(schema.not, v)}) ${push(e, path, 'must not match the excluded type')}`);
    }
    return lines.map((line) => `${line}\n`).join('');
  }

  /** `T | null` reports T's own problems; any other union, that no member matched. */
  private anyOf(parts: JsonSchema[], v: string, path: CheckPath, e: string): string {
    const others = parts.filter((part) => !isNull(part));
    if (parts.length === 2 && others.length === 1)
      return `if (${v} !== null) {\n${this.schema(others[0], v, path, e)}}`;
    const tests = parts.map((part) => this.passes(part, v));
    return `if (!(${tests.join(' || ') || 'false'})) ${push(e, path, 'must match one of the allowed types')}`;
  }

  /** An expression: whether `v` passes `schema` (its problems gathered into a fresh array, then dropped). */
  private passes(schema: JsonSchema, v: string): string {
    const t = this.name('t');
    return `((${t}) => {\n${this.schema(schema, v, rootPath(''), t)}return ${t}.length === 0; })([])`;
  }

  /** A module-level constant holding `expression`, evaluated once at load. */
  private constant(expression: string): string {
    const name = `c${this.constants.length}`;
    this.constants.push(`const ${name} = ${expression};`);
    return name;
  }

  private name(prefix: string): string {
    return `${prefix}${this.names++}`;
  }
}

function typesOf(schema: JsonSchema): JsonSchemaType[] | undefined {
  if (schema.type === undefined) return undefined;
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

function isNull(schema: JsonSchema): boolean {
  return schema.type === 'null' && Object.keys(schema).every((key) => key === 'type' || key === 'description');
}

function propertyIndex(path: CheckPath, index: number): CheckPath {
  return [...path, { text: `[${index}]` }];
}

function typeTest(type: JsonSchemaType, v: string): string {
  switch (type) {
    case 'string':
    case 'number':
    case 'boolean':
      return `typeof ${v} === "${type}"`;
    case 'integer':
      return `Number.isInteger(${v})`;
    case 'null':
      return `${v} === null`;
    case 'array':
      return `Array.isArray(${v})`;
    case 'object':
      return `(typeof ${v} === "object" && ${v} !== null && !Array.isArray(${v}))`;
  }
}

const TYPE_NAMES: Record<JsonSchemaType, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  null: 'null',
  array: 'an array',
  object: 'an object',
};

function typeNames(types: JsonSchemaType[]): string {
  return types.map((type) => TYPE_NAMES[type]).join(' or ');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A statement pushing `"<path>: <problem>"` onto `e`. */
function push(e: string, path: CheckPath, problem: string): string {
  return `${e}.push(${pathExpression(path, `: ${problem}`)});`;
}
