import { error, type Diagnostic } from '../diagnostics/diagnostic';
import type { JsonPath } from './config-lookup';
import { configSchema, knownKeys, schemaNodeAt } from './config-schema';
import { closestName } from './did-you-mean';
import { formatJsonPath, type JsonDocument } from './json-document';

type Level = 'top' | 'stage' | 'function';

/** A key the schema does not allow where it is: misspelt, or at the wrong level. */
export function unknownKeyDiagnostic(doc: JsonDocument, objectPath: JsonPath, key: string): Diagnostic {
  const location = doc.locate([...objectPath, key], 'key');
  const fullName = formatJsonPath([...objectPath, key]);
  const level = levelOf(objectPath);
  const keys = knownKeys();
  const settingKeys = nestedSettingKeys(objectPath);
  if (settingKeys) return unknownSettingKey(fullName, key, settingKeys, objectPath, location);
  if (level !== 'top' && keys.top.includes(key) && !keys.stage.includes(key)) {
    return error(
      'APPC102',
      `${fullName} is not allowed: ${key} can only be set at the top level`,
      'Move it to the top level of the file.',
      location,
    );
  }
  if (level === 'function' && keys.stage.includes(key)) {
    return error(
      'APPC102',
      `${fullName} is not allowed: ${key} cannot be set per function`,
      'Move it to the stage (stages.<stage>) or to the top level.',
      location,
    );
  }
  const suggestion = closestName(key, keys[level]);
  const remedy = suggestion ? `Did you mean "${suggestion}"?` : `Remove it; ${allowedHere(level)}`;
  return error('APPC102', `unknown key ${fullName}`, remedy, location);
}

function unknownSettingKey(
  fullName: string,
  key: string,
  settingKeys: string[],
  objectPath: JsonPath,
  location: Diagnostic['location'],
): Diagnostic {
  const suggestion = closestName(key, settingKeys);
  const remedy = suggestion
    ? `Did you mean "${suggestion}"?`
    : `Remove it; ${formatJsonPath(objectPath)} takes ${settingKeys.join(', ')}.`;
  return error('APPC102', `unknown key ${fullName}`, remedy, location);
}

/**
 * The keys of a setting that is itself an object of settings (`api_gateway_custom_domain`,
 * `deployment_preference` and its `hooks`); undefined for the levels (top, stage, function).
 */
function nestedSettingKeys(objectPath: JsonPath): string[] | undefined {
  const node = schemaNodeAt(objectPath);
  const { definitions = {} } = configSchema();
  const levels = [configSchema(), definitions.stage, definitions.function];
  return node?.properties && !levels.includes(node) ? Object.keys(node.properties) : undefined;
}

function levelOf(objectPath: JsonPath): Level {
  if (objectPath.length === 0) return 'top';
  return objectPath[objectPath.length - 2] === 'lambda_functions' ? 'function' : 'stage';
}

function allowedHere(level: Level): string {
  const where = { top: 'at the top level', stage: 'in a stage', function: 'in a function' }[level];
  return `the keys allowed ${where} are listed in appc's schemas/config.schema.json.`;
}
