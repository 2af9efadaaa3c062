import { expect } from 'chai';
import { openApiSchema } from '../../../src/compiler/client/openapi-schema';

describe('generate-sdk: draft-4 schemas in OpenAPI 3.1 (JSON Schema 2020-12)', () => {
  it('points references into components/schemas', () => {
    expect(openApiSchema({ type: 'array', items: { $ref: '#/definitions/Todo' } })).to.deep.equal({
      type: 'array',
      items: { $ref: '#/components/schemas/Todo' },
    });
  });

  it('turns boolean exclusive bounds into numeric ones', () => {
    expect(openApiSchema({ type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 9 })).to.deep.equal({
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 9,
    });
    expect(openApiSchema({ maximum: 5, exclusiveMaximum: true, minimum: 1, exclusiveMinimum: false })).to.deep.equal({
      minimum: 1,
      exclusiveMaximum: 5,
    });
  });

  it('turns tuples into prefixItems, with additionalItems as items', () => {
    expect(
      openApiSchema({ type: 'array', items: [{ type: 'string' }], additionalItems: false, minItems: 1 }),
    ).to.deep.equal({ type: 'array', prefixItems: [{ type: 'string' }], items: false, minItems: 1 });
    expect(openApiSchema({ type: 'array', items: { type: 'string' }, additionalItems: false })).to.deep.equal({
      type: 'array',
      items: { type: 'string' },
    });
  });

  it('turns example into examples, and converts nested schemas in properties, combinators, not', () => {
    expect(
      openApiSchema({
        type: 'object',
        properties: { n: { type: 'integer', example: 3 } },
        additionalProperties: { $ref: '#/definitions/X' },
        anyOf: [{ $ref: '#/definitions/Y' }],
        not: { $ref: '#/definitions/Z' },
      }),
    ).to.deep.equal({
      type: 'object',
      properties: { n: { type: 'integer', examples: [3] } },
      additionalProperties: { $ref: '#/components/schemas/X' },
      anyOf: [{ $ref: '#/components/schemas/Y' }],
      not: { $ref: '#/components/schemas/Z' },
    });
  });
});
