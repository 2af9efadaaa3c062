import { expect } from 'chai';
import Ajv from 'ajv';
import Ajv04 from 'ajv-draft-04';
import { gatewayModelDefinitions, gatewayModelSchema } from '../../../src/compiler/model/gateway-model-schema';
import type { JsonSchema, SchemaDefinitions } from '../../../src/compiler/model/json-schema';
import { CONSTRUCT_CASES } from '../analyze/schema/construct-cases';
import { convertRoots } from '../analyze/schema/schema-program';

/**
 * API Gateway's models are draft 4; `format` is left unchecked here (what API Gateway checks of it is not documented).
 */
const draft4 = new Ajv04({ allErrors: true, strict: false, validateFormats: false });
/** The full schema, as the runtime will enforce it (ajv's default draft; `example` is an annotation). */
const full = new Ajv({ allErrors: true, strict: false, validateFormats: false });

function validator(ajv: Ajv | Ajv04, root: JsonSchema, definitions: SchemaDefinitions) {
  return ajv.compile({ ...root, definitions });
}

describe('API Gateway model view of a schema', () => {
  it('drops the keywords API Gateway models do not support, keeps the rest', () => {
    const schema: JsonSchema = {
      description: 'd',
      type: 'object',
      required: ['a'],
      additionalProperties: { type: 'number' },
      properties: {
        a: {
          type: 'array',
          items: { anyOf: [{ $ref: '#/definitions/X' }, { type: 'null' }] },
          minItems: 1,
          maxItems: 3,
          uniqueItems: true,
        },
        b: {
          type: 'number',
          minimum: 1,
          exclusiveMinimum: true,
          maximum: 9,
          exclusiveMaximum: true,
          multipleOf: 2,
          format: 'int32',
          example: 4,
        },
        c: {
          type: 'string',
          minLength: 1,
          maxLength: 2,
          pattern: '^a',
          format: 'date-time',
          enum: ['a'],
          default: 'a',
        },
        t: { type: 'array', items: [{ type: 'string' }], additionalItems: false, minItems: 1, maxItems: 1 },
        n: { not: {} },
        m: { not: { anyOf: [{ type: 'string' }] } },
        o: { oneOf: [{ type: 'string' }], allOf: [{ type: 'string' }] },
      },
    };
    expect(gatewayModelSchema(schema)).to.deep.equal({
      description: 'd',
      type: 'object',
      required: ['a'],
      properties: {
        a: { type: 'array', items: {}, uniqueItems: true },
        b: { type: 'number', minimum: 1, maximum: 9, exclusiveMaximum: true, multipleOf: 2 },
        c: {
          type: 'string',
          minLength: 1,
          maxLength: 2,
          pattern: '^a',
          format: 'date-time',
          enum: ['a'],
          default: 'a',
        },
        t: { type: 'array', items: { type: 'string' } },
        n: { not: {} },
        m: {},
        o: {},
      },
    });
    expect(schema.properties!.a.minItems, 'the input is not changed').to.equal(1);
  });

  describe('of every construct case', () => {
    for (const [name, files] of Object.entries(CONSTRUCT_CASES)) {
      it(`${name}: every model is a valid draft-4 schema, every root compiles with the models`, () => {
        const { definitions, roots } = convertRoots(files);
        const models = gatewayModelDefinitions(definitions);
        expect(Object.keys(models)).to.deep.equal(Object.keys(definitions));
        for (const [model, schema] of Object.entries(models)) {
          expect(draft4.validateSchema(schema), `${model}: ${draft4.errorsText(draft4.errors)}`).to.equal(true);
          expect(JSON.stringify(schema), model).not.to.match(
            /"(additionalProperties|additionalItems|anyOf|oneOf|allOf|example|exclusiveMinimum|minItems|maxItems|discriminator|readOnly)"|"items":\[/,
          );
        }
        for (const root of roots) if (root.schema.$ref) validator(draft4, root.schema, models);
      });
    }
  });

  describe('sample bodies: the model rejects what it can check, and never what the full schema accepts', () => {
    const { definitions, roots } = convertRoots({
      'app.ts': `/** A todo to create. */
export interface NewTodo {
  /** What to do. @minLength 1 @maxLength 200 */
  title: string;
  /** @format date-time */
  due?: string;
  priority: 'low' | 'high';
  /** @maxItems 2 */
  tags?: string[];
  meta?: Record<string, number>;
  parent?: NewTodo | null;
  point?: [number, number];
}
interface Roots { CreateTodoBody: NewTodo }`,
    });
    const models = gatewayModelDefinitions(definitions);
    const gateway = validator(draft4, roots[0].schema, models);
    const runtime = validator(full, roots[0].schema, definitions);
    const samples: Array<[string, unknown, boolean, boolean]> = [
      // [what, body, the gateway accepts, the full schema accepts]
      ['a minimal todo', { title: 'x', priority: 'low' }, true, true],
      [
        'every field',
        {
          title: 'x',
          due: '2026-01-01T00:00:00Z',
          priority: 'high',
          tags: ['a'],
          meta: { n: 1 },
          parent: null,
          point: [1, 2],
        },
        true,
        true,
      ],
      ['an unknown field (types are open)', { title: 'x', priority: 'low', extra: true }, true, true],
      ['no title', { priority: 'low' }, false, false],
      ['an empty title', { title: '', priority: 'low' }, false, false],
      ['a priority outside the enum', { title: 'x', priority: 'urgent' }, false, false],
      ['a number for a string', { title: 7, priority: 'low' }, false, false],
      ['not an object', ['title'], false, false],
      ['null', null, false, false],
      ['a tag that is not a string', { title: 'x', priority: 'low', tags: [1] }, false, false],
      ['a tuple element of the wrong type', { title: 'x', priority: 'low', point: [1, 'b'] }, false, false],
      [
        'a tuple with a third element (Swagger 2.0 has no tuples: runtime only)',
        { title: 'x', priority: 'low', point: [1, 2, 3] },
        true,
        false,
      ],
      ['three tags (maxItems: runtime only)', { title: 'x', priority: 'low', tags: ['a', 'b', 'c'] }, true, false],
      ['a short tuple (minItems: runtime only)', { title: 'x', priority: 'low', point: [1] }, true, false],
      [
        'a record value of the wrong type (additionalProperties: runtime only)',
        { title: 'x', priority: 'low', meta: { n: 'one' } },
        true,
        false,
      ],
      ['a bad nested todo (anyOf: runtime only)', { title: 'x', priority: 'low', parent: { title: 'y' } }, true, false],
    ];
    for (const [what, body, atGateway, atRuntime] of samples) {
      it(what, () => {
        expect(gateway(body), `gateway: ${draft4.errorsText(gateway.errors)}`).to.equal(atGateway);
        expect(runtime(body), `runtime: ${full.errorsText(runtime.errors)}`).to.equal(atRuntime);
      });
    }
  });
});
