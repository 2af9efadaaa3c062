import type { Diagnostic } from '../diagnostics/diagnostic';
import { lookupFunctionSetting } from './config-lookup';
import { formatJsonPath, type JsonDocument } from './json-document';
import { NEWEST_NODE_RUNTIME } from './lambda-runtimes';
import type { RawConfig } from './raw-config';
import { runtimeDiagnostics, type RuntimeSource } from './runtime-calendar';

export interface RuntimeRulesInput {
  raw: RawConfig;
  /** The stage being packaged. */
  stage: string;
  /** The template's functions (`api_handler` and the named ones): only runtimes they use are checked. */
  functions: readonly string[];
  /** The day to check against: the CLI passes the real date, tests a fixed one. */
  today: Date;
  /** The config file, to point at the value that set the runtime; absent without a file. */
  document?: JsonDocument;
}

/**
 * Lambda's calendar on every runtime the stage's functions use: one check per place that sets it
 * (a value shared by several functions is reported once, at that value), or appc's default.
 */
export function runtimeRuleDiagnostics({ raw, stage, functions, today, document }: RuntimeRulesInput): Diagnostic[] {
  const bySource = new Map<string, Diagnostic[]>();
  for (const fn of functions) {
    const found = lookupFunctionSetting(raw, stage, fn, 'lambda_runtime');
    const key = found ? formatJsonPath(found.path) : '';
    if (bySource.has(key)) continue;
    const source: RuntimeSource = found
      ? { kind: 'config', path: key, location: document?.locate(found.path, 'value') }
      : { kind: 'default' };
    bySource.set(key, runtimeDiagnostics(found?.value ?? NEWEST_NODE_RUNTIME, today, source));
  }
  return [...bySource.values()].flat();
}
