import {
  configuredFunctionNames,
  lookupFunctionSetting,
  lookupStageSetting,
  mergeFunctionDict,
  mergeStageDict,
} from './config-lookup';
import { DEFAULT_ARCHITECTURE, NEWEST_NODE_RUNTIME } from './lambda-runtimes';
import {
  API_HANDLER,
  DEFAULT_STAGE,
  type FunctionKey,
  type RawConfig,
  type RawCustomDomain,
  type StageKey,
} from './raw-config';
import type {
  ApiGatewayAccessLog,
  ApiGatewayThrottling,
  CustomDomain,
  DeploymentPreference,
  FunctionConfig,
  ResolvedConfig,
} from './resolved-config';

/** Chalice's defaults (its `InjectDefaults` and `Config` properties), and appc's for its own keys. */
const DEFAULTS = {
  version: '2.0',
  api_gateway_stage: 'api',
  api_gateway_endpoint_type: 'EDGE',
  lambda_timeout: 60,
  lambda_memory_size: 128,
  manage_iam_role: true,
  autogen_policy: true,
  xray: false,
  bundle_aws_sdk: false,
  lambda_runtime: NEWEST_NODE_RUNTIME,
  lambda_architecture: DEFAULT_ARCHITECTURE,
  tls_version: 'TLS_1_2',
} as const;

/**
 * The access log format when `api_gateway_access_log` gives none: one JSON object per request, the JSON
 * example of "Access logging for REST APIs" in the API Gateway Developer Guide.
 */
export const DEFAULT_ACCESS_LOG_FORMAT =
  '{"requestId":"$context.requestId","extendedRequestId":"$context.extendedRequestId",' +
  '"ip":"$context.identity.sourceIp","caller":"$context.identity.caller","user":"$context.identity.user",' +
  '"requestTime":"$context.requestTime","httpMethod":"$context.httpMethod","resourcePath":"$context.resourcePath",' +
  '"status":"$context.status","protocol":"$context.protocol","responseLength":"$context.responseLength"}';

/**
 * The read-only settings of `stage` with Chalice's precedence (as in `chalice package`): for scalars
 * stage function > stage > top-level function > top level > defaults, `null` meaning unset; env vars and
 * tags merged key by key. A stage absent from the file gets the top-level settings.
 * `raw` must have passed `loadConfig` without errors.
 * @example resolveConfig({ lambda_timeout: 30 }, 'dev', ['worker']).functions.worker.lambdaTimeout // 30
 */
export function resolveConfig(
  raw: RawConfig,
  stage: string = DEFAULT_STAGE,
  functionNames: readonly string[] = [],
): ResolvedConfig {
  const names = new Set([API_HANDLER, ...functionNames, ...configuredFunctionNames(raw, stage)]);
  const vpce = stageValue(raw, stage, 'api_gateway_endpoint_vpce');
  return deepFreeze({
    stage,
    appName: raw.app_name ?? undefined,
    version: raw.version ?? DEFAULTS.version,
    apiGatewayStage: stageValue(raw, stage, 'api_gateway_stage') ?? DEFAULTS.api_gateway_stage,
    apiGatewayEndpointType: stageValue(raw, stage, 'api_gateway_endpoint_type') ?? DEFAULTS.api_gateway_endpoint_type,
    apiGatewayEndpointVpce: typeof vpce === 'string' ? [vpce] : vpce,
    apiGatewayPolicyFile: stageValue(raw, stage, 'api_gateway_policy_file'),
    minimumCompressionSize: stageValue(raw, stage, 'minimum_compression_size'),
    bundleAwsSdk: stageValue(raw, stage, 'bundle_aws_sdk') ?? DEFAULTS.bundle_aws_sdk,
    apiGatewayCustomDomain: customDomain(stageValue(raw, stage, 'api_gateway_custom_domain')),
    websocketApiCustomDomain: customDomain(stageValue(raw, stage, 'websocket_api_custom_domain')),
    automaticLayer: stageValue(raw, stage, 'automatic_layer') ?? false,
    lambdaSourceMaps: stageValue(raw, stage, 'lambda_source_maps') ?? false,
    stageVariables: mergeStageDict(raw, stage, 'stage_variables'),
    lambdaAlias: stageValue(raw, stage, 'lambda_alias'),
    deploymentPreference: deploymentPreference(stageValue(raw, stage, 'deployment_preference')),
    apiGatewayThrottling: throttling(stageValue(raw, stage, 'api_gateway_throttling')),
    apiGatewayAccessLog: accessLog(stageValue(raw, stage, 'api_gateway_access_log')),
    functions: Object.fromEntries([...names].map((name) => [name, resolveFunction(raw, stage, name)])),
    defaultFunction: resolveFunction(raw, stage, undefined),
  });
}

/**
 * The settings of function `name` in a resolved config; a name without an entry gets the stage's.
 * @example functionConfig(resolved, 'api_handler').lambdaMemorySize
 */
export function functionConfig(resolved: ResolvedConfig, name: string): FunctionConfig {
  return Object.hasOwn(resolved.functions, name) ? resolved.functions[name] : resolved.defaultFunction;
}

/**
 * Chalice maps the domain's root as `(none)` (API Gateway's name for "no base path") when `url_prefix` is
 * unset or `/`; appc also drops the slashes around a prefix, which BasePath does not take (`/v1/` is `v1`).
 */
function customDomain(raw: RawCustomDomain | undefined): CustomDomain | undefined {
  if (raw === undefined) return undefined;
  const prefix = (raw.url_prefix ?? '').replace(/^\/+|\/+$/g, '');
  return {
    domainName: raw.domain_name,
    certificateArn: raw.certificate_arn,
    basePath: prefix === '' ? '(none)' : prefix,
    tlsVersion: raw.tls_version ?? DEFAULTS.tls_version,
    tags: raw.tags ?? {},
  };
}

function resolveFunction(raw: RawConfig, stage: string, fn: string | undefined): FunctionConfig {
  const get = <K extends FunctionKey>(key: K) => lookupFunctionSetting(raw, stage, fn, key)?.value;
  return {
    lambdaRuntime: get('lambda_runtime') ?? DEFAULTS.lambda_runtime,
    lambdaArchitecture: get('lambda_architecture') ?? DEFAULTS.lambda_architecture,
    lambdaTimeout: get('lambda_timeout') ?? DEFAULTS.lambda_timeout,
    lambdaMemorySize: get('lambda_memory_size') ?? DEFAULTS.lambda_memory_size,
    environmentVariables: mergeFunctionDict(raw, stage, fn, 'environment_variables'),
    tags: mergeFunctionDict(raw, stage, fn, 'tags'),
    manageIamRole: get('manage_iam_role') ?? DEFAULTS.manage_iam_role,
    iamRoleArn: get('iam_role_arn'),
    autogenPolicy: get('autogen_policy') ?? DEFAULTS.autogen_policy,
    iamPolicyFile: get('iam_policy_file'),
    xray: get('xray') ?? DEFAULTS.xray,
    subnetIds: get('subnet_ids') ?? [],
    securityGroupIds: get('security_group_ids') ?? [],
    reservedConcurrency: get('reserved_concurrency'),
    layers: get('layers') ?? [],
    logRetentionInDays: get('log_retention_in_days'),
  };
}

function deploymentPreference(raw: RawConfig['deployment_preference']): DeploymentPreference | undefined {
  if (!raw) return undefined;
  const { type, alarms = [], hooks = {} } = raw;
  return { type, alarms, preTraffic: hooks.pre_traffic, postTraffic: hooks.post_traffic };
}

function throttling(raw: RawConfig['api_gateway_throttling']): ApiGatewayThrottling | undefined {
  return raw ? { rateLimit: raw.rate_limit, burstLimit: raw.burst_limit } : undefined;
}

function accessLog(raw: RawConfig['api_gateway_access_log']): ApiGatewayAccessLog | undefined {
  return raw ? { format: raw.format ?? DEFAULT_ACCESS_LOG_FORMAT, retentionInDays: raw.retention_in_days } : undefined;
}

function stageValue<K extends StageKey>(raw: RawConfig, stage: string, key: K): NonNullable<RawConfig[K]> | undefined {
  return lookupStageSetting(raw, stage, key)?.value;
}

/** Freezes a fresh tree of plain objects and arrays; copies arrays so the caller's `raw` stays mutable. */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  const copy = (
    Array.isArray(value)
      ? value.map(deepFreeze)
      : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepFreeze(v)]))
  ) as T;
  return Object.freeze(copy);
}
