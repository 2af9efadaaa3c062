import * as fs from 'node:fs';
import * as path from 'node:path';
import { functionConfig } from '../config/resolve-config';
import type { ResolvedConfig } from '../config/resolved-config';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import type { PolicyInput } from '../emit/sam';
import type { JsonObject } from '../emit/cfn';
import type { AppModel } from '../model/app-model';
import { API_HANDLER_NAME } from '../model/names';
import { policyStatements } from '../policy/generate-policy';

/**
 * Where the roles' policies come from (DESIGN.md §7): `manage_iam_role: false` -> no role;
 * `autogen_policy: false` -> one role per function with its policy file; else generated
 * from the app's AWS SDK calls (with the policy warnings, APPC5xx).
 * The policy files are the only I/O here.
 */
export function policyInput(projectDir: string, model: AppModel, config: ResolvedConfig): { policy: PolicyInput; diagnostics: Diagnostic[] } {
  const settings = config.defaultFunction;
  if (!settings.manageIamRole) return { policy: { mode: 'none' }, diagnostics: [] };
  if (settings.autogenPolicy) {
    const generated = policyStatements(model.sdk);
    return { policy: { mode: 'autogen', statements: generated.statements }, diagnostics: generated.diagnostics };
  }
  const names = [...(model.routes.length ? [API_HANDLER_NAME] : []), ...model.functions.map((fn) => fn.name as string)];
  const documents: Record<string, JsonObject> = {};
  const diagnostics: Diagnostic[] = [];
  for (const name of names) {
    const file = `.appc/${functionConfig(config, name).iamPolicyFile ?? `policy-${config.stage}.json`}`;
    const read = readPolicy(projectDir, file);
    if ('document' in read) documents[name] = read.document;
    else if (!diagnostics.some((d) => d.message === read.diagnostic.message)) diagnostics.push(read.diagnostic);
  }
  return { policy: { mode: 'file', documents }, diagnostics };
}

/** `api_gateway_policy_file`: the REST API's resource policy, read from `.appc/`. */
export function resourcePolicy(projectDir: string, config: ResolvedConfig): { policy?: JsonObject; diagnostics: Diagnostic[] } {
  if (config.apiGatewayPolicyFile === undefined) return { diagnostics: [] };
  const read = readPolicy(projectDir, `.appc/${config.apiGatewayPolicyFile}`);
  return 'document' in read ? { policy: read.document, diagnostics: [] } : { diagnostics: [read.diagnostic] };
}

function readPolicy(projectDir: string, file: string): { document: JsonObject } | { diagnostic: Diagnostic } {
  let text: string;
  try {
    text = fs.readFileSync(path.join(projectDir, file), 'utf8');
  } catch {
    return { diagnostic: error('APPC407', `IAM policy file ${file} not found`, `Create ${file} with the policy document, or change the setting that names it in .appc/config.json.`) };
  }
  try {
    const document = JSON.parse(text) as unknown;
    if (isPolicyDocument(document)) return { document };
  } catch (e) {
    return { diagnostic: error('APPC408', `IAM policy file ${file} is not valid JSON: ${(e as Error).message}`, 'Fix the JSON of the policy document.', { file, line: 1, column: 1, length: 1 }) };
  }
  return { diagnostic: error('APPC408', `IAM policy file ${file} is not a policy document ("Statement" must be a statement object or a list of them)`, 'Write {"Version": "2012-10-17", "Statement": [...]}.', { file, line: 1, column: 1, length: 1 }) };
}

function isPolicyDocument(value: unknown): value is JsonObject {
  const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(value) || !('Statement' in value)) return false;
  const statement = value.Statement;
  return isObject(statement) || (Array.isArray(statement) && statement.length > 0 && statement.every(isObject));
}
