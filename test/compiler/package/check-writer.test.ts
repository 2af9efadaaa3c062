import { expect } from 'chai';
import type { JsonSchema, SchemaDefinitions } from '../../../src/compiler/model/json-schema';
import { compileCheck } from './support/compile-check';

const DEFINITIONS: SchemaDefinitions = {
  NewTodo: {
    type: 'object',
    properties: {
      title: { type: 'string', minLength: 1, maxLength: 5 },
      due: { type: 'string', format: 'date-time' },
      priority: { type: 'string', enum: ['low', 'high'] },
      tags: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' }, minItems: 1, uniqueItems: true },
      parent: { anyOf: [{ $ref: '#/definitions/Node' }, { type: 'null' }] },
      counts: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } },
    },
    required: ['title', 'priority'],
    additionalProperties: false,
  },
  Node: {
    type: 'object',
    properties: { next: { $ref: '#/definitions/Node' }, weight: { type: 'number', multipleOf: 0.5, maximum: 10 } },
    required: ['weight'],
  },
};
const todo = compileCheck({ $ref: '#/definitions/NewTodo' }, DEFINITIONS);

describe('CheckWriter: generated checks and their problems', () => {
  it('accepts a valid value with no problems', () => {
    expect(todo({ title: 'buy', priority: 'low' })).to.deep.equal([]);
    const full = { title: 'buy', priority: 'high', tags: ['a', 'b'], due: '2026-12-02T10:00:00Z', counts: { x: 1 } };
    expect(todo({ ...full, parent: { weight: 1.5, next: { weight: 2 } } })).to.deep.equal([]);
    expect(todo({ ...full, parent: null })).to.deep.equal([]);
  });

  it('reports every problem with its JSON path', () => {
    const value = {
      title: '',
      priority: 'mid',
      tags: ['a', 2, 'a', 'B'],
      parent: { next: { weight: 0.3 } },
      counts: { ok: 1, neg: -1, 'x y': 1.5 },
      due: 'tomorrow',
      extra: true,
    };
    expect(todo(value)).to.deep.equal([
      '$.title: must have at least 1 character',
      '$.due: must be a valid date-time',
      '$.priority: must be one of "low", "high"',
      '$.tags: must not have duplicate items (0 and 2)',
      '$.tags[1]: must be a string',
      '$.tags[3]: must match the pattern ^[a-z]+$',
      '$.parent.next.weight: must be a multiple of 0.5',
      '$.parent.weight: is required',
      '$.counts.neg: must be >= 0',
      '$.counts["x y"]: must be an integer',
      '$.extra: is not allowed',
    ]);
  });

  it('reports a wrong type once, and a missing required property at its path', () => {
    expect(todo([])).to.deep.equal(['$: must be an object']);
    expect(todo({})).to.deep.equal(['$.title: is required', '$.priority: is required']);
    expect(todo({ title: 7, priority: 'low', parent: 'x' })).to.deep.equal([
      '$.title: must be a string',
      '$.parent: must be an object',
    ]);
  });

  it('counts characters as code points, as JSON Schema does', () => {
    expect(todo({ title: '😀😀😀😀😀', priority: 'low' })).to.deep.equal([]);
    expect(todo({ title: '😀😀😀😀😀😀', priority: 'low' })).to.deep.equal(['$.title: must have at most 5 characters']);
  });

  it('does not read inherited properties as present', () => {
    const check = compileCheck({ type: 'object', required: ['constructor', 'toString'], properties: { toString: {} } });
    expect(check({})).to.deep.equal(['$.toString: is required', '$.constructor: is required']);
    expect(check(JSON.parse('{"constructor": 1, "toString": 2}'))).to.deep.equal([]);
  });

  const cases: Array<[string, JsonSchema, unknown, string[]]> = [
    ['integer', { type: 'integer' }, 1.5, ['$: must be an integer']],
    ['type list', { type: ['string', 'null'] }, 1, ['$: must be a string or null']],
    [
      'exclusive bounds',
      { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 1, exclusiveMaximum: true },
      0,
      ['$: must be > 0'],
    ],
    ['maximum', { type: 'number', maximum: 1, exclusiveMaximum: true }, 1, ['$: must be < 1']],
    [
      'tuple',
      { type: 'array', items: [{ type: 'string' }, { type: 'number' }], additionalItems: false },
      ['a', 'b', 3],
      ['$[1]: must be a number', '$: must have at most 2 items'],
    ],
    ['maxItems', { type: 'array', maxItems: 1 }, [1, 2], ['$: must have at most 1 item']],
    ['enum of objects', { enum: [{ a: [1] }, 'x'] }, { a: [2] }, ['$: must be one of {"a":[1]}, "x"']],
    ['anyOf', { anyOf: [{ type: 'string' }, { type: 'number' }] }, true, ['$: must match one of the allowed types']],
    [
      'oneOf',
      { oneOf: [{ type: 'number' }, { type: 'integer' }] },
      1,
      ['$: must match exactly one of the allowed types'],
    ],
    ['not', { not: { type: 'string' } }, 'a', ['$: must not match the excluded type']],
    ['allOf', { allOf: [{ minLength: 2 }, { maxLength: 2 }] }, 'abc', ['$: must have at most 2 characters']],
    ['keywords of other types ignored', { minLength: 5, minimum: 3 }, 1, ['$: must be >= 3']],
    ['unknown format', { type: 'string', format: 'color' }, 'red', []],
    ['date', { type: 'string', format: 'date' }, '2026-02-29', ['$: must be a valid date']],
    ['email', { type: 'string', format: 'email' }, 'me@example.com', []],
    ['ipv4', { type: 'string', format: 'ipv4' }, '256.1.1.1', ['$: must be a valid ipv4']],
    ['uuid', { type: 'string', format: 'uuid' }, 'x', ['$: must be a valid uuid']],
    [
      'additionalProperties schema',
      { type: 'object', properties: { a: {} }, additionalProperties: { type: 'string' } },
      { a: 1, b: 2 },
      ['$.b: must be a string'],
    ],
  ];
  for (const [name, schema, value, problems] of cases) {
    it(`checks ${name}`, () => expect(compileCheck(schema)(value)).to.deep.equal(problems));
  }

  it('names the root as asked (the query is checked as `query`)', () => {
    const check = compileCheck(
      { type: 'object', properties: { limit: { type: 'integer' } }, required: ['owner'] },
      {},
      'query',
    );
    expect(check({ limit: 'x' })).to.deep.equal(['query.limit: must be an integer', 'query.owner: is required']);
  });
});
