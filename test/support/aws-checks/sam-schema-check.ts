/**
 * Validates a template against the official SAM JSON schema (draft-04) when the shared
 * reference copy exists. Callers must report a missing schema (see `samSchemaPath`),
 * never pass silently.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv';
import { isPlainObject } from './template-walk';

const REPO_ROOT = path.resolve(__dirname, '../../..');

/** `../shared/reference/sam-schema.json` next to the repository. */
export const samSchemaPath = path.resolve(REPO_ROOT, '../shared/reference/sam-schema.json');

interface SamValidators {
  template: ValidateFunction;
  /** Per SAM resource type, the schema of one resource: precise errors where `anyOf` gives noise. */
  resource: Map<string, ValidateFunction>;
}
let validators: SamValidators | undefined;

export function samSchemaAvailable(): boolean {
  return fs.existsSync(samSchemaPath);
}

function samValidators(): SamValidators {
  if (validators) return validators;
  const schema = JSON.parse(fs.readFileSync(samSchemaPath, 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema(schema, 'sam');
  const resource = new Map<string, ValidateFunction>();
  for (const [name, definition] of Object.entries<{ properties?: { Type?: { enum?: string[] } } }>(
    schema.definitions,
  )) {
    const [type] = definition.properties?.Type?.enum ?? [];
    if (type?.startsWith('AWS::Serverless::')) resource.set(type, ajv.compile({ $ref: `sam#/definitions/${name}` }));
  }
  validators = { template: ajv.getSchema('sam') as ValidateFunction, resource };
  return validators;
}

/**
 * Where the published schema is stricter than SAM itself. `DeploymentPreference.Alarms` items must be
 * objects (intrinsic functions) in the schema, but SAM documents the property as a list of CloudWatch
 * alarms and its translator turns each item, a plain alarm name included, into `{"Name": item}`
 * (samtranslator/model/preferences/deployment_preference_collection.py, `_build_alarm_configuration`).
 */
const SCHEMA_GAPS = [/^\/Resources\/[^/]+\/Properties\/DeploymentPreference\/Alarms(\/\d+)?: /];

/** Schema violations as `<instancePath>: <message>`; throws when the schema file is missing. */
export function checkSamSchema(template: unknown): string[] {
  if (!samSchemaAvailable()) throw new Error(`SAM schema not found at ${samSchemaPath}`);
  const { template: validate, resource } = samValidators();
  const resources = isPlainObject(template) && isPlainObject(template.Resources) ? template.Resources : {};
  if (validate(template)) return [];
  const precise = Object.entries(resources).flatMap(([id, value]) => {
    const check = isPlainObject(value) ? resource.get(String(value.Type)) : undefined;
    return check && !check(value) ? format(check, `/Resources/${id}`) : [];
  });
  const problems = precise.length > 0 ? precise : format(validate, '');
  return problems.filter((problem) => !SCHEMA_GAPS.some((gap) => gap.test(problem)));
}

function format(validate: ValidateFunction, prefix: string): string[] {
  return (validate.errors ?? []).map(
    (e) => `${prefix}${e.instancePath || '/'}: ${e.message} ${JSON.stringify(e.params)}`,
  );
}
