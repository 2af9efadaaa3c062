/** In-memory AppModel and ResolvedConfig literals for the emitter tests. */
import type {
  AppModel,
  AuthorizerFunction,
  CorsModel,
  FunctionModel,
  HandlerModel,
  RouteModel,
  SourceLocation,
} from '../../../src/compiler/model/app-model';
import type { FunctionConfig, ResolvedConfig } from '../../../src/compiler/config/resolved-config';
import { API_HANDLER_NAME } from '../../../src/compiler/model/names';
import { DEFAULT_BINARY_TYPES } from '../../../src/runtime/binary';

const at: SourceLocation = { file: 'app.ts', line: 1, column: 1, length: 1 };

export function handler(docs: HandlerModel['docs'] = {}): HandlerModel {
  return { location: at, start: 0, end: 1, paramNames: null, ownName: null, docs };
}

export function route(path: string, options: Partial<RouteModel> = {}): RouteModel {
  return {
    path,
    methods: ['GET'],
    name: null,
    contentTypes: ['application/json'],
    apiKeyRequired: false,
    cors: null,
    authorizer: null,
    handler: handler(),
    location: at,
    parts: { argument: at, options: {}, elements: {} },
    unknownOptions: [],
    ...options,
  };
}

export const cors = (options: Partial<CorsModel> = {}): CorsModel => ({
  allowOrigin: '*',
  allowHeaders: [],
  ...options,
});

function base(name: string) {
  return {
    name,
    localName: name,
    handler: handler(),
    location: at,
    parts: { options: {}, elements: {} },
    unknownOptions: [],
  };
}

export const authorizerFn = (name: string, options: Partial<AuthorizerFunction> = {}): FunctionModel => ({
  ...base(name),
  kind: 'authorizer',
  header: 'Authorization',
  ...options,
});
export const scheduleFn = (name: string, expression: string): FunctionModel => ({
  ...base(name),
  kind: 'schedule',
  expression,
});
export const pureFn = (name: string): FunctionModel => ({ ...base(name), kind: 'lambda' });
/** A websocket handler: its name is fixed, as the analyzer gives it. */
export const websocketFn = (kind: 'ws-connect' | 'ws-message' | 'ws-disconnect'): FunctionModel => ({
  ...base(`websocket_${kind.slice(3)}`),
  localName: null,
  kind,
});
export const snsFn = (name: string, topic: string): FunctionModel => ({ ...base(name), kind: 'sns', topic });
export const cwFn = (name: string, eventPattern: unknown): FunctionModel => ({
  ...base(name),
  kind: 'cw-event',
  eventPattern,
});
export const sqsFn = (
  name: string,
  options: { queue?: string; queueArn?: string; maximumConcurrency?: number },
): FunctionModel => ({ ...base(name), kind: 'sqs', batchSize: 1, maximumBatchingWindowInSeconds: 0, ...options });
export const kinesisFn = (name: string, stream: string): FunctionModel => ({
  ...base(name),
  kind: 'kinesis',
  stream,
  batchSize: 100,
  startingPosition: 'LATEST',
  maximumBatchingWindowInSeconds: 0,
});
export const dynamodbFn = (name: string, streamArn: string): FunctionModel => ({
  ...base(name),
  kind: 'dynamodb',
  streamArn,
  batchSize: 100,
  startingPosition: 'TRIM_HORIZON',
  maximumBatchingWindowInSeconds: 5,
});

export function appModel(options: Partial<AppModel> = {}): AppModel {
  return {
    appName: 'testapp',
    entry: 'app.ts',
    modules: ['app.ts'],
    debug: false,
    binaryTypes: [...DEFAULT_BINARY_TYPES],
    cors: false,
    routes: [],
    functions: [],
    location: at,
    ...options,
  };
}

export function functionConfig(options: Partial<FunctionConfig> = {}): FunctionConfig {
  return {
    lambdaRuntime: 'nodejs24.x',
    lambdaArchitecture: 'x86_64',
    lambdaTimeout: 60,
    lambdaMemorySize: 128,
    environmentVariables: {},
    tags: {},
    manageIamRole: true,
    iamRoleArn: undefined,
    autogenPolicy: true,
    iamPolicyFile: undefined,
    xray: false,
    subnetIds: [],
    securityGroupIds: [],
    reservedConcurrency: undefined,
    layers: [],
    logRetentionInDays: undefined,
    ...options,
  };
}

export interface ConfigOptions extends Partial<Omit<ResolvedConfig, 'functions'>> {
  /** Settings every function gets. */
  all?: Partial<FunctionConfig>;
  /** Settings of one function, by name (`api_handler` for the API). */
  functions?: Record<string, Partial<FunctionConfig>>;
}

/** The stage-level settings of a `dev` stage with nothing configured, as `resolveConfig` gives them. */
export const STAGE_DEFAULTS = {
  stage: 'dev',
  appName: undefined,
  version: '2.0',
  apiGatewayStage: 'api',
  apiGatewayEndpointType: 'EDGE',
  apiGatewayEndpointVpce: undefined,
  apiGatewayPolicyFile: undefined,
  minimumCompressionSize: undefined,
  bundleAwsSdk: false,
  apiGatewayCustomDomain: undefined,
  websocketApiCustomDomain: undefined,
  automaticLayer: false,
  lambdaSourceMaps: false,
  stageVariables: {},
  lambdaAlias: undefined,
  deploymentPreference: undefined,
  apiGatewayThrottling: undefined,
  apiGatewayAccessLog: undefined,
} as const satisfies Omit<ResolvedConfig, 'functions' | 'defaultFunction'>;

/** A stage config with defaults and an entry for every function of `model`. */
export function resolvedConfig(model: AppModel, options: ConfigOptions = {}): ResolvedConfig {
  const { all = {}, functions = {}, ...rest } = options;
  const names = [API_HANDLER_NAME, ...model.functions.map((fn) => fn.name as string)];
  return {
    defaultFunction: functionConfig(all),
    ...STAGE_DEFAULTS,
    functions: Object.fromEntries(names.map((name) => [name, functionConfig({ ...all, ...functions[name] })])),
    ...rest,
  };
}
