import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseJsonDocument } from '../config/json-document';
import { policyPathEscape, type PolicyScope } from '../config/policy-paths';
import { functionConfig } from '../config/resolve-config';
import type { ResolvedConfig } from '../config/resolved-config';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import type { PolicyInput } from '../emit/sam';
import type { JsonObject } from '../emit/cfn';
import type { AppModel } from '../model/app-model';
import { API_HANDLER_NAME } from '../model/names';
import { generatedPolicy } from '../policy/generated-policy';

/**
 * Where the roles' policies come from (README "IAM policy"): `manage_iam_role: false` -> no role;
 * `autogen_policy: false` -> one role per function with its policy file; else generated
 * from the app's AWS SDK calls (with the policy warnings, APPC5xx).
 * The policy files are the only I/O here.
 */
export function policyInput(
  projectDir: string,
  model: AppModel,
  config: ResolvedConfig,
): { policy: PolicyInput; diagnostics: Diagnostic[] } {
  const settings = config.defaultFunction;
  if (!settings.manageIamRole) return { policy: { mode: 'none' }, diagnostics: [] };
  if (settings.autogenPolicy) {
    const generated = generatedPolicy(model, config);
    return { policy: { mode: 'autogen', document: generated.document }, diagnostics: generated.diagnostics };
  }
  const names = [...(model.routes.length ? [API_HANDLER_NAME] : []), ...model.functions.map((fn) => fn.name as string)];
  const documents: Record<string, JsonObject> = {};
  const diagnostics: Diagnostic[] = [];
  for (const name of names) {
    const file = `.appc/${functionConfig(config, name).iamPolicyFile ?? `policy-${config.stage}.json`}`;
    const read = readPolicy(projectDir, file, 'project');
    if ('document' in read) documents[name] = read.document;
    else if (!diagnostics.some((d) => d.message === read.diagnostic.message)) diagnostics.push(read.diagnostic);
  }
  return { policy: { mode: 'file', documents }, diagnostics };
}

/** `api_gateway_policy_file`: the REST API's resource policy, read from `.appc/`. */
export function resourcePolicy(
  projectDir: string,
  config: ResolvedConfig,
): { policy?: JsonObject; diagnostics: Diagnostic[] } {
  if (config.apiGatewayPolicyFile === undefined) return { diagnostics: [] };
  const read = readPolicy(projectDir, `.appc/${config.apiGatewayPolicyFile}`, 'appc-dir');
  return 'document' in read ? { policy: read.document, diagnostics: [] } : { diagnostics: [read.diagnostic] };
}

function readPolicy(
  projectDir: string,
  file: string,
  scope: PolicyScope,
): { document: JsonObject } | { diagnostic: Diagnostic } {
  const outside = outsideProblem(projectDir, file, scope);
  if (outside) return { diagnostic: outside };
  const read = readPolicyText(projectDir, file);
  if ('diagnostic' in read) return read;
  const { text } = read;
  const parsed = parseJsonDocument(file, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!parsed.document) {
    const problem = parsed.diagnostics[0];
    if (problem.code !== 'APPC101') return { diagnostic: problem };
    return {
      diagnostic: error(
        'APPC408',
        `IAM policy file ${file} is not valid JSON: ${problem.message.replace(/^invalid JSON: /, '')}`,
        problem.remedy,
        problem.location,
      ),
    };
  }
  const document = parsed.document.value;
  if (isPolicyDocument(document)) return { document };
  return {
    diagnostic: error(
      'APPC408',
      `IAM policy file ${file} is not a policy document ("Statement" must be a statement object or a list of them)`,
      'Write {"Version": "2012-10-17", "Statement": [...]}.',
      { file, line: 1, column: 1, length: 1 },
    ),
  };
}

function readPolicyText(projectDir: string, file: string): { text: string } | { diagnostic: Diagnostic } {
  try {
    return { text: fs.readFileSync(path.join(projectDir, file), 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return {
        diagnostic: error(
          'APPC407',
          `IAM policy file ${file} not found`,
          `Create ${file} with the policy document, or change the setting that names it in .appc/config.json.`,
        ),
      };
    return {
      diagnostic: error(
        'APPC447',
        `IAM policy file ${file} cannot be read (${code ?? (e as Error).message})`,
        `Make ${file} a readable file holding the policy document.`,
      ),
    };
  }
}

/**
 * A policy file must stay inside `.appc/` (`api_gateway_policy_file`, the default `policy-<stage>.json`)
 * or the project (`iam_policy_file`), also after symbolic links are resolved: its contents go into the template.
 */
function outsideProblem(projectDir: string, file: string, scope: PolicyScope): Diagnostic | undefined {
  const lexical = policyPathEscape(path.relative('.appc', file), scope);
  const remedy = `Keep policy files ${scope === 'appc-dir' ? 'in .appc/' : 'inside the project'} and name them relative to .appc/.`;
  if (lexical) return error('APPC447', `IAM policy file ${file} ${lexical}`, remedy);
  let real: string;
  try {
    real = fs.realpathSync(path.join(projectDir, file));
  } catch {
    return undefined; // missing or unreadable: readPolicy says so
  }
  const root = realpathOr(scope === 'appc-dir' ? path.join(projectDir, '.appc') : projectDir);
  if (real === root || real.startsWith(root + path.sep)) return undefined;
  return error(
    'APPC447',
    `IAM policy file ${file} is a symbolic link to ${real}, outside ${scope === 'appc-dir' ? '.appc/' : 'the project'}`,
    remedy,
  );
}

function realpathOr(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

function isPolicyDocument(value: unknown): value is JsonObject {
  const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(value) || !('Statement' in value)) return false;
  const statement = value.Statement;
  return isObject(statement) || (Array.isArray(statement) && statement.length > 0 && statement.every(isObject));
}
