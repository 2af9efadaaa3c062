import * as fs from 'node:fs';
import * as path from 'node:path';
import { RUNTIME_INDEX } from '../runtime-location';
import { build, initialize, type BuildFailure, type Loader, type Message, type Metafile, type Plugin } from 'esbuild';
import { bundleTarget } from '../config/lambda-runtimes';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import type { AppModel, SourceLocation } from '../model/app-model';
import { API_HANDLER_ID, API_HANDLER_NAME, toLogicalId } from '../model/names';
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
}

export type BundleResult = { code: Uint8Array } | { diagnostics: Diagnostic[] };

const ENTRY_FILE = 'appc-entry.js';
const HANDLER_NAME_KEY = 'appc.name';

/**
 * The app's Lambda code as one CommonJS file, `app.js`: the user's modules and appc's
 * runtime, with one export per function (`APIHandler` for the routes, then each
 * function's logical ID), so that SAM's `Handler` is `app.<LogicalId>`.
 * Minified (names kept: error bodies use class names), deterministic, no source map.
 * @example await bundleApp({ projectDir, model, external: ['lodash'], target: 'node24' })
 */
export async function bundleApp(options: BundleOptions): Promise<BundleResult> {
  const projectDir = path.resolve(options.projectDir);
  const { imports } = options;
  if (imports) {
    // Without the import policy first: see mayBreakImportPolicy.
    const unchecked = await runBuild(options, projectDir, undefined);
    if ('metafile' in unchecked && !mayBreakImportPolicy(imports, unchecked.metafile, projectDir))
      return { code: unchecked.code };
  }
  const result = await runBuild(options, projectDir, imports);
  return 'code' in result ? { code: result.code } : result;
}

type BuildOutcome = { code: Uint8Array; metafile: Metafile } | { diagnostics: Diagnostic[] };

async function runBuild(
  { model, external, target }: BundleOptions,
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
      sourcemap: false,
      charset: 'utf8',
      logLevel: 'silent',
      alias: { appc: RUNTIME_INDEX },
      external: external.filter((name) => name !== 'appc'),
      plugins: [...(imports ? [importPolicyPlugin(imports)] : []), ...handlerNamesPlugin(projectDir, model)],
    });
    return { code: result.outputFiles[0].contents, metafile: result.metafile };
  } catch (e) {
    const failure = e as Partial<BuildFailure>;
    if (!Array.isArray(failure.errors)) throw e;
    return { diagnostics: failure.errors.map((message) => toDiagnostic(message, model)) };
  }
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
 * function of the template.
 * @example entrySource(model)
 *   // import { app } from "./app.ts"; ... export const APIHandler = lambdaHandler(app, "api_handler");
 */
export function entrySource(model: AppModel): string {
  const models = routeModelsSource(model);
  const handlers = new Map<string, string>();
  if (model.routes.length > 0) handlers.set(API_HANDLER_ID, API_HANDLER_NAME);
  for (const fn of model.functions) {
    if (fn.name !== null && !handlers.has(toLogicalId(fn.name))) handlers.set(toLogicalId(fn.name), fn.name);
  }
  const lines = [
    `import { app } from ${JSON.stringify(`./${model.entry}`)};`,
    `import { lambdaHandler } from "appc";`,
    ...(models === undefined ? [] : [models]),
    ...[...handlers].map(([id, name]) => `export const ${id} = lambdaHandler(app, ${JSON.stringify(name)});`),
  ];
  return `${lines.join('\n')}\n`;
}

interface NameEdit {
  start: number;
  end: number;
  name: string;
}

/**
 * Marks each function's handler with its name as the analyzer derived it, because an
 * inline handler named only by the `const` it is assigned to has no `.name` at run time
 * (the runtime reads `Symbol.for('appc.name')` first; see HANDLER_NAME in runtime/app.ts).
 * Its filter names the files to edit, so that esbuild loads every other file without calling
 * back into this process; no plugin when there is nothing to mark.
 */
function handlerNamesPlugin(projectDir: string, model: AppModel): Plugin[] {
  const edits = new Map<string, NameEdit[]>();
  for (const fn of model.functions) {
    if (fn.localName === null) continue;
    const file = realPath(path.resolve(projectDir, fn.handler.location.file));
    const fileEdits = edits.get(file) ?? [];
    // A blueprint registered twice lists its handlers twice, with one local name: mark each once.
    if (fileEdits.some((edit) => edit.start === fn.handler.start)) continue;
    edits.set(file, [...fileEdits, { start: fn.handler.start, end: fn.handler.end, name: fn.localName }]);
  }
  if (edits.size === 0) return [];
  const filter = new RegExp(`^(?:${[...edits.keys()].map(escapeRegExp).join('|')})$`);
  return [
    {
      name: 'appc-handler-names',
      setup(pluginBuild) {
        pluginBuild.onLoad({ filter, namespace: 'file' }, (args) => {
          const fileEdits = edits.get(args.path);
          if (!fileEdits) return undefined;
          const text = fs.readFileSync(args.path, 'utf8').replace(/^\uFEFF/, '');
          return { contents: applyNameEdits(text, fileEdits), loader: loaderFor(args.path) };
        });
      },
    },
  ];
}

/** A literal path inside esbuild's filter (Go's RE2 syntax takes these escapes too). */
function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** Wraps each handler expression in place; back to front, so earlier offsets stay valid. */
export function applyNameEdits(text: string, edits: readonly NameEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    const marked =
      `Object.defineProperty(${result.slice(edit.start, edit.end)}, Symbol.for(${JSON.stringify(HANDLER_NAME_KEY)}), ` +
      `{ value: ${JSON.stringify(edit.name)}, configurable: true })`;
    result = result.slice(0, edit.start) + marked + result.slice(edit.end);
  }
  return result;
}

function loaderFor(file: string): Loader {
  const ext = path.extname(file);
  if (ext === '.tsx' || ext === '.jsx') return ext.slice(1) as Loader;
  return /^\.[mc]?ts$/.test(ext) ? 'ts' : 'js';
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
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
