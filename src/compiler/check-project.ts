import { analyzeProject } from './analyze/analyze-project';
import { loadConfig } from './config/load-config';
import { resolveConfig } from './config/resolve-config';
import { runtimeRuleDiagnostics } from './config/runtime-rules';
import type { ResolvedConfig } from './config/resolved-config';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic';
import type { AppModel } from './model/app-model';
import { packagedFunctionNames } from './model/names';
import { validateApp } from './validate';

export interface CheckOptions {
  projectDir: string;
  stage: string;
  /** `--typecheck`: also report the app's type errors, as `tsc` would. */
  typecheck?: boolean;
  /**
   * Check each function's `lambda_runtime` against Lambda's calendar on this day (`appc package` passes
   * the real date, tests a fixed one); no calendar check when absent (`appc local`, `gen-policy`).
   */
  today?: Date;
}

export interface CheckResult {
  /** Present when the project has no errors. */
  model?: AppModel;
  config?: ResolvedConfig;
  diagnostics: Diagnostic[];
  /** Milliseconds per stage, in order. */
  timings: Array<[string, number]>;
}

/**
 * The front half of every command, one stage after another:
 *   config   .appc/config.json       -> raw config + diagnostics (APPC1xx)
 *   analyze  app.ts and its imports  -> AppModel + diagnostics   (APPC2xx; the only stage that reads TS)
 *   resolve  raw config, stage       -> ResolvedConfig per function
 *   validate AppModel + config       -> diagnostics              (APPC3xx; every rule, never the first only)
 *   calendar functions' runtimes, day -> diagnostics              (APPC413-415; Lambda's runtime dates, when `today` is given)
 * Config and analysis problems are reported together; validation runs only on a complete model.
 */
export function checkProject({ projectDir, stage, typecheck, today }: CheckOptions): CheckResult {
  const timings: CheckResult['timings'] = [];
  const timed = <T>(label: string, run: () => T): T => {
    const start = performance.now();
    try {
      return run();
    } finally {
      timings.push([label, performance.now() - start]);
    }
  };
  const loaded = timed('Reading .appc/config.json', () => loadConfig(projectDir, { stage }));
  const analyzed = timed('Analyzing the app', () => analyzeProject(projectDir, { typecheck }));
  const diagnostics = [...loaded.diagnostics, ...analyzed.diagnostics];
  const model = analyzed.model;
  if (!model || hasErrors(diagnostics)) return { diagnostics: sortDiagnostics(diagnostics), timings };
  const config = resolveConfig(
    loaded.raw,
    stage,
    model.functions.flatMap((fn) => (fn.name === null ? [] : [fn.name])),
  );
  diagnostics.push(...timed('Validating', () => validateApp(model, config)));
  if (today) {
    // Unnamed functions are validation errors already; the API handler exists when there are routes.
    const functions = packagedFunctionNames(model);
    diagnostics.push(
      ...runtimeRuleDiagnostics({ raw: loaded.raw, stage, functions, today, document: loaded.document }),
    );
  }
  const result = { diagnostics: sortDiagnostics(diagnostics), timings };
  return hasErrors(diagnostics) ? result : { ...result, model, config };
}
