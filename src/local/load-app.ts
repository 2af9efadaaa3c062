/**
 * The app as local mode runs it, built the way `appc package` builds deployment.zip:
 *   check     config + analysis + validation -> AppModel, ResolvedConfig (checkProject, src/compiler/compile.ts)
 *   gateway   AppModel                       -> the REST API's resources, authorizers, CORS (buildApiGateway)
 *   bundle    AppModel + sources             -> one CommonJS file exporting a Lambda handler per function (bundleApp)
 *   instances bundle, stage env vars         -> function instances, worker threads that load the bundle (the one
 *             place appc runs user code) from a directory laid out like deployment.zip (createTaskDir);
 *             one is started now, to report load errors before serving (AppInstances)
 * Packages the project depends on stay outside the bundle and load from its node_modules.
 */
import { functionConfig } from '../compiler/config/resolve-config';
import type { ResolvedConfig } from '../compiler/config/resolved-config';
import { error, hasErrors, type Diagnostic } from '../compiler/diagnostics/diagnostic';
import type { AppModel } from '../compiler/model/app-model';
import { API_HANDLER_ID, API_HANDLER_NAME } from '../compiler/model/names';
import type { ApiIdentity } from '../events/proxy-event';
import { apiIdentity, buildApiGateway, type ApiGateway } from './api-gateway';
import { AppInstances } from './app-instances';
import { appStack } from './app-stack';
import type { GatewayHost } from './handle-request';
import { invokeFunction } from './invoke-function';
import { buildLocalBundle } from './local-bundle';
import type { TaskDir } from './task-dir';
import type { WebsocketTransport } from '../runtime/websocket-api';

export interface LocalApp extends GatewayHost {
  projectDir: string;
  model: AppModel;
  config: ResolvedConfig;
  gateway: ApiGateway;
  api: ApiIdentity;
  /**
   * The function instances running the bundle, whose exports are Lambda handlers by logical ID (`APIHandler`,
   * authorizers...).
   */
  instances: AppInstances;
  /** Policies of built-in authorizers by authorizer and token, while their TTL lasts. */
  authorizerCache: Map<string, { result: unknown; expires: number }>;
  /** Where the app runs from; removed when the app is replaced or the server stops. */
  taskDir: TaskDir;
}

export interface LoadResult {
  app?: LocalApp;
  /** Warnings too; the app is absent when there are errors. */
  diagnostics: Diagnostic[];
}

export interface LoadOptions {
  projectDir: string;
  stage: string;
  /** The most instances at a time per function (`--concurrency`). */
  concurrency: number;
  /** Hears about errors the app throws outside an invocation of function `name` (a timer, an unawaited promise). */
  onStrayError(name: string, error: Error): void;
  /** Where the app's `app.websocketApi.send` and `close` go: the server's connections. */
  websockets: WebsocketTransport;
}

/**
 * Checks, bundles and loads the app at `projectDir` for `stage`: the first instance of the API
 * handler loads the bundle with its environment variables (module-level code may read them).
 */
export async function loadLocalApp(options: LoadOptions): Promise<LoadResult> {
  const { projectDir, stage } = options;
  const built = await buildLocalBundle(projectDir, stage);
  if (!('taskDir' in built)) return built;
  const { model, config, taskDir } = built;
  const { concurrency, onStrayError, websockets } = options;
  const instances = new AppInstances({ bundleFile: taskDir.bundleFile, config, concurrency, onStrayError, websockets });
  const diagnostics = [...built.diagnostics];
  const gateway = buildApiGateway(model);
  diagnostics.push(...(await warmApiHandler(instances, { projectDir, model, config, gateway })));
  if (hasErrors(diagnostics)) {
    instances.close();
    taskDir.remove();
    return { diagnostics };
  }
  return { app: localApp({ projectDir, model, config, gateway, instances, taskDir }), diagnostics };
}

function localApp(
  parts: Pick<LocalApp, 'projectDir' | 'model' | 'config' | 'gateway' | 'instances' | 'taskDir'>,
): LocalApp {
  const app: LocalApp = {
    ...parts,
    api: apiIdentity(parts.config),
    authorizerCache: new Map(),
    invoke: (name, exportName, event) => invokeFunction(app, name, exportName, event),
  };
  return app;
}

/** Starts the API handler's first instance, which runs the app's module-level code: its load problems. */
async function warmApiHandler(
  instances: AppInstances,
  app: Pick<LocalApp, 'projectDir' | 'model' | 'config' | 'gateway'>,
): Promise<Diagnostic[]> {
  const loaded = await instances.pool(API_HANDLER_NAME).warm();
  if (loaded === 'timeout') return [initTimeout(app.config)];
  if ('error' in loaded) return [loadError(loaded.error, app.projectDir)];
  return missingHandlers(app.model, app.gateway, loaded.exports);
}

/** What the app threw at load, at the app's line that threw (or required the missing package), with its stack. */
export function loadError(e: Error, projectDir: string): Diagnostic {
  const message = e.message.split('\n')[0];
  const missing = (e as { code?: string }).code === 'MODULE_NOT_FOUND';
  const remedy = missing
    ? 'Install the package (`npm install`), and list it in package.json `dependencies` so it ships in deployment.zip too.'
    : "Fix the app's module-level code: appc local runs it once at start-up, as Lambda does at a cold start.";
  const { location, frames } = appStack(e.stack, projectDir);
  const diagnostic = error('APPC601', `the app threw while loading: ${message}`, remedy, location);
  return frames.length > 0 ? { ...diagnostic, trace: frames } : diagnostic;
}

/** Lambda's Init phase has a time limit too; here it is the API handler's timeout. */
function initTimeout(config: ResolvedConfig): Diagnostic {
  const seconds = functionConfig(config, API_HANDLER_NAME).lambdaTimeout;
  return error(
    'APPC604',
    `the app's module-level code did not finish within the API handler's lambda_timeout (${seconds} s)`,
    'Make the code that runs at load time finish (await nothing that never settles), or raise lambda_timeout in .appc/config.json.',
  );
}

/** The API handler and every built-in authorizer a route uses must be exported by the bundle. */
function missingHandlers(model: AppModel, gateway: ApiGateway, exports: readonly string[]): Diagnostic[] {
  const needed = new Set<string>(model.routes.length > 0 ? [API_HANDLER_ID] : []);
  for (const resource of gateway.resources.values()) {
    for (const method of resource.methods.values())
      if (method.authorizer?.kind === 'builtin') needed.add(method.authorizer.exportName);
  }
  return [...needed]
    .filter((name) => !exports.includes(name))
    .map((name) =>
      error(
        'APPC602',
        `the app's bundle has no Lambda handler ${name}`,
        'This is a bug in appc: please report it with the app.',
      ),
    );
}
