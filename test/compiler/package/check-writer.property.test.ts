/**
 * Property-based tests of the generated checks: random schemas of the vocabulary the analyzer writes,
 * random values of each schema (accepted), and mutations of them that break the schema (rejected),
 * with ajv's draft-4 validator as the second opinion on every verdict; random JSON values must get
 * the same verdict from both.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import Ajv from 'ajv-draft-04';
import type { JsonSchema, JsonSchemaType, SchemaDefinitions } from '../../../src/compiler/model/json-schema';
import { compileCheck } from './support/compile-check';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const KEYS = ['a', 'b', 'title', 'tags', 'a-b', 'x y'];

/** Schemas with a `type` at every level (so a value of another type is always a problem). */
const schemaArb: fc.Arbitrary<JsonSchema> = fc.letrec<{ schema: JsonSchema }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    stringSchema(),
    numberSchema(),
    fc.constant<JsonSchema>({ type: 'boolean' }),
    fc.constant<JsonSchema>({ type: 'null' }),
    fc
      .record(
        { items: tie('schema'), minItems: fc.nat(2), span: fc.nat(3), uniqueItems: fc.boolean() },
        { requiredKeys: ['items'] },
      )
      .map(({ items, minItems, span, uniqueItems }): JsonSchema => {
        const schema: JsonSchema = { type: 'array', items };
        if (minItems !== undefined) schema.minItems = minItems;
        if (minItems !== undefined && span !== undefined) schema.maxItems = minItems + span;
        // At most one element is required, so that unique values of any item schema exist.
        if (uniqueItems && isScalar(items) && (minItems ?? 0) <= 1) schema.uniqueItems = true;
        return schema;
      }),
    fc
      .record({
        properties: fc.dictionary(fc.constantFrom(...KEYS), tie('schema'), { maxKeys: 4 }),
        requiredMask: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        additional: fc.oneof(fc.constant(undefined), fc.constant(false as const), tie('schema')),
      })
      .map(({ properties, requiredMask, additional }): JsonSchema => {
        const required = Object.keys(properties).filter((_, i) => requiredMask[i]);
        const schema: JsonSchema = { type: 'object', properties };
        if (required.length > 0) schema.required = required;
        if (additional !== undefined) schema.additionalProperties = additional;
        return schema;
      }),
    tie('schema').map((schema): JsonSchema =>
      schema.type === 'null' ? schema : { anyOf: [schema, { type: 'null' }] },
    ),
  ),
})).schema;

function stringSchema(): fc.Arbitrary<JsonSchema> {
  return fc.oneof(
    fc.record({ min: fc.nat(3), span: fc.nat(4) }).map(({ min, span }): JsonSchema => ({
      type: 'string',
      minLength: min,
      maxLength: min + span,
    })),
    fc.uniqueArray(fc.string({ maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((values): JsonSchema => ({
      type: 'string',
      enum: values,
    })),
  );
}

function numberSchema(): fc.Arbitrary<JsonSchema> {
  return fc
    .record({
      type: fc.constantFrom<JsonSchemaType>('integer', 'number'),
      minimum: fc.integer({ min: -50, max: 50 }),
      span: fc.integer({ min: 0, max: 100 }),
      multipleOf: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    })
    .map(({ type, minimum, span, multipleOf }): JsonSchema => ({
      type,
      minimum,
      maximum: minimum + span + (multipleOf ?? 1),
      ...(multipleOf === undefined ? {} : { multipleOf }),
    }));
}

function isScalar(schema: JsonSchema): boolean {
  return schema.type === 'string' || schema.type === 'integer' || schema.type === 'number' || schema.type === 'boolean';
}

/** Values the schema accepts. */
function valueArb(schema: JsonSchema): fc.Arbitrary<Json> {
  if (schema.anyOf !== undefined) return fc.oneof(...schema.anyOf.map(valueArb));
  switch (schema.type) {
    case 'string':
      if (schema.enum !== undefined) return fc.constantFrom(...(schema.enum as string[]));
      return fc.string({ minLength: schema.minLength, maxLength: schema.maxLength });
    case 'integer':
    case 'number': {
      const step = schema.multipleOf ?? 1;
      const low = Math.ceil((schema.minimum as number) / step);
      const high = Math.floor((schema.maximum as number) / step);
      const whole = fc.integer({ min: low, max: high }).map((k) => k * step);
      if (schema.type === 'integer' || schema.multipleOf !== undefined) return whole;
      return fc.double({ min: schema.minimum, max: schema.maximum, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return arrayArb(schema);
    case 'object':
      return objectArb(schema);
    default:
      throw new Error(`no values for ${JSON.stringify(schema)}`);
  }
}

function arrayArb(schema: JsonSchema): fc.Arbitrary<Json> {
  const items = valueArb(schema.items as JsonSchema);
  const lengths = { minLength: schema.minItems, maxLength: schema.maxItems ?? 4 };
  if (schema.uniqueItems !== true) return fc.array(items, lengths);
  return fc.uniqueArray(items, { ...lengths, selector: (value) => JSON.stringify(value) });
}

function objectArb(schema: JsonSchema): fc.Arbitrary<Json> {
  const properties = schema.properties ?? {};
  const known = fc.record(
    Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, valueArb(value)])),
    { requiredKeys: schema.required ?? [] },
  );
  const additional = schema.additionalProperties;
  if (additional === false || additional === undefined) return known as fc.Arbitrary<Json>;
  const extraKey = fc.constantFrom('extra', 'more').filter((key) => !(key in properties));
  const extra = typeof additional === 'object' ? valueArb(additional) : fc.jsonValue();
  return fc
    .tuple(known, fc.dictionary(extraKey, extra as fc.Arbitrary<Json>, { maxKeys: 2 }))
    .map(([own, more]) => ({ ...more, ...own }) as Json);
}

/** Every place in `value` with the schema that governs it (`$ref`-free schemas here). */
function places(
  schema: JsonSchema,
  value: Json,
  path: Array<string | number> = [],
): Array<{ path: Array<string | number>; schema: JsonSchema }> {
  const here = [{ path, schema }];
  const own = schema.anyOf !== undefined && value !== null ? schema.anyOf[0] : schema;
  if (Array.isArray(value) && own.items !== undefined) {
    return [...here, ...value.flatMap((item, i) => places(own.items as JsonSchema, item, [...path, i]))];
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && own.properties !== undefined) {
    const props = own.properties;
    return [
      ...here,
      ...Object.keys(value)
        .filter((key) => Object.hasOwn(props, key))
        .flatMap((key) => places(props[key], value[key], [...path, key])),
    ];
  }
  return here;
}

/** The JSON types `schema` allows at its place. */
function allowedTypes(schema: JsonSchema): Set<string> {
  if (schema.anyOf !== undefined) return new Set(schema.anyOf.flatMap((part) => [...allowedTypes(part)]));
  const type = schema.type as JsonSchemaType;
  return new Set(type === 'number' ? ['number', 'integer'] : [type]);
}

const SAMPLES: Record<string, Json> = {
  string: 'zz',
  integer: 7,
  number: 0.25,
  boolean: true,
  null: null,
  array: [],
  object: {},
};

/** `value` with the subvalue at `path` replaced. */
function replaceAt(value: Json, path: Array<string | number>, replacement: Json): Json {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, Json>;
  copy[head] = replaceAt(copy[head], rest, replacement);
  return copy as Json;
}

/** Mutations that break `value` for `schema`: a value of a type its place does not allow, a required property gone. */
function mutationArb(schema: JsonSchema, value: Json): fc.Arbitrary<Json> {
  const spots = places(schema, value).flatMap(({ path, schema: at }) => {
    const allowed = allowedTypes(at);
    const wrong = Object.keys(SAMPLES).filter(
      (type) => !allowed.has(type) && !(type === 'integer' && allowed.has('number')),
    );
    const retyped = wrong.map((type) => replaceAt(value, path, SAMPLES[type]));
    const dropped = (at.anyOf === undefined ? (at.required ?? []) : []).map((key) =>
      replaceAt(value, path, omit(valueAt(value, path), key)),
    );
    return [...retyped, ...dropped];
  });
  return fc.constantFrom(...spots);
}

function valueAt(value: Json, path: Array<string | number>): Json {
  return path.reduce<Json>((at, key) => (at as Record<string | number, Json>)[key], value);
}

function omit(value: Json, key: string): Json {
  const copy = { ...(value as Record<string, Json>) };
  delete copy[key];
  return copy;
}

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const DEFINITIONS: SchemaDefinitions = {};

describe('CheckWriter: random schemas, values and mutations (fast-check, ajv draft 4 as second opinion)', () => {
  it('accepts every value of a schema', () => {
    fc.assert(
      fc.property(
        schemaArb.chain((schema) => fc.tuple(fc.constant(schema), valueArb(schema))),
        ([schema, value]) => {
          expect(ajv.validate(schema, value), 'ajv accepts it too').to.equal(true);
          expect(compileCheck(schema, DEFINITIONS)(value)).to.deep.equal([]);
        },
      ),
      { numRuns: Number(process.env.RUNS ?? 300), endOnFailure: true },
    );
  });

  it('rejects mutations that break the schema, with at least one problem', () => {
    fc.assert(
      fc.property(
        schemaArb.chain((schema) =>
          valueArb(schema).chain((value) => fc.tuple(fc.constant(schema), mutationArb(schema, value))),
        ),
        ([schema, mutated]) => {
          expect(ajv.validate(schema, mutated), 'ajv rejects it too').to.equal(false);
          expect(compileCheck(schema, DEFINITIONS)(mutated)).to.not.deep.equal([]);
        },
      ),
      { numRuns: Number(process.env.RUNS ?? 300), endOnFailure: true },
    );
  });

  it('gives random JSON values the verdict ajv gives', () => {
    fc.assert(
      fc.property(schemaArb, fc.jsonValue({ maxDepth: 3 }), (schema, value) => {
        const problems = compileCheck(schema, DEFINITIONS)(value);
        expect(problems.length === 0, JSON.stringify(problems)).to.equal(ajv.validate(schema, value));
      }),
      { numRuns: Number(process.env.RUNS ?? 500), endOnFailure: true },
    );
  });
});
