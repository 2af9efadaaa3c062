/**
 * The swagger models of fixtures/models, as API Gateway would validate request bodies with
 * them (draft 4): sample bodies, then random values of each model's type and mutations that
 * break what the gateway model checks (fast-check).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import Ajv from 'ajv';
import Ajv04 from 'ajv-draft-04';
import fc from 'fast-check';
import type { AppModel } from '../../../src/compiler/model/app-model';
import type { JsonSchema, JsonValue, SchemaDefinitions } from '../../../src/compiler/model/json-schema';
import { FIXTURES_DIR } from '../../support/fixtures';

const expected = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'models', 'expected', file), 'utf8')) as unknown;
interface Parameter {
  in: string;
  schema?: { $ref: string };
}
const swagger = expected('swagger.json') as {
  definitions: SchemaDefinitions;
  paths: Record<string, Record<string, { parameters?: Parameter[] }>>;
};
const model = expected('model.json') as AppModel;
const definitions = swagger.definitions;

/** API Gateway's draft-4 check of a body against a swagger model (formats unchecked: AWS does not document them). */
const draft4 = new Ajv04({ allErrors: true, strict: false, validateFormats: false });
/** The whole schema, as the handler's types say (what the runtime enforces). */
const full = new Ajv({ allErrors: true, strict: false, validateFormats: false });

const gatewayCheck = (name: string) => draft4.compile({ $ref: `#/definitions/${name}`, definitions });
const fullCheck = (name: string) =>
  full.compile({ $ref: `#/definitions/${name}`, definitions: model.models!.definitions });

describe('fixtures/models: the swagger models under a draft-4 validator', () => {
  it("uses, for each modelled operation's body, a definition that exists", () => {
    const bodies = Object.values(swagger.paths).flatMap((item) =>
      Object.values(item).flatMap((op) => (op.parameters ?? []).filter((p) => p.in === 'body')),
    );
    expect(bodies.map((p) => p.schema!.$ref).sort()).to.deep.equal([
      '#/definitions/Folder',
      '#/definitions/NewTodo',
      '#/definitions/PostCoordsBody',
      '#/definitions/PutTodosIdBody',
    ]);
    for (const body of bodies) expect(definitions).to.have.property(body.schema!.$ref.split('/').pop()!);
  });

  const cases: Array<[string, unknown, boolean]> = [
    ['NewTodo', { title: 'buy milk', priority: 'high' }, true],
    ['NewTodo', { title: 'buy milk', priority: 'high', tags: ['a'], due: '2026-12-02T10:00:00Z', extra: 1 }, true],
    ['NewTodo', { title: '', priority: 'high' }, false],
    ['NewTodo', { title: 'x'.repeat(201), priority: 'low' }, false],
    ['NewTodo', { title: 'a', priority: 'urgent' }, false],
    ['NewTodo', { priority: 'low' }, false],
    ['NewTodo', { title: 'a', priority: 'low', tags: [1] }, false],
    ['NewTodo', [], false],
    ['Folder', { name: 'root', children: [{ name: 'a', children: [] }] }, true],
    ['Folder', { name: 'root', children: [{ name: 'a', children: [{ name: 3, children: [] }] }] }, false],
    ['PutTodosIdBody', { done: true, note: null }, true],
    ['PutTodosIdBody', { done: true, note: 'n' }, true],
    ['PutTodosIdBody', { done: 'yes', note: null }, false],
    ['PostCoordsBody', [1, 2], true],
    ['PostCoordsBody', [1, 'x'], false],
    ['PostCoordsBody', { 0: 1 }, false],
  ];
  for (const [name, body, valid] of cases) {
    it(`${valid ? 'accepts' : 'rejects'} ${JSON.stringify(body).slice(0, 60)} as ${name}`, () => {
      expect(gatewayCheck(name)(body)).to.equal(valid);
      // The gateway never rejects what the types allow: what it accepts here, the full schema accepts too.
      if (!valid) return;
      expect(fullCheck(name)(body)).to.equal(true);
    });
  }

  it('leaves to the runtime what Swagger 2.0 models cannot say: a tuple longer than its type', () => {
    expect(gatewayCheck('PostCoordsBody')([1, 2, 3])).to.equal(true);
    expect(fullCheck('PostCoordsBody')([1, 2, 3])).to.equal(false);
  });
});

describe('fixtures/models: random bodies (fast-check)', function () {
  this.timeout(30000);
  const runs = { numRuns: 200 };
  for (const name of ['NewTodo', 'Todo', 'Folder', 'PageTodo', 'PutTodosIdBody', 'PostCoordsResponse']) {
    it(`${name}: random values of its type pass the full schema and the gateway model`, () => {
      const gateway = gatewayCheck(name);
      const whole = fullCheck(name);
      fc.assert(
        fc.property(arbitraryOf({ $ref: `#/definitions/${name}` }, model.models!.definitions, 3), (value) => {
          expect(whole(value), JSON.stringify(whole.errors)).to.equal(true);
          expect(gateway(value), JSON.stringify(gateway.errors)).to.equal(true);
        }),
        runs,
      );
    });

    it(`${name}: a value with a required property removed or given the wrong type is rejected by the gateway model`, () => {
      const gateway = gatewayCheck(name);
      const schema = definitions[name];
      const breakable = Object.keys(schema.properties ?? {}).filter(
        (key) => (schema.required ?? []).includes(key) && typeof schema.properties![key].type === 'string',
      );
      if (breakable.length === 0) return;
      const mutation = fc.record({ key: fc.constantFrom(...breakable), remove: fc.boolean() });
      fc.assert(
        fc.property(
          arbitraryOf({ $ref: `#/definitions/${name}` }, model.models!.definitions, 3),
          mutation,
          (value, m) => {
            const broken = { ...(value as Record<string, JsonValue>) };
            if (m.remove) delete broken[m.key];
            else broken[m.key] = wrongType(schema.properties![m.key].type as string);
            expect(gateway(broken)).to.equal(false);
          },
        ),
        runs,
      );
    });
  }
});

/** A value of another JSON type than `type`. */
function wrongType(type: string): JsonValue {
  return type === 'string' ? 42 : 'not a ' + type;
}

/** Random values a schema accepts, for the constructs appc writes (depth-limited through `$ref`s). */
function arbitraryOf(schema: JsonSchema, defs: SchemaDefinitions, depth: number): fc.Arbitrary<JsonValue> {
  if (schema.$ref) return arbitraryOf(defs[schema.$ref.split('/').pop()!], defs, depth - 1);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => arbitraryOf(s, defs, depth)));
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : ['string'];
  return fc.oneof(...types.map((type) => typed(type, schema, defs, depth)));
}

function typed(type: string, schema: JsonSchema, defs: SchemaDefinitions, depth: number): fc.Arbitrary<JsonValue> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'number':
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6 });
    case 'string':
      if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: schema.maxLength ?? 20 });
    case 'array':
      return arrayOf(schema, defs, depth);
    default:
      return objectOf(schema, defs, depth);
  }
}

function arrayOf(schema: JsonSchema, defs: SchemaDefinitions, depth: number): fc.Arbitrary<JsonValue> {
  if (Array.isArray(schema.items)) return fc.tuple(...schema.items.map((s) => arbitraryOf(s, defs, depth)));
  if (depth <= 0 && !schema.minItems) return fc.constant([]);
  const maxLength = Math.min(schema.maxItems ?? 3, 3);
  return fc.array(arbitraryOf(schema.items ?? {}, defs, depth), { minLength: schema.minItems ?? 0, maxLength });
}

function objectOf(schema: JsonSchema, defs: SchemaDefinitions, depth: number): fc.Arbitrary<JsonValue> {
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([key, s]) => [key, arbitraryOf(s, defs, depth)]),
  );
  const record = fc.record(properties, { requiredKeys: schema.required ?? [] }) as fc.Arbitrary<
    Record<string, JsonValue>
  >;
  const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  if (!extra) return record;
  return fc
    .tuple(
      record,
      fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), arbitraryOf(extra, defs, depth), { maxKeys: 3 }),
    )
    .map(([known, more]) => ({ ...more, ...known }));
}
