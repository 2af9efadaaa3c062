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
  definitions?: Record<string, SchemaNode>;
}

let schema: SchemaNode | undefined;
let validate: ValidateFunction | undefined;

/** `schemas/config.schema.json`, read once. */
export function configSchema(): SchemaNode {
  schema ??= JSON.parse(fs.readFileSync(CONFIG_SCHEMA_PATH, 'utf8')) as SchemaNode;
  return schema;
}

/** The schema compiled by ajv, once: every error, with the failing data and schema node. */
export function compileConfigSchema(): ValidateFunction {
  if (!validate) {
    // Loaded here, not at the top: ajv costs ~45 ms and a project without a config file never needs it.
    const { default: Ajv } = require('ajv') as typeof import('ajv');
    const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true });
    // VS Code's keyword for a readable pattern message; the diagnostics use it too.
    ajv.addVocabulary(['patternErrorMessage']);
    validate = ajv.compile(configSchema());
  }
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
