import * as path from 'node:path';
import { ts } from '../typescript';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import {
  definitionRef,
  mapProperties,
  orderSchema,
  type JsonSchema,
  type SchemaDefinitions,
} from '../../model/json-schema';
import { relativePath } from '../locations';
import { convertType } from './convert-type';
import { alphanumeric, assignNames, baseName, type NameRequest } from './definition-names';
import { declaredAtOf } from './named-types';
import type { Definition, SchemaContext } from './schema-context';
import { withoutAbsent } from './union-schema';

/** One converted root (a request body, a query, a response). */
export interface SchemaRoot {
  /**
   * `{ $ref: '#/definitions/<Name>' }` for any type that constrains something (an
   * anonymous type gets the caller's name); `{}` for `unknown`, `any`, `void`.
   */
  schema: JsonSchema;
  /** The type includes `undefined` or `void`: the value may be absent (a body that is not required). */
  optional: boolean;
}

export interface BuiltSchemas {
  /** Every named schema the roots use, sorted by name, keys in a fixed order. */
  definitions: SchemaDefinitions;
  /** In the order `add` was called. */
  roots: SchemaRoot[];
  diagnostics: Diagnostic[];
}

export interface SchemaBuilder {
  /**
   * Converts `type`, written at `node`, and returns the index of its root in `finish().roots`.
   * `name` names it when it has no name of its own (`CreateTodoBody`, `ListTodosResponse`).
   * An `inline` root (a query parameter) is its schema itself, named types included: no `$ref`.
   */
  add(type: ts.Type, node: ts.Node, name: string, options?: { inline?: boolean }): number;
  /** The definitions with their final names, and the roots referring to them. */
  finish(): BuiltSchemas;
}

interface PendingRoot {
  schema: JsonSchema;
  optional: boolean;
  inline?: boolean;
  /** Set for an anonymous root: its schema goes to `definitions` under `name`. */
  anonymous?: { name: string; body: JsonSchema };
}

/**
 * Converts the TypeScript types of an app's handlers to JSON Schema (README "Models")
 * through `program`'s type checker. One builder per app: the roots share definitions, and
 * names are assigned once every type is known, so they do not depend on route order.
 * @example
 * const schemas = createSchemaBuilder(program, projectDir);
 * const body = schemas.add(checker.getTypeFromTypeNode(bodyNode), bodyNode, 'CreateTodoBody');
 * const { definitions, roots, diagnostics } = schemas.finish();
 * roots[body].schema; // { $ref: '#/definitions/NewTodo' }
 */
export function createSchemaBuilder(program: ts.Program, projectDir: string): SchemaBuilder {
  // Without TypeScript's lib files `string[]` has no Array to be an instance of, and `Record`,
  // `Partial` and `Date` do not resolve: the schemas would be silently wrong. The analysis
  // program loads no libs for speed (analyze/program.ts), so models need one that does.
  if (!program.getSourceFiles().some((file) => program.isSourceFileDefaultLibrary(file))) {
    throw new Error("createSchemaBuilder needs a program with TypeScript's lib files (Array, Record, Date)");
  }
  const ctx: SchemaContext = {
    checker: program.getTypeChecker(),
    program,
    projectDir: path.resolve(projectDir),
    diagnostics: [],
    reported: new Set(),
    definitions: new Map(),
    anonymousInProgress: new Set(),
    root: undefined,
    convert: (type, node) => convertType(ctx, type, node),
  };
  const roots: PendingRoot[] = [];
  return {
    add(type, node, name, options = {}) {
      ctx.root = { name, node };
      roots.push(options.inline ? inlineRoot(ctx, type, node) : convertRoot(ctx, type, node, name));
      ctx.root = undefined;
      return roots.length - 1;
    },
    finish: () => finish(ctx, roots),
  };
}

function convertRoot(ctx: SchemaContext, type: ts.Type, node: ts.Node, name: string): PendingRoot {
  const { members, absent } = withoutAbsent(type);
  if (members.length === 0) return { schema: {}, optional: true };
  const schema = ctx.convert(members.length === 1 ? members[0] : type, node);
  if (schema.$ref !== undefined || Object.keys(schema).length === 0) return { schema, optional: absent };
  return { schema: { $ref: '' }, optional: absent, anonymous: { name: alphanumeric(name) || 'Model', body: schema } };
}

function inlineRoot(ctx: SchemaContext, type: ts.Type, node: ts.Node): PendingRoot {
  const { members, absent } = withoutAbsent(type);
  if (members.length === 0) return { schema: {}, optional: true, inline: true };
  return { schema: ctx.convert(members.length === 1 ? members[0] : type, node), optional: absent, inline: true };
}

function finish(ctx: SchemaContext, roots: PendingRoot[]): BuiltSchemas {
  const owners = new Map<JsonSchema, Definition>();
  for (const d of ctx.definitions.values()) for (const ref of d.refs) owners.set(ref, d);
  // Inline roots first, while every reference still finds its definition; then only the
  // definitions the other roots reach are named and kept.
  for (const root of roots) if (root.inline) root.schema = inlined(root.schema, owners, new Set());
  const named = reachable(roots, owners, [...ctx.definitions.values()]);
  const anonymous = roots.flatMap((root, index) => (root.anonymous ? [{ root, index }] : []));
  const requests: NameRequest[] = [
    ...named.map((d) => ({
      base: baseName(ctx, d.symbolName, d.args),
      order: `0|${relativeAt(ctx, d.declaredAt)}|${d.args.map((a) => argKey(ctx, a)).join(',')}`,
    })),
    ...anonymous.map(({ root, index }) => ({
      base: root.anonymous!.name,
      order: `1|${String(index).padStart(6, '0')}`,
    })),
  ];
  const names = assignNames(requests);
  const definitions: Array<[string, JsonSchema]> = [];
  named.forEach((d, i) => {
    for (const ref of d.refs) ref.$ref = definitionRef(names[i]);
    definitions.push([names[i], d.schema]);
  });
  anonymous.forEach(({ root }, i) => {
    const name = names[named.length + i];
    root.schema.$ref = definitionRef(name);
    definitions.push([name, root.anonymous!.body]);
  });
  definitions.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    definitions: Object.fromEntries(definitions.map(([name, schema]) => [name, orderSchema(schema)])),
    roots: roots.map((r) => ({ schema: orderSchema(r.schema), optional: r.optional })),
    diagnostics: ctx.diagnostics,
  };
}

/** Every schema directly inside `schema` (properties, items, alternatives, ...). */
function children(schema: JsonSchema): JsonSchema[] {
  const items = schema.items === undefined ? [] : Array.isArray(schema.items) ? schema.items : [schema.items];
  const objects = [schema.additionalItems, schema.additionalProperties, schema.not].filter(
    (s): s is JsonSchema => typeof s === 'object',
  );
  const lists = [schema.anyOf, schema.allOf, schema.oneOf].flatMap((list) => list ?? []);
  return [...items, ...objects, ...lists, ...Object.values(schema.properties ?? {})];
}

/** The definitions the non-inline roots refer to, directly or through other definitions, in creation order. */
function reachable(
  roots: readonly PendingRoot[],
  owners: ReadonlyMap<JsonSchema, Definition>,
  definitions: readonly Definition[],
): Definition[] {
  const used = new Set<Definition>();
  const visit = (schema: JsonSchema): void => {
    const owner = owners.get(schema);
    if (owner && !used.has(owner)) {
      used.add(owner);
      visit(owner.schema);
    }
    children(schema).forEach(visit);
  };
  for (const root of roots) if (!root.inline) visit(root.anonymous?.body ?? root.schema);
  return definitions.filter((d) => used.has(d));
}

/**
 * A copy of `schema` with every `$ref` replaced by its definition's body. A type that contains itself stays
 * unconstrained (`{}`) where it recurs: inline roots are query parameters, and the caller rejects what nests.
 */
function inlined(schema: JsonSchema, owners: ReadonlyMap<JsonSchema, Definition>, open: Set<Definition>): JsonSchema {
  const owner = owners.get(schema);
  if (owner) {
    if (open.has(owner)) return {};
    open.add(owner);
    const body = inlined(owner.schema, owners, open);
    open.delete(owner);
    return body;
  }
  const out: JsonSchema = { ...schema };
  const again = (s: JsonSchema) => inlined(s, owners, open);
  if (schema.items) out.items = Array.isArray(schema.items) ? schema.items.map(again) : again(schema.items);
  if (typeof schema.additionalItems === 'object') out.additionalItems = again(schema.additionalItems);
  if (typeof schema.additionalProperties === 'object') out.additionalProperties = again(schema.additionalProperties);
  if (schema.not) out.not = again(schema.not);
  for (const key of ['anyOf', 'allOf', 'oneOf'] as const) if (schema[key]) out[key] = schema[key].map(again);
  if (schema.properties) out.properties = mapProperties(schema.properties, again);
  return out;
}

function relativeAt(ctx: SchemaContext, declaredAt: string): string {
  const colon = declaredAt.lastIndexOf(':');
  if (colon === -1) return declaredAt;
  return `${relativePath(ctx.projectDir, declaredAt.slice(0, colon))}${declaredAt.slice(colon)}`;
}

/**
 * Orders instantiations with same-named arguments (`Page<Todo>` of two `Todo`s) by where the arguments are declared.
 */
function argKey(ctx: SchemaContext, type: ts.Type): string {
  const declaration = (type.aliasSymbol ?? type.symbol)?.declarations?.[0];
  return declaration ? relativeAt(ctx, declaredAtOf(declaration)) : ctx.checker.typeToString(type);
}
