/**
 * appc's compiler. Every command runs a prefix of these stages, in this order:
 *
 *   stage     consumes                               produces                         codes
 *   config    .appc/config.json, --stage             raw config                       APPC1xx
 *   analyze   app.ts and the modules it imports      AppModel (plain data)            APPC2xx
 *   resolve   raw config, the model's function names ResolvedConfig per function
 *   validate  AppModel + ResolvedConfig              diagnostics (every rule runs)    APPC3xx
 *   calendar  each function's runtime, today         diagnostics                      APPC413-415
 *   policy    model, config, .appc/ policy files     the roles' IAM documents         APPC40x, APPC5xx
 *   emit      model, config, policy                  swagger, SAM template (pure)
 *   zip       model, project files                   deployment.zip bytes             APPC42x
 *   merge     --merge-template                       the final template text          APPC41x
 *   sdk       model, config                          client index.js/.d.ts, OpenAPI   (pure; generate-sdk only)
 *
 * `appc local` checks (config to validate), `gen-policy` checks and runs policy, `package` runs them all
 * but sdk, `generate-sdk` checks and runs sdk.
 * Analyze is the only stage that reads TypeScript; nothing here runs user code or writes to disk
 * (`output/write-output.ts` writes OUT, all or nothing). A stage with errors ends the run after it,
 * with every diagnostic found so far; config and analysis problems are reported together.
 * docs/architecture.md describes the stages and where to add to them.
 */
import { analyzeProject } from './analyze/analyze-project';
import { deploymentHookDiagnostics } from './config/deployment-hooks';
import { loadConfig } from './config/load-config';
import { resolveConfig } from './config/resolve-config';
import { runtimeRuleDiagnostics } from './config/runtime-rules';
import type { ResolvedConfig } from './config/resolved-config';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic';
import type { JsonObject } from './model/json';
import type { AppModel } from './model/app-model';
import { packagedFunctionNames } from './model/names';
import { readPackageInputs, emitTemplateFiles, zipProject, type PackageOptions } from './compile-package';
import type { OutputFile } from './output/write-output';
import { startBundler } from './package/bundle-app';
import type { Exclusion } from './package/project-files';
import { generatedPolicy } from './policy/generated-policy';
import { emitSdk } from './client/emit-sdk';
import { StageTimer, type Timings } from './stage-timer';
import { validateApp } from './validate';

export type { PackageOptions } from './compile-package';

export interface CheckOptions {
  readonly projectDir: string;
  readonly stage: string;
  /** `--typecheck`: also report the app's type errors, as `tsc` would. */
  readonly typecheck?: boolean;
  /**
   * Check each function's `lambda_runtime` against Lambda's calendar on this day (`appc package` passes
   * the real date, tests a fixed one); no calendar check when absent (`appc local`, `gen-policy`).
   */
  readonly today?: Date;
}

export interface CheckResult {
  /** Present when the project has no errors. */
  readonly model?: AppModel;
  /** Present when the project has no errors. */
  readonly config?: ResolvedConfig;
  /** Warnings too, sorted by file and position. */
  readonly diagnostics: Diagnostic[];
  /** Milliseconds per stage, in order. */
  readonly timings: Timings;
}

/** config, analyze, resolve, validate, calendar: the AppModel and ResolvedConfig of a project without errors. */
export function checkProject(options: CheckOptions, timer = new StageTimer()): CheckResult {
  const { projectDir, stage, typecheck, today } = options;
  const loaded = timer.time('Reading .appc/config.json', () => loadConfig(projectDir, { stage }));
  const analyzed = timer.time('Analyzing the app', () => analyzeProject(projectDir, { typecheck }));
  const diagnostics = [...loaded.diagnostics, ...analyzed.diagnostics];
  const model = analyzed.model;
  if (!model || hasErrors(diagnostics)) return { diagnostics: sortDiagnostics(diagnostics), timings: timer.timings };
  const names = model.functions.flatMap((fn) => (fn.name === null ? [] : [fn.name]));
  const config = resolveConfig(loaded.raw, stage, names);
  diagnostics.push(...timer.time('Validating', () => validateApp(model, config)));
  const { raw, document } = loaded;
  diagnostics.push(...deploymentHookDiagnostics({ raw, document, stage, functions: model.functions }));
  if (today) {
    // Unnamed functions are validation errors already; the API handler exists when there are routes.
    const functions = packagedFunctionNames(model);
    diagnostics.push(...runtimeRuleDiagnostics({ raw, document, stage, functions, today }));
  }
  const result = { diagnostics: sortDiagnostics(diagnostics), timings: timer.timings };
  return hasErrors(diagnostics) ? result : { ...result, model, config };
}

export interface PolicyResult {
  /** The generated role policy; absent when the project has errors. */
  readonly document?: JsonObject;
  readonly diagnostics: Diagnostic[];
}

/** `appc gen-policy`: check, then the DefaultRole's policy when it is generated (README "IAM policy"). */
export function generateProjectPolicy(options: CheckOptions): PolicyResult {
  const checked = checkProject(options);
  if (!checked.model || !checked.config) return { diagnostics: checked.diagnostics };
  const generated = generatedPolicy(checked.model, checked.config);
  return {
    document: generated.document,
    diagnostics: sortDiagnostics([...checked.diagnostics, ...generated.diagnostics]),
  };
}

export interface PackageResult {
  /** The files of OUT, in memory; absent when there are errors. */
  readonly files?: OutputFile[];
  readonly diagnostics: Diagnostic[];
  readonly timings: Timings;
  /** What deployment.zip left out of lib/, vendor/ and the dependencies, and why (`--verbose`). */
  readonly excluded?: Exclusion[];
}

/** `appc package`: every stage; OUT's files in memory. */
export async function packageProject(options: PackageOptions): Promise<PackageResult> {
  startBundler(); // esbuild's service starts while analysis runs
  const timer = new StageTimer();
  const checked = checkProject({ ...options, today: options.today ?? new Date() }, timer);
  const { model, config } = checked;
  if (!model || !config) return { diagnostics: checked.diagnostics, timings: checked.timings };
  const inputs = readPackageInputs(options, model, config);
  const diagnostics = [...checked.diagnostics, ...inputs.diagnostics];
  if (hasErrors(diagnostics)) return { diagnostics: sortDiagnostics(diagnostics), timings: timer.timings };
  if (model.routes.length === 0 && model.functions.length === 0) {
    const templates = await timer.timeAsync('Emitting the SAM template and swagger', () =>
      emitTemplateFiles(options, model, config, inputs),
    );
    diagnostics.push(...templates.diagnostics);
    return { files: templates.files, diagnostics: sortDiagnostics(diagnostics), timings: timer.timings };
  }
  // The template is emitted while esbuild bundles: it needs only to know whether the zip stage makes a layer zip,
  // which is known before the bundle is. The zip's errors still come first: with them, the emit's outcome is dropped.
  // Each line times what its step adds to the run: the zip's, its time less the emit's.
  const zipStart = performance.now();
  const pending = await zipProject(options, model, config);
  const emitStart = performance.now();
  const emitted = await emitTemplateFiles(options, model, config, inputs, pending.layered).then(
    (templates) => ({ templates }),
    (error: unknown) => ({ error }),
  );
  const emitMs = performance.now() - emitStart;
  const zip = await pending.finish();
  timer.timings.push(['Building deployment.zip', performance.now() - zipStart - emitMs]);
  diagnostics.push(...zip.diagnostics);
  const { excluded } = zip;
  if (hasErrors(zip.diagnostics))
    return { diagnostics: sortDiagnostics(diagnostics), timings: timer.timings, excluded };
  timer.timings.push(['Emitting the SAM template and swagger', emitMs]);
  if ('error' in emitted) throw emitted.error;
  const { templates } = emitted;
  diagnostics.push(...templates.diagnostics);
  if (!templates.files) return { diagnostics: sortDiagnostics(diagnostics), timings: timer.timings, excluded };
  const files = [...templates.files, { name: 'deployment.zip', data: zip.zip }];
  if (zip.layerZip) files.push({ name: 'layer-deployment.zip', data: zip.layerZip });
  return { files, diagnostics: sortDiagnostics(diagnostics), timings: timer.timings, excluded };
}

export interface SdkOptions extends CheckOptions {
  /** `--openapi FILE`: also build the OpenAPI 3.1 document. */
  readonly openapi?: boolean;
}

export interface SdkResult {
  /** OUT's files (`index.js`, `index.d.ts`); absent when the project has errors. */
  readonly files?: OutputFile[];
  /** The OpenAPI document's text, when asked for and the project has no errors. */
  readonly openapi?: string;
  readonly diagnostics: Diagnostic[];
}

/** `appc generate-sdk`: check, then the typed client (and OpenAPI document) of the app's routes, in memory. */
export function generateProjectSdk(options: SdkOptions): SdkResult {
  const checked = checkProject(options);
  if (!checked.model || !checked.config) return { diagnostics: checked.diagnostics };
  const sdk = emitSdk(checked.model, checked.config, { openapi: options.openapi });
  return { files: sdk.client, openapi: sdk.openapi, diagnostics: checked.diagnostics };
}
