/**
 * `sam.json`: the SAM template `chalice package` would write for the same app
 * (as in `chalice package`, with README "appc package"'s differences), resources in Chalice's order.
 */
import type { ResolvedConfig } from '../config/resolved-config';
import type { AppModel } from '../model/app-model';
import { API_HANDLER_NAME } from '../model/names';
import { DuplicateLogicalIdError, type JsonObject, type ResourceEntry } from './cfn';
import { apiHandlerPermission, authorizerPermission, restApiOutputs, restApiResource } from './sam-api';
import { accessLogGroupResource } from './sam-api-stage';
import { customDomainEntries, customDomainOutputs } from './sam-domain';
import { functionResource, logGroupResource, type FunctionContext } from './sam-function';
import { functionRoles, roleProperty, type FunctionRole, type PolicyInput } from './sam-iam';
import { managedLayerEntry } from './sam-layer';
import { functionRuntimes, planFunctions, settingsOf, type LambdaPlan } from './sam-plan';
import { websocketApiEntries, websocketApiOutputs } from './sam-websocket';
import { isWebsocket } from '../model/template-functions';
import { hooksRoleResource, planRelease } from './sam-release';

export type { PolicyInput } from './sam-iam';

export interface SamInput {
  model: AppModel;
  config: ResolvedConfig;
  /** `emitSwagger`'s document; used only when the app has routes. */
  swagger: JsonObject;
  /** appc's own version, for the `appc` tag. */
  appcVersion: string;
  /** The zip's entry module (without extension): `Handler` is `<handlerModule>.<LogicalId>`. */
  handlerModule: string;
  policy: PolicyInput;
  /** layer-deployment.zip was written: emit `ManagedLayer` and attach it to every function. */
  managedLayer?: boolean;
}

/**
 * The whole template as an object; `serializeTemplate` turns it into `sam.json`.
 * @example emitSam({ model, config, swagger, appcVersion: '0.1.0', handlerModule: 'appc-entry',
 *   policy: { mode: 'autogen', statements: [] } })
 */
export function emitSam(input: SamInput): JsonObject {
  const { model, config } = input;
  const plans = planFunctions(model, input.handlerModule);
  const roles = functionRoles(plans, input.policy, config);
  const release = planRelease(config, plans);
  const { context, group } = functionGrouper(input, roles, release);
  const websocketPlans = plans.filter((plan) => plan.fn !== null && isWebsocket(plan.fn));
  const entries: ResourceEntry[] = [];
  let apiHandler: ResourceEntry | undefined;
  for (const plan of plans.filter((p) => !websocketPlans.includes(p))) {
    const { dependencies, fn } = group(plan);
    entries.push(...dependencies);
    // Chalice re-inserts the API handler after RestAPI; its log group and role stay put.
    if (plan.fn === null) apiHandler = fn;
    else entries.push(fn);
  }
  if (apiHandler) entries.push(...restApiEntries(input, apiHandler, plans));
  // Registration order: the order of the routes.
  const websocketKinds = model.functions.filter(isWebsocket).map((fn) => fn.kind);
  for (const { dependencies, fn } of websocketPlans.map(group)) entries.push(...dependencies, fn);
  if (websocketPlans.length > 0) entries.push(...websocketApiEntries(websocketKinds, config, context.appName));
  const hooksRole = hooksRoleResource(release);
  if (hooksRole) entries.push(hooksRole);
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: 'AWS::Serverless-2016-10-31',
    Outputs: {
      ...(apiHandler ? restOutputs(config) : {}),
      ...(websocketPlans.length > 0 ? websocketApiOutputs(websocketKinds, config) : {}),
    },
    Resources: collectResources(entries),
  };
}

/** The context every function shares, and what emits one function with its dependencies. */
function functionGrouper(
  input: SamInput,
  roles: Map<string, FunctionRole>,
  release: FunctionContext['release'],
): { context: FunctionContext; group: (plan: LambdaPlan) => FunctionGroup } {
  const { model, config } = input;
  const context: FunctionContext = {
    appcVersion: input.appcVersion,
    stage: config.stage,
    appName: config.appName ?? model.appName,
    managedLayer: input.managedLayer === true,
    sourceMaps: config.lambdaSourceMaps,
    release,
  };
  const layer = input.managedLayer
    ? managedLayerEntry(context.appName, config.stage, functionRuntimes(model, config))
    : undefined;
  // Chalice emits a function's dependencies first: the layer (once, at its first use), log group, role.
  const group = (plan: LambdaPlan): FunctionGroup => {
    const { dependencies, fn } = functionGroup(plan, roles, config, context);
    return { dependencies: layer ? [layer, ...dependencies] : dependencies, fn };
  };
  return { context, group };
}

interface FunctionGroup {
  /** Emitted just before the function, in Chalice's order: log group, then role. */
  dependencies: ResourceEntry[];
  fn: ResourceEntry;
}

function functionGroup(
  plan: LambdaPlan,
  roles: Map<string, FunctionRole>,
  config: ResolvedConfig,
  context: FunctionContext,
): FunctionGroup {
  const settings = settingsOf(config, plan.name);
  const role = roles.get(plan.name) as FunctionRole;
  const dependencies: ResourceEntry[] = [];
  if (settings.logRetentionInDays !== undefined) dependencies.push(logGroupResource(plan, settings.logRetentionInDays));
  if (role.kind === 'managed') dependencies.push(role.role);
  return { dependencies, fn: functionResource(plan, settings, roleProperty(role), context) };
}

function restApiEntries(input: SamInput, apiHandler: ResourceEntry, plans: readonly LambdaPlan[]): ResourceEntry[] {
  const tracing = settingsOf(input.config, API_HANDLER_NAME).xray;
  const authorizers = plans.filter((plan) => plan.fn?.kind === 'authorizer');
  const domain = input.config.apiGatewayCustomDomain;
  const { lambdaAlias } = input.config;
  const logGroup = accessLogGroupResource(input.config);
  return [
    ...(logGroup ? [logGroup] : []),
    restApiResource(input.config, input.swagger, tracing),
    apiHandler,
    apiHandlerPermission(lambdaAlias),
    ...authorizers.map((plan) => authorizerPermission(plan.logicalId, lambdaAlias)),
    ...(domain ? customDomainEntries(domain, input.config) : []),
  ];
}

function restOutputs(config: ResolvedConfig): JsonObject {
  return { ...restApiOutputs(config), ...(config.apiGatewayCustomDomain ? customDomainOutputs(config) : {}) };
}

/** Entries into `Resources`; a shared role appears once, at its first use. */
function collectResources(entries: readonly ResourceEntry[]): JsonObject {
  const resources: JsonObject = {};
  const sources = new Map<string, ResourceEntry['resource']>();
  for (const { id, resource } of entries) {
    const existing = sources.get(id);
    if (existing === resource) continue;
    if (existing !== undefined) throw new DuplicateLogicalIdError(id);
    sources.set(id, resource);
    resources[id] = resource;
  }
  return resources;
}
