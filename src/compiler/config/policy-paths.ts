import * as path from 'node:path';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import { valueAt, type JsonPath } from './config-lookup';
import { formatJsonPath, type JsonDocument } from './json-document';
import type { RawConfig } from './raw-config';

/** Where a policy file setting may point: policy files are relative to `.appc/`. */
export type PolicyScope = 'appc-dir' | 'project';

/**
 * Where each policy file setting must stay (issue 11): `api_gateway_policy_file` inside `.appc/`,
 * `iam_policy_file` inside the project. Null when it stays, else how it leaves.
 */
export function policyPathEscape(file: string, scope: PolicyScope): string | null {
  if (path.posix.isAbsolute(file) || path.win32.isAbsolute(file)) return 'is an absolute path';
  const inProject = path.posix.normalize(path.posix.join('.appc', file.replace(/\\/g, '/')));
  if (inProject === '..' || inProject.startsWith('../')) return 'leaves the project directory';
  if (scope === 'appc-dir' && !inProject.startsWith('.appc/')) return 'leaves .appc/';
  return null;
}

/** APPC114: each `iam_policy_file` / `api_gateway_policy_file` of the config that points outside where it must stay. */
export function policyPathDiagnostics(doc: JsonDocument, raw: RawConfig): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { at, scope } of policySettings(raw)) {
    const file = valueAt(raw, at);
    if (typeof file !== 'string') continue;
    const escape = policyPathEscape(file, scope);
    if (escape === null) continue;
    const where = scope === 'appc-dir' ? 'inside .appc/' : 'inside the project';
    diagnostics.push(
      error(
        'APPC114',
        `${formatJsonPath(at)} ${JSON.stringify(file)} ${escape}`,
        `Policy files are relative to .appc/ and must stay ${where}: move the file there and name it relative to .appc/, e.g. "policy-prod.json".`,
        doc.locate(at),
      ),
    );
  }
  return diagnostics;
}

function policySettings(raw: RawConfig): Array<{ at: JsonPath; scope: PolicyScope }> {
  const scopes: JsonPath[] = [[], ...Object.keys(raw.stages ?? {}).map((stage) => ['stages', stage])];
  const settings: Array<{ at: JsonPath; scope: PolicyScope }> = [];
  for (const scope of scopes) {
    settings.push(
      { at: [...scope, 'api_gateway_policy_file'], scope: 'appc-dir' },
      { at: [...scope, 'iam_policy_file'], scope: 'project' },
    );
    const functions = valueAt(raw, [...scope, 'lambda_functions']);
    for (const fn of Object.keys(functions && typeof functions === 'object' ? functions : {}))
      settings.push({ at: [...scope, 'lambda_functions', fn, 'iam_policy_file'], scope: 'project' });
  }
  return settings;
}
