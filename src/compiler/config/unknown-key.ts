import { error, type Diagnostic } from '../diagnostics/diagnostic';
import type { JsonPath } from './config-lookup';
import { knownKeys } from './config-schema';
import { closestName } from './did-you-mean';
import { formatJsonPath, type JsonDocument } from './json-document';

/** Chalice config keys appc does not implement yet: saying so beats "unknown key". */
const CHALICE_ONLY_KEYS: Record<string, string> = {
  automatic_layer: 'dependencies always ship inside deployment.zip',
  api_gateway_custom_domain: 'set up the custom domain outside appc, e.g. with --merge-template',
  websocket_api_custom_domain: 'appc has no websocket APIs',
};

type Level = 'top' | 'stage' | 'function';

/** A key the schema does not allow where it is: misspelt, at the wrong level, or Chalice-only. */
export function unknownKeyDiagnostic(doc: JsonDocument, objectPath: JsonPath, key: string): Diagnostic {
  const location = doc.locate([...objectPath, key], 'key');
  const fullName = formatJsonPath([...objectPath, key]);
  const level = levelOf(objectPath);
  const keys = knownKeys();
  if (Object.hasOwn(CHALICE_ONLY_KEYS, key)) {
    return error(
      'APPC102',
      `${fullName} is a Chalice setting that appc does not support yet`,
      `Remove it; ${CHALICE_ONLY_KEYS[key]}.`,
      location,
    );
  }
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

function levelOf(objectPath: JsonPath): Level {
  if (objectPath.length === 0) return 'top';
  return objectPath[objectPath.length - 2] === 'lambda_functions' ? 'function' : 'stage';
}

function allowedHere(level: Level): string {
  const where = { top: 'at the top level', stage: 'in a stage', function: 'in a function' }[level];
  return `the keys allowed ${where} are listed in appc's schemas/config.schema.json.`;
}
