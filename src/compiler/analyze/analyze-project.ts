import * as path from 'node:path';
import { ts } from './typescript';
import { DEFAULT_BINARY_TYPES } from '../../runtime/binary';
import { methodOf, REGISTRATIONS } from '../../runtime/registrations';
import { joinUrlPrefix } from '../../runtime/routes';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic';
import { analyzeModels } from './models/analyze-models';
import { analyzeSdkUsage } from './sdk-calls/analyze-sdk-usage';
import type { AppModel, CorsModel, FunctionModel, MiddlewareModel, RouteModel } from '../model/app-model';
import { assertNever } from '../assert-never';
import { findTemplateAuthRoutes } from './auth-routes';
import { collectRegistrations, type Collected } from './collect';
import { isStackOverflow, stackOverflow } from './depth';
import { Evaluator } from './evaluate';
import { Interpreter, type PendingRoute } from './interpret';
import { locationOf, relativePath } from './locations';
import { moduleEvaluationOrder } from './module-order';
import { MutationFinder } from './mutations';
import { corsModel, notStatic } from './options';
import { loadProgram } from './program';
import type { CollectedItem, FunctionMethod, Registration, Setting } from './registration';
import { RuntimeSymbols } from './runtime-symbols';

export interface AnalyzeResult {
  model?: AppModel;
  diagnostics: Diagnostic[];
}

/**
 * Reads the app statically: loads `entry` and every module it imports, finds `new App`
 * and every registration on appc receivers, evaluates their arguments without running
 * anything, and returns the AppModel. Problems come back as diagnostics.
 */
export function analyzeProject(
  projectDir: string,
  options: { entry?: string; typecheck?: boolean } = {},
): AnalyzeResult {
  const entry = options.entry ?? 'app.ts';
  try {
    return analyze(projectDir, entry, options.typecheck);
  } catch (e) {
    // Nesting is limited before any recursive walk (depth.ts); this is the safety net for the rest.
    if (!isStackOverflow(e)) throw e;
    return { diagnostics: [stackOverflow(path.join(projectDir, entry), projectDir, "appc's analysis of the app")] };
  }
}

function analyze(projectDir: string, entry: string, typecheck: boolean | undefined): AnalyzeResult {
  const { loaded, diagnostics } = loadProgram(projectDir, entry, typecheck);
  if (!loaded || diagnostics.some((d) => d.code === 'APPC202' || d.code === 'APPC220' || d.code === 'APPC223'))
    return { diagnostics };
  const { checker, userFiles } = loaded;
  const userSet = new Set(userFiles);
  const files = moduleEvaluationOrder(loaded.entry, checker, (f) => userSet.has(f));
  const runtime = new RuntimeSymbols(checker);
  const collected = collectRegistrations(files, runtime, checker, projectDir);
  diagnostics.push(...collected.diagnostics);
  const app = findApp(collected, loaded.entry, checker, projectDir, diagnostics);
  if (!app) return { diagnostics };
  const mutations = new MutationFinder(checker, runtime, files, appcReads(collected), projectDir);
  const builder = new ModelBuilder(new Evaluator(checker, runtime, mutations), checker, projectDir, diagnostics);
  const parts = builder.build(app, collected);
  const modules = moduleList(projectDir, loaded.entry, userFiles);
  const isRegistrationCall = (node: ts.Node) => runtime.isRegistrationCall(node);
  const sdk = analyzeSdkUsage({ checker, files, model: parts, projectDir, isRegistrationCall });
  const models = analyzeModels(parts.routes, loaded, projectDir, diagnostics);
  diagnostics.push(...findTemplateAuthRoutes(collected.newExpressions, runtime, projectDir));
  const { appName, debug, binaryTypes, cors, functions, middleware, location } = parts;
  // Keys in this order: it is the order of model.json.
  const model: AppModel = {
    appName,
    entry,
    modules,
    debug,
    binaryTypes,
    cors,
    routes: models.routes,
    functions,
    ...(middleware ? { middleware } : {}),
    location,
    ...(sdk ? { sdk } : {}),
    ...(models.models ? { models: models.models } : {}),
  };
  return { model, diagnostics };
}

/** Every module of the app, project-relative: the entry first, then sorted. */
function moduleList(projectDir: string, entry: ts.SourceFile, userFiles: readonly ts.SourceFile[]): string[] {
  const others = userFiles.filter((f) => f !== entry).map((f) => relativePath(projectDir, f.fileName));
  return [relativePath(projectDir, entry.fileName), ...others.sort()];
}

/** The expressions appc reads itself: `new App(...)`'s options, registration arguments, setting values. */
function appcReads(collected: Collected): Set<ts.Node> {
  const nodes = new Set<ts.Node>(collected.apps.flatMap((app) => [...(app.expression.arguments ?? [])]));
  for (const item of collected.items) for (const node of itemArguments(item)) nodes.add(node);
  return nodes;
}

function findApp(
  collected: Collected,
  entry: ts.SourceFile,
  checker: ts.TypeChecker,
  projectDir: string,
  diagnostics: Diagnostic[],
) {
  const [app, ...others] = collected.apps;
  if (!app) {
    diagnostics.push(noApp(entry, projectDir));
    return undefined;
  }
  for (const other of others) {
    diagnostics.push(
      error(
        'APPC204',
        'an app has exactly one `new App(...)`; this is a second one',
        'Create the App once and import it where you register routes; use a Blueprint to group registrations.',
        locationOf(other.expression, projectDir),
      ),
    );
  }
  if (exportedApp(entry, checker) !== app.declaration) {
    diagnostics.push(
      error(
        'APPC211',
        `${relativePath(projectDir, entry.fileName)} must export the App instance as \`app\``,
        "Add `export const app = new App(...)` or `export { app } from './lib/app-instance'` to the entry module.",
        locationOf(app.expression, projectDir),
      ),
    );
  }
  return app;
}

function noApp(entry: ts.SourceFile, projectDir: string): Diagnostic {
  return error(
    'APPC210',
    'no `new App(...)` found in the app',
    "Create it in app.ts: export const app = new App({ appName: 'myapp' });",
    { file: relativePath(projectDir, entry.fileName), line: 1, column: 1, length: 1 },
  );
}

/** The declaration the entry module's `app` export resolves to (through re-exports). */
function exportedApp(entry: ts.SourceFile, checker: ts.TypeChecker): ts.Declaration | undefined {
  const exported = checker.getSymbolAtLocation(entry);
  const appExport = exported && checker.getExportsOfModule(exported).find((s) => s.name === 'app');
  if (!appExport) return undefined;
  return (appExport.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(appExport) : appExport).valueDeclaration;
}

class ModelBuilder {
  private readonly interpreter: Interpreter;
  private readonly pendingByBlueprint = new Map<ts.VariableDeclaration, BlueprintRegistrations>();
  /** `const auth = bp.authorizer(...)` -> the function as registered on its receiver. */
  private readonly functionByDeclaration = new Map<ts.VariableDeclaration, FunctionModel>();
  /** The same, as the app holds it (blueprint prefix applied; the last registration wins). */
  private readonly registeredFunctions = new Map<ts.VariableDeclaration, FunctionModel>();

  constructor(
    private readonly evaluator: Evaluator,
    checker: ts.TypeChecker,
    private readonly projectDir: string,
    private readonly diagnostics: Diagnostic[],
  ) {
    this.interpreter = new Interpreter(evaluator, checker, projectDir, (d) => diagnostics.push(d));
  }

  /** The model's parts from `new App(...)` and every registration and setting, in order. */
  build(app: Collected['apps'][number], collected: Collected): AppParts {
    const draft: AppDraft = { appName: '', debug: false, binaryTypes: [...DEFAULT_BINARY_TYPES], cors: false };
    this.appOptions(app.expression, draft);
    const routes: PendingRoute[] = [];
    const functions: FunctionModel[] = [];
    const middleware: MiddlewareModel[] = [];
    for (const bp of collected.blueprints) {
      const pending = { routes: [], functions: [], middleware: [], registered: undefined, names: new Set<string>() };
      this.pendingByBlueprint.set(bp, pending);
    }
    for (const item of collected.items) {
      const onApp = item.target === app.declaration;
      const sink = onApp ? { routes, functions, middleware } : this.pendingByBlueprint.get(item.target);
      if (!sink) {
        this.diagnostics.push(unknownTarget(item, this.projectDir));
        continue;
      }
      switch (item.type) {
        case 'setting':
          this.setting(item, draft);
          break;
        case 'registration':
          this.registration(item, sink, routes, onApp);
          break;
        default:
          assertNever(item);
      }
    }
    for (const [bp, pending] of this.pendingByBlueprint) this.unregistered(bp, pending);
    return {
      ...draft,
      routes: routes.map((pending) => this.resolveAuthorizer(pending)),
      functions,
      ...(middleware.length > 0 ? { middleware } : {}),
      location: locationOf(app.expression, this.projectDir),
    };
  }

  private appOptions(expression: ts.NewExpression, draft: AppDraft): void {
    const arg = expression.arguments?.[0];
    const result = arg ? this.evaluator.evaluate(arg) : undefined;
    if (result && !result.ok) return void this.diagnostics.push(notStatic(result, this.projectDir));
    const options = (result?.value ?? {}) as { appName?: unknown; debug?: unknown };
    if (typeof options.appName !== 'string' || options.appName === '') {
      this.diagnostics.push(
        error(
          'APPC215',
          'new App(...) needs an appName string',
          "Write new App({ appName: 'myapp' }).",
          locationOf(arg ?? expression, this.projectDir),
        ),
      );
    } else draft.appName = options.appName;
    if (typeof options.debug === 'boolean') draft.debug = options.debug;
  }

  private setting(item: Setting, draft: AppDraft): void {
    const values = this.evaluator.evaluateAll(item.value);
    if (!values.ok) return void this.diagnostics.push(notStatic(values, this.projectDir));
    const [value] = values.value as unknown[];
    const wrong = (expected: string): void =>
      void this.diagnostics.push(
        error(
          'APPC213',
          `this setting must be ${expected}`,
          `Assign ${expected} known at compile time.`,
          locationOf(item.value[0], this.projectDir),
        ),
      );
    switch (item.setting) {
      case 'debug':
        return typeof value === 'boolean' ? void (draft.debug = value) : wrong('true or false');
      case 'cors': {
        const cors = corsModel(value);
        return cors === undefined ? wrong('true, false or new CORSConfig({...})') : void (draft.cors = cors);
      }
      case 'binaryTypes':
        return isStrings(value) ? void (draft.binaryTypes = [...value]) : wrong('an array of strings');
      case 'binaryTypes.push':
        return isStrings(values.value) ? void draft.binaryTypes.push(...values.value) : wrong('a string');
    }
  }

  private registration(item: Registration, sink: Sink, routes: PendingRoute[], onApp: boolean): void {
    const method = item.method;
    switch (method) {
      case 'registerBlueprint':
        return this.registerBlueprint({ ...item, method }, routes, sink);
      case 'middleware':
        return pushDefined(sink.middleware, this.interpreter.middleware({ ...item, method }));
      case 'route':
        return pushDefined(sink.routes, this.interpreter.route({ ...item, method }));
      case 'authorizer':
      case 'schedule':
      case 'lambdaFunction':
      case 'onSnsMessage':
      case 'onSqsMessage':
      case 'onCWEvent':
      case 'onKinesisRecord':
      case 'onDynamoDBRecord':
      case 'onS3Event':
      case 'onWsConnect':
      case 'onWsMessage':
      case 'onWsDisconnect':
        return this.addFunction({ ...item, method }, sink.functions, onApp);
      default:
        return assertNever(method);
    }
  }

  private addFunction(item: Registration<FunctionMethod>, sink: FunctionModel[], onApp: boolean): void {
    const fn = this.interpreter.function(item);
    if (!fn) return;
    sink.push(fn);
    if (!ts.isVariableDeclaration(item.call.parent)) return;
    this.functionByDeclaration.set(item.call.parent, fn);
    if (onApp) this.registeredFunctions.set(item.call.parent, fn);
  }

  /**
   * `app.registerBlueprint(bp, options)` adds what `bp` holds at that point, as the runtime does
   * (src/runtime/app.ts): every call adds them again, so a blueprint registered twice with
   * different prefixes serves both sets of paths and functions.
   */
  private registerBlueprint(
    item: Registration<'registerBlueprint'>,
    routes: PendingRoute[],
    { functions, middleware }: Sink,
  ): void {
    const options = this.interpreter.blueprintOptions(item);
    const target = item.call.arguments[0];
    const declaration = target && [...this.pendingByBlueprint.keys()].find((bp) => this.sameDeclaration(target, bp));
    if (!options) return;
    if (!declaration) {
      return void this.diagnostics.push(
        error(
          'APPC216',
          'registerBlueprint needs a Blueprint created with `new Blueprint()` in the app',
          'Pass the const that holds new Blueprint().',
          locationOf(target ?? item.call, this.projectDir),
        ),
      );
    }
    const pending = this.pendingByBlueprint.get(declaration)!;
    for (const { route, authorizerRef } of pending.routes)
      routes.push({ route: { ...route, path: joinUrlPrefix(options.urlPrefix, route.path) }, authorizerRef });
    for (const fn of pending.functions) {
      const { namePrefix } = options;
      const prefixes = REGISTRATIONS[methodOf(fn.kind)].namePrefix && namePrefix && fn.name !== null;
      const prefixed = prefixes ? { ...fn, name: namePrefix + fn.name } : { ...fn };
      if (prefixed.name !== null && pending.names.has(prefixed.name)) {
        this.diagnostics.push(reRegistered(declaration, prefixed, item.call, this.projectDir));
        continue;
      }
      if (prefixed.name !== null) pending.names.add(prefixed.name);
      functions.push(prefixed);
      for (const [decl, f] of this.functionByDeclaration) if (f === fn) this.registeredFunctions.set(decl, prefixed);
    }
    // As the runtime does: a blueprint's middleware joins the app's here, around every handler of its kind.
    middleware.push(...pending.middleware);
    pending.registered = registeredCounts(pending);
  }

  /** A blueprint never registered, or registered before some of its registrations: those are never served. */
  private unregistered(bp: ts.VariableDeclaration, pending: BlueprintRegistrations): void {
    const name = bp.name.getText();
    const late = [
      ...pending.routes.slice(pending.registered?.routes ?? 0).map((r) => r.route),
      ...pending.functions.slice(pending.registered?.functions ?? 0),
      ...pending.middleware.slice(pending.registered?.middleware ?? 0),
    ];
    if (late.length === 0) return;
    if (!pending.registered) {
      return void this.diagnostics.push(
        warning(
          'APPC214',
          `blueprint '${name}' is never registered on the app`,
          `Call app.registerBlueprint(${name}) in a module the app imports.`,
          locationOf(bp, this.projectDir),
        ),
      );
    }
    const first = late.sort(
      (a, b) => a.location.file.localeCompare(b.location.file) || a.location.line - b.location.line,
    )[0];
    this.diagnostics.push(
      warning(
        'APPC214',
        `this registration on blueprint '${name}' comes after its last app.registerBlueprint(${name}), so the app never serves it`,
        `Register on ${name} before app.registerBlueprint(${name}) runs (import the blueprint's module first).`,
        first.location,
      ),
    );
  }

  private sameDeclaration(expression: ts.Expression, declaration: ts.VariableDeclaration): boolean {
    const result = this.evaluator.declarationOfExpression(expression);
    return result === declaration;
  }

  private resolveAuthorizer({ route, authorizerRef }: PendingRoute): RouteModel {
    if (!authorizerRef) return route;
    const fn = this.registeredFunctions.get(authorizerRef.declaration);
    if (!fn || fn.kind !== 'authorizer' || fn.name === null) {
      this.diagnostics.push(
        error(
          'APPC217',
          'this authorizer is not a built-in authorizer registered with app.authorizer(...)',
          'Use the const assigned from app.authorizer(...), or an IAM/Cognito/Custom authorizer object.',
          locationOf(authorizerRef.node, this.projectDir),
        ),
      );
      return route;
    }
    return { ...route, authorizer: { kind: 'builtin', name: fn.name, scopes: [...(authorizerRef.scopes ?? [])] } };
  }
}

/**
 * What `new App(...)` and the app's settings (`app.debug = ...`, `app.api.cors = ...`) set: the builder's only
 * mutable state of the model.
 */
interface AppDraft {
  appName: string;
  debug: boolean;
  binaryTypes: string[];
  cors: CorsModel | false;
}

/** The model as the builder produces it: everything but what the analysis adds around it (entry, modules, SDK use). */
type AppParts = Omit<AppModel, 'entry' | 'modules' | 'sdk'>;

/** Where a registration's entries go: the app's lists, or its blueprint's pending ones. */
interface Sink {
  routes: PendingRoute[];
  functions: FunctionModel[];
  middleware: MiddlewareModel[];
}

/** The expressions appc evaluates in an item. */
function itemArguments(item: CollectedItem): readonly ts.Expression[] {
  switch (item.type) {
    case 'registration':
      return item.call.arguments;
    case 'setting':
      return item.value;
    default:
      return assertNever(item);
  }
}

interface BlueprintRegistrations {
  routes: PendingRoute[];
  functions: FunctionModel[];
  middleware: MiddlewareModel[];
  /** How many of each the last `app.registerBlueprint` call added; undefined before the first. */
  registered: { routes: number; functions: number; middleware: number } | undefined;
  /** Function names its registrations gave so far. */
  names: Set<string>;
}

function registeredCounts(pending: BlueprintRegistrations): NonNullable<BlueprintRegistrations['registered']> {
  return { routes: pending.routes.length, functions: pending.functions.length, middleware: pending.middleware.length };
}

/** A registration or setting on something other than the App or a Blueprint the analysis found. */
function unknownTarget(item: CollectedItem, projectDir: string): Diagnostic {
  return error(
    'APPC212',
    'cannot tell which App or Blueprint this registers on',
    'Register on the const holding `new App(...)` or `new Blueprint()` ' +
      '(directly, imported, or through `const x = app`).',
    locationOf(item.type === 'registration' ? item.call : item.value[0], projectDir),
  );
}

/** The runtime throws "Duplicate function name" when a second registration gives a function the same name. */
function reRegistered(
  bp: ts.VariableDeclaration,
  fn: FunctionModel,
  call: ts.CallExpression,
  projectDir: string,
): Diagnostic {
  const name = bp.name.getText();
  const why =
    fn.kind === 'authorizer'
      ? 'authorizers keep their own name under a namePrefix'
      : 'this registration gives it the same namePrefix as an earlier one';
  return error(
    'APPC221',
    `registering blueprint '${name}' again adds a second function named '${fn.name}' (${why})`,
    fn.kind === 'authorizer'
      ? `Register the authorizer on the App or on a blueprint registered once, and use it from ${name}'s routes.`
      : `Give each registration of ${name} its own namePrefix.`,
    locationOf(call, projectDir),
  );
}

function pushDefined<T>(list: T[], value: T | undefined): void {
  if (value !== undefined) list.push(value);
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
