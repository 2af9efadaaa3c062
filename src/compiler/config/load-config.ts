/**
 * Reads and checks `.appc/config.json`. Diagnostic codes of the config stage:
 *
 * | code    | severity | problem                                                               |
 * | ------- | -------- | --------------------------------------------------------------------- |
 * | APPC101 | error    | the file cannot be read, or is not valid JSON                         |
 * | APPC102 | error    | unknown key: misspelt (did you mean), or at the wrong level           |
 * | APPC103 | error    | wrong type, out of range, not an allowed value, malformed string/key  |
 * |         |          | (a `stages` key breaking API Gateway's stage-name rule too)           |
 * | APPC104 | error    | `version` newer than 2.0                                              |
 * | APPC105 | error    | `manage_iam_role: false` without an `iam_role_arn`                    |
 * | APPC106 | error    | only one of `subnet_ids` / `security_group_ids`                       |
 * | APPC107 | error    | `api_gateway_endpoint_vpce` with an endpoint type other than PRIVATE  |
 * | APPC108 | error    | PRIVATE endpoint without `api_gateway_endpoint_vpce` or policy file   |
 * | APPC109 | error    | PRIVATE endpoint with both `api_gateway_endpoint_vpce` and policy file |
 * | APPC110 | warning  | duplicate key in one object (the last one wins)                       |
 * | APPC113 | error    | the file is nested deeper than the JSON reader's limit (100 levels)   |
 * | APPC114 | error    | a policy file setting points outside .appc/ (or the project)          |
 * | APPC119 | warning  | a --stage other than dev is not in `stages` (the file has some)       |
 * | APPC120 | error    | `deployment_preference` without `lambda_alias`                        |
 * | APPC121 | error    | an EDGE API's custom domain with a certificate outside us-east-1       |
 * | APPC122 | error    | more than 100 stage variables in a stage (API Gateway's limit)        |
 * | APPC125 | error    | `stage_variables.LAMBDA_ALIAS` while `lambda_alias` sets it           |
 * | APPC126 | warning  | a websocket custom domain while `api_gateway_endpoint_type` is EDGE   |
 * |         |          | (it is REGIONAL all the same)                                         |
 * | APPC127 | error    | the websocket API's custom domain is the REST API's too               |
 *
 * `deployment_preference.hooks` against the app's functions (deployment-hooks.ts, checked by `checkProject`):
 *
 * | code    | severity | problem                                                               |
 * | ------- | -------- | --------------------------------------------------------------------- |
 * | APPC123 | error    | a hook names no function of the app                                   |
 * | APPC124 | error    | a hook names a function that is not a pure Lambda function            |
 *
 * `lambda_runtime` against Lambda's calendar (runtime-calendar.ts, checked by `checkProject` for `appc package`):
 *
 * | code    | severity | problem                                                               |
 * | ------- | -------- | --------------------------------------------------------------------- |
 * | APPC413 | error    | Lambda blocks creating functions with the runtime (its date passed)   |
 * | APPC414 | warning  | the runtime's deprecation date is within 90 days                      |
 * | APPC415 | warning  | the runtime is deprecated, not yet blocked                            |
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { error, hasErrors, type Diagnostic } from '../diagnostics/diagnostic';
import { crossFieldDiagnostics } from './cross-field-rules';
import { parseJsonDocument, type JsonDocument } from './json-document';
import { policyPathDiagnostics } from './policy-paths';
import { DEFAULT_STAGE, type RawConfig } from './raw-config';
import { schemaDiagnostics } from './schema-diagnostics';
import { unknownStageDiagnostics } from './unknown-stage';

/** The config file's path relative to the project directory, as diagnostics name it. */
export const CONFIG_FILE = '.appc/config.json';

export interface LoadedConfig {
  /** The file's settings; `{}` (all defaults) when it is absent or has errors. */
  raw: RawConfig;
  diagnostics: Diagnostic[];
  /** The parsed file, to locate its values; absent when there is no file or it is not valid JSON. */
  document?: JsonDocument;
}

export interface LoadConfigOptions {
  /** The stage being packaged (default `dev`); cross-field rules also check it when the file has no block for it. */
  stage?: string;
}

/**
 * Reads `<projectDir>/.appc/config.json`; a missing file means defaults, without a diagnostic.
 * @example const { raw, diagnostics } = loadConfig('/work/myapp', { stage: 'prod' });
 */
export function loadConfig(projectDir: string, options: LoadConfigOptions = {}): LoadedConfig {
  let text: string;
  try {
    text = fs.readFileSync(path.join(projectDir, CONFIG_FILE), 'utf8');
  } catch (e) {
    const cause = e as NodeJS.ErrnoException;
    if (cause.code === 'ENOENT') return { raw: {}, diagnostics: [] };
    const diagnostic = error(
      'APPC101',
      `cannot read ${CONFIG_FILE}: ${cause.code ?? cause.message}`,
      'Make it a readable file, or remove it to use the defaults.',
    );
    return { raw: {}, diagnostics: [diagnostic] };
  }
  return parseConfig(text, options);
}

/** Checks the text of a config file: JSON syntax, then the schema, then the cross-field rules. */
export function parseConfig(text: string, options: LoadConfigOptions = {}): LoadedConfig {
  const { document, diagnostics } = parseJsonDocument(CONFIG_FILE, stripBom(text));
  if (!document) return { raw: {}, diagnostics };
  const schemaProblems = schemaDiagnostics(document);
  diagnostics.push(...schemaProblems);
  // Cross-field rules read values the schema vouches for; on a broken file they would guess.
  if (hasErrors(schemaProblems)) return { raw: {}, diagnostics, document };
  const raw = document.value as RawConfig;
  diagnostics.push(
    ...crossFieldDiagnostics(document, raw, options.stage ?? DEFAULT_STAGE),
    ...policyPathDiagnostics(document, raw),
    ...unknownStageDiagnostics(document, raw, options.stage ?? DEFAULT_STAGE),
  );
  return { raw: hasErrors(diagnostics) ? {} : raw, diagnostics, document };
}

/** Editors on Windows may save a byte-order mark, which JSON.parse rejects. */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
