import { expect } from 'chai';
import type { JsonSchema } from '../../../src/compiler/model/json-schema';
import { schemaDoc, schemaType } from '../../../src/compiler/client/schema-type';

const names = new Map([
  ['Todo', 'Todo'],
  ['Promise', 'PromiseModel'],
]);
const type = (schema: JsonSchema) => schemaType(schema, names);

describe('generate-sdk: JSON Schema as TypeScript types', () => {
  it('maps scalars, enums, nullable types and unconstrained schemas', () => {
    expect(type({ type: 'string', format: 'date-time' })).to.equal('string');
    expect(type({ type: 'integer' })).to.equal('number');
    expect(type({ type: ['string', 'null'] })).to.equal('string | null');
    expect(type({ type: 'string', enum: ['low', 'high'] })).to.equal('"low" | "high"');
    expect(type({ enum: [1, null, true] })).to.equal('1 | null | true');
    expect(type({})).to.equal('unknown');
  });

  it('names references by their declaration names (unknown for refs it does not know)', () => {
    expect(type({ $ref: '#/definitions/Todo' })).to.equal('Todo');
    expect(type({ $ref: '#/definitions/Promise' })).to.equal('PromiseModel');
    expect(type({ $ref: '#/definitions/Missing' })).to.equal('unknown');
  });

  it('writes arrays, parenthesising unions, and tuples with optional and rest elements', () => {
    expect(type({ type: 'array', items: { $ref: '#/definitions/Todo' } })).to.equal('Todo[]');
    expect(type({ type: 'array', items: { type: ['string', 'null'] } })).to.equal('(string | null)[]');
    expect(type({ type: 'array' })).to.equal('unknown[]');
    const tuple: JsonSchema = { type: 'array', items: [{ type: 'string' }, { type: ['number', 'null'] }], minItems: 1 };
    expect(type({ ...tuple, additionalItems: false })).to.equal('[string, (number | null)?]');
    expect(type(tuple)).to.equal('[string, (number | null)?, ...unknown[]]');
  });

  it('writes objects with optional members, quoted keys, docs and index signatures', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: { id: { type: 'string', description: 'The id.' }, 'x-y': { type: 'number' } },
      required: ['id'],
    };
    expect(type(schema)).to.equal('{\n  /** The id. */\n  id: string;\n  "x-y"?: number;\n}');
    expect(type({ type: 'object', additionalProperties: { type: 'number' } })).to.equal(
      '{\n  [key: string]: number;\n}',
    );
    expect(type({ ...schema, additionalProperties: { type: 'boolean' } })).to.contain('[key: string]: unknown;');
    expect(type({ type: 'object' })).to.equal('{\n  [key: string]: unknown;\n}');
    expect(type({ type: 'object', additionalProperties: false })).to.equal('{}');
  });

  it('writes anyOf and oneOf as unions and allOf as an intersection', () => {
    expect(type({ anyOf: [{ type: 'string' }, { $ref: '#/definitions/Todo' }] })).to.equal('string | Todo');
    expect(type({ oneOf: [{ type: 'number' }, { type: 'null' }] })).to.equal('number | null');
    expect(
      type({
        allOf: [{ $ref: '#/definitions/Todo' }, { anyOf: [{ type: 'string' }, { type: 'number' }] }],
      }),
    ).to.equal('Todo & (string | number)');
  });

  it('documents what a type cannot say as JSDoc tags after the description', () => {
    expect(schemaDoc({ type: 'string', description: 'What to do.', minLength: 1, pattern: '^a+$' })).to.equal(
      'What to do.\n@minLength 1\n@pattern ^a+$',
    );
    expect(schemaDoc({ type: 'string', default: 'x', example: 'y' })).to.equal('@default "x"\n@example "y"');
    expect(schemaDoc({ type: 'string' })).to.equal(undefined);
    expect(type({ type: 'object', properties: { n: { type: 'integer', minimum: 1 } } })).to.equal(
      '{\n  /** @minimum 1 */\n  n?: number;\n}',
    );
  });
});
