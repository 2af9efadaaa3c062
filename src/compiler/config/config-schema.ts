import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ValidateFunction } from 'ajv';

/** Same relative place from `src/` and `dist/`; `schemas/` ships in the npm package. */
export const CONFIG_SCHEMA_PATH = path.join(__dirname, '../../../schemas/config.schema.json');

/** The parts of a JSON Schema node the diagnostics read. */
export interface SchemaNode {
  description?: string;
  minimum?: number;
  maximum?: number;
  patternErrorMessage?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  definitions?: Record<string, SchemaNode>;
  $ref?: string;
}

let schema: SchemaNode | undefined;
let validate: ValidateFunction | undefined;

/** `schemas/config.schema.json`, read once. */
export function configSchema(): SchemaNode {
  schema ??= JSON.parse(fs.readFileSync(CONFIG_SCHEMA_PATH, 'utf8')) as SchemaNode;
  return schema;
}

/**
 * The schema's validator, compiled by ajv at development time (config-validator-source.ts):
 * every error, with the failing data and schema node. Loaded on first use: a project without a
 * config file never needs it.
 */
export function configSchemaValidator(): ValidateFunction {
  validate ??= (require('./config-validator') as { validate: ValidateFunction }).validate;
  return validate;
}

/** The keys allowed at each level of the file. */
export function knownKeys(): { top: string[]; stage: string[]; function: string[] } {
  const { properties = {}, definitions = {} } = configSchema();
  return {
    top: Object.keys(properties),
    stage: Object.keys(definitions.stage?.properties ?? {}),
    function: Object.keys(definitions.function?.properties ?? {}),
  };
}

/**
 * The schema node of the object at `path` in the file (`$ref`s followed), or undefined when the
 * schema does not describe it. `['stages', 'prod', 'deployment_preference']` -> its definition.
 */
export function schemaNodeAt(path: readonly (string | number)[]): SchemaNode | undefined {
  const root = configSchema();
  const resolve = (node: SchemaNode | undefined): SchemaNode | undefined =>
    node?.$ref ? root.definitions?.[node.$ref.replace('#/definitions/', '')] : node;
  let node: SchemaNode | undefined = root;
  for (const segment of path) {
    const named: SchemaNode | undefined = node?.properties?.[String(segment)];
    const other: SchemaNode | boolean | undefined = node?.additionalProperties;
    node = resolve(named ?? (typeof other === 'object' ? other : undefined));
  }
  return node;
}
