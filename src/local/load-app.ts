/**
 * The app as local mode runs it, built the way `appc package` builds deployment.zip:
 *   check     config + analysis + validation -> AppModel, ResolvedConfig (checkProject)
 *   gateway   AppModel                       -> the REST API's resources, authorizers, CORS (buildApiGateway)
 *   bundle    AppModel + sources             -> one CommonJS file exporting a Lambda handler per function (bundleApp)
 *   evaluate  bundle, stage env vars         -> the handlers, run in this process (the one place appc runs user code)
 *             from a directory laid out like deployment.zip (createTaskDir)
 * Packages the project depends on stay outside the bundle and load from its node_modules.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { checkProject } from '../compiler/check-project';
import { functionConfig } from '../compiler/config/resolve-config';
import type { ResolvedConfig } from '../compiler/config/resolved-config';
import { error, hasErrors, type Diagnostic } from '../compiler/diagnostics/diagnostic';
import type { AppModel } from '../compiler/model/app-model';
import { API_HANDLER_ID, API_HANDLER_NAME } from '../compiler/model/names';
import { bundleApp } from '../compiler/package/bundle-app';
import { readManifest, runtimeDependencies } from '../compiler/package/package-json';
import type { LambdaHandler } from '../runtime/entry';
import { buildApiGateway, type ApiGateway } from './api-gateway';
import type { ProcessEnvironment } from './process-environment';
import type { ApiIdentity } from './proxy-event';
import { SerialQueue } from './serial-queue';
import { createTaskDir, type TaskDir } from './task-dir';

export interface LocalApp {
  projectDir: string;
  model: AppModel;
  config: ResolvedConfig;
  gateway: ApiGateway;
  api: ApiIdentity;
  /** The bundle's exports: Lambda handlers by logical ID (`APIHandler`, authorizers...). */
  handlers: Readonly<Record<string, LambdaHandler | undefined>>;
  /** One invocation at a time (see SerialQueue). */
  queue: SerialQueue;
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

/**
 * Checks, bundles and loads the app at `projectDir` for `stage`, setting the API handler's
 * environment variables in `env` first (module-level code may read them).
 */
export async function loadLocalApp(projectDir: string, stage: string, env: ProcessEnvironment): Promise<LoadResult> {
  const checked = checkProject({ projectDir, stage });
  const { model, config } = checked;
  if (!model || !config) return { diagnostics: checked.diagnostics };
  const bundle = await bundleApp({ projectDir, model, external: [...declaredPackages(projectDir), '@aws-sdk/*'] });
  if ('diagnostics' in bundle) return { diagnostics: [...checked.diagnostics, ...bundle.diagnostics] };
  env.apply(functionConfig(config, API_HANDLER_NAME).environmentVariables);
  const taskDir = createTaskDir(projectDir, bundle.code);
  const loaded = evaluateBundle(Buffer.from(bundle.code).toString('utf8'), taskDir);
  const gateway = buildApiGateway(model);
  const diagnostics = [...checked.diagnostics, ...loaded.diagnostics];
  if ('exports' in loaded) diagnostics.push(...missingHandlers(model, gateway, loaded.exports));
  if (hasErrors(diagnostics) || !('exports' in loaded)) {
    taskDir.remove();
    return { diagnostics };
  }
  const app: LocalApp = {
    projectDir,
    model,
    config,
    gateway,
    api: apiIdentity(config),
    handlers: loaded.exports as LocalApp['handlers'],
    queue: new SerialQueue(),
    authorizerCache: new Map(),
    taskDir,
  };
  return { app, diagnostics };
}

/** The package.json `dependencies` (and optional and peer ones): required from node_modules at run time. */
function declaredPackages(projectDir: string): string[] {
  const read = readManifest(projectDir);
  return read && 'manifest' in read ? runtimeDependencies(read.manifest).map((d) => d.name) : [];
}

/** Runs the CommonJS bundle as the task directory's `app.js` (its `require` finds the project's node_modules there). */
function evaluateBundle(code: string, taskDir: TaskDir): { exports: Record<string, unknown>; diagnostics: [] } | { diagnostics: Diagnostic[] } {
  const filename = taskDir.bundleFile;
  const module = { exports: {} as Record<string, unknown> };
  try {
    const run = vm.compileFunction(code, ['exports', 'require', 'module', '__filename', '__dirname'], { filename });
    run.call(module.exports, module.exports, createRequire(filename), module, filename, path.dirname(filename));
  } catch (e) {
    return { diagnostics: [loadError(e)] };
  }
  return { exports: module.exports, diagnostics: [] };
}

function loadError(e: unknown): Diagnostic {
  const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
  const missing = (e as { code?: string }).code === 'MODULE_NOT_FOUND';
  const remedy = missing
    ? 'Install the package (`npm install`), and list it in package.json `dependencies` so it ships in deployment.zip too.'
    : "Fix the app's module-level code: appc local runs it once at start-up, as Lambda does at a cold start.";
  return error('APPC601', `the app threw while loading: ${message}`, remedy);
}

/** The API handler and every built-in authorizer a route uses must be exported by the bundle. */
function missingHandlers(model: AppModel, gateway: ApiGateway, exports: Record<string, unknown>): Diagnostic[] {
  const needed = new Set<string>(model.routes.length > 0 ? [API_HANDLER_ID] : []);
  for (const resource of gateway.resources.values()) {
    for (const method of resource.methods.values()) if (method.authorizer?.kind === 'builtin') needed.add(method.authorizer.exportName);
  }
  return [...needed].filter((name) => typeof exports[name] !== 'function').map((name) =>
    error('APPC602', `the app's bundle has no Lambda handler ${name}`, 'This is a bug in appc: please report it with the app.'));
}

/** The made-up API Gateway that local mode plays: a fixed account and API id, the configured stage. */
function apiIdentity(config: ResolvedConfig): ApiIdentity {
  return {
    region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
    accountId: '123456789012',
    apiId: 'local',
    stage: config.apiGatewayStage,
  };
}
