import * as path from 'node:path';
import { RUNTIME_INDEX, runtimeModule } from '../runtime-location';
import { HANDLER_FACTORIES } from '../../runtime/handler-factory-names';
import { build, initialize, type BuildFailure, type Message, type Metafile, type OutputFile } from 'esbuild';
import { bundleTarget } from '../config/lambda-runtimes';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import type { AppModel, SourceLocation } from '../model/app-model';
import { API_HANDLER_ID, toLogicalId } from '../model/names';
import { ENTRY_FILE, portableSourceMap, type SourceMapJson } from './bundle-source-map';
import { handlerNamesPlugin } from './handler-names';
import { importPolicyPlugin, mayBreakImportPolicy, type ImportPolicy } from './import-policy';
import { routeModelsSource } from './route-models-source';

export interface BundleOptions {
  projectDir: string;
  model: AppModel;
  /** Packages left to `require` at run time (shipped under node_modules/ or provided by Lambda); subpaths included. */
  external: readonly string[];
  /** When set, the app's imports are checked against it (APPC420, APPC421). */
  imports?: ImportPolicy;
  /**
   * esbuild's target: the Node of the functions' Lambda runtime (the lowest one when they differ); default the newest
   * runtime's.
   */
  target?: `node${number}`;
  /** Also make the bundle's source map (`map`); the code then ends with `//# sourceMappingURL=app.js.map`. */
  sourceMap?: boolean;
}

export type BundleResult = Bundle | { diagnostics: Diagnostic[] };

export interface Bundle {
  code: Uint8Array;
  /** With `sourceMap`: the map of `code`, its sources named as `portableSourceMap` names them. */
  map?: SourceMapJson;
}

/** The bundle's name in deployment.zip and in appc local's task directory. */
export const BUNDLE_FILE = 'app.js';

/**
 * The app's Lambda code as one CommonJS file, `app.js`: the user's modules and appc's
 * runtime, with one export per function (`APIHandler` for the routes, then each
 * function's logical ID), so that SAM's `Handler` is `app.<LogicalId>`.
 * Minified (names kept: error bodies use class names), deterministic; a source map on request.
 * @example await bundleApp({ projectDir, model, external: ['lodash'], target: 'node24' })
 */
export async function bundleApp(options: BundleOptions): Promise<BundleResult> {
  const projectDir = path.resolve(options.projectDir);
  const { imports } = options;
  if (imports) {
    // Without the import policy first: see mayBreakImportPolicy.
    const unchecked = await runBuild(options, projectDir, undefined);
    if ('metafile' in unchecked && !mayBreakImportPolicy(imports, unchecked.metafile, projectDir))
      return bundleOf(unchecked);
  }
  const result = await runBuild(options, projectDir, imports);
  return 'code' in result ? bundleOf(result) : result;
}

type BuildOutcome = (Bundle & { metafile: Metafile }) | { diagnostics: Diagnostic[] };

function bundleOf({ code, map }: Bundle): Bundle {
  return map ? { code, map } : { code };
}

async function runBuild(
  { model, external, target, sourceMap = false }: BundleOptions,
  projectDir: string,
  imports: ImportPolicy | undefined,
): Promise<BuildOutcome> {
  try {
    const result = await build({
      stdin: { contents: entrySource(model), resolveDir: projectDir, sourcefile: ENTRY_FILE, loader: 'js' },
      absWorkingDir: projectDir,
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      target: target ?? bundleTarget([]),
      format: 'cjs',
      minify: true,
      keepNames: true,
      legalComments: 'none',
      // The map's sources are named relative to the (never written) outfile; portableSourceMap renames them.
      ...(sourceMap
        ? { sourcemap: 'linked', sourcesContent: false, outfile: path.join(projectDir, BUNDLE_FILE) }
        : { sourcemap: false }),
      charset: 'utf8',
      logLevel: 'silent',
      // The entry module's `exports.X = ...` (see entrySource) is meant: the bundle is CommonJS.
      logOverride: { 'commonjs-variable-in-esm': 'silent' },
      alias: { appc: RUNTIME_INDEX },
      external: external.filter((name) => name !== 'appc'),
      plugins: [...(imports ? [importPolicyPlugin(imports)] : []), ...handlerNamesPlugin(projectDir, model, sourceMap)],
    });
    return { ...outputs(result.outputFiles, projectDir), metafile: result.metafile };
  } catch (e) {
    const failure = e as Partial<BuildFailure>;
    if (!Array.isArray(failure.errors)) throw e;
    return { diagnostics: failure.errors.map((message) => toDiagnostic(message, model)) };
  }
}

/** The code, and the map when esbuild made one (the outputs are then `app.js.map` and `app.js`). */
function outputs(files: readonly OutputFile[], projectDir: string): Bundle {
  const map = files.find((file) => file.path.endsWith('.map'));
  const code = files.find((file) => file !== map) as OutputFile;
  return map ? { code: code.contents, map: portableSourceMap(map.text, projectDir) } : { code: code.contents };
}

/**
 * Starts esbuild's service process (a Go binary) now, so that it boots on another core while the
 * analysis keeps this thread busy, and `bundleApp` finds it ready. The service does not keep the
 * process alive; a second call is a no-op.
 */
export function startBundler(): void {
  try {
    void initialize({});
  } catch {
    // "Cannot call initialize more than once": the service is already running.
  }
}

/**
 * The generated entry module: imports the app, hands the routes' request validation to the runtime
 * when the app declares request types (`routeModelsSource`), and exports one Lambda handler per
 * function of the template, made by its kind's factory (runtime/handler-factories.ts): importing
 * only the factories of the app's kinds keeps every other kind's code out of the bundle. The handlers
 * are CommonJS exports (`exports.X = ...`, which the CommonJS bundle leaves as written) rather than
 * `export const`, which esbuild would turn into getters on a copied namespace at every cold start.
 * @example entrySource(model)
 *   // import { app } from "./app.ts"; import { apiHandler } from ".../handler-factories"; ...
 *   // exports.APIHandler = apiHandler(app);
 */
export function entrySource(model: AppModel): string {
  const models = routeModelsSource(model);
  const handlers = new Map<string, string>();
  if (model.routes.length > 0) handlers.set(API_HANDLER_ID, 'apiHandler(app)');
  for (const fn of model.functions) {
    const id = fn.name === null ? undefined : toLogicalId(fn.name);
    if (id !== undefined && !handlers.has(id)) {
      handlers.set(id, `${HANDLER_FACTORIES[fn.kind]}(app, ${JSON.stringify(fn.name)})`);
    }
  }
  const factories = [...new Set([...handlers.values()].map((call) => call.slice(0, call.indexOf('('))))].sort();
  const lines = [
    `import { app } from ${JSON.stringify(`./${model.entry}`)};`,
    ...(factories.length === 0
      ? []
      : [`import { ${factories.join(', ')} } from ${JSON.stringify(runtimeModule('handler-factories'))};`]),
    ...(models === undefined ? [] : [models]),
    ...[...handlers].map(([id, call]) => `exports.${id} = ${call};`),
  ];
  return `${lines.join('\n')}\n`;
}

function toDiagnostic(message: Message, model: AppModel): Diagnostic {
  if (message.location?.file === ENTRY_FILE) {
    return error(
      'APPC401',
      `${message.text} (in the entry module appc generates)`,
      `${model.entry} must export the App instance as \`app\`: \`export const app = new App({ ... })\`.`,
      startOf(model.entry),
    );
  }
  const policy = message.detail as { code?: Diagnostic['code']; remedy?: string } | undefined;
  if (policy?.code) return error(policy.code, message.text, policy.remedy, toLocation(message));
  const remedy = message.text.startsWith('Could not resolve')
    ? 'Check the import; for a package, add it to package.json `dependencies` and run `npm install`.'
    : undefined;
  return error('APPC401', message.text, remedy, toLocation(message));
}

function startOf(file: string): SourceLocation {
  return { file, line: 1, column: 1, length: 1 };
}

/** esbuild's columns count UTF-8 bytes from 0; diagnostics count characters from 1. */
function toLocation({ location }: Message): SourceLocation | undefined {
  if (!location) return undefined;
  const column = Buffer.from(location.lineText).subarray(0, location.column).toString('utf8').length + 1;
  return {
    file: location.file.split(path.sep).join('/'),
    line: location.line,
    column,
    length: Math.max(1, location.length),
  };
}
