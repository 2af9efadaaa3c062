/**
 * The REST API that `appc package` would configure in API Gateway, as data for the local
 * server: resources and their methods, each method's authorizer, each path's CORS preflight,
 * the binary media types. Built from the AppModel exactly as the swagger is, so local mode
 * and the deployed API agree (the preflight headers come from `preflightHeaders`, the helper
 * the swagger's OPTIONS mock uses). The test client (`appc/test`) describes the same routes
 * from the App its test imported (`gatewayOf`).
 */
import type { ResolvedConfig } from '../compiler/config/resolved-config';
import { apiStageVariables } from '../compiler/config/stage-variables';
import type { AppModel, AuthorizerFunction } from '../compiler/model/app-model';
import { effectiveCors } from '../compiler/model/effective-cors';
import { toLogicalId } from '../compiler/model/names';
import type { ApiIdentity } from '../events/proxy-event';
import { preflightHeaders, type CORSOptions } from '../runtime/cors';
import { gatewayValidations, NO_VALIDATIONS, type GatewayValidations } from './gateway-validation';
import { createRouteMatcher, type RouteMatcher } from './route-matcher';

/** A built-in authorizer: its code is in the bundle, so local mode runs it. */
export interface LocalAuthorizer {
  kind: 'builtin';
  name: string;
  /** The bundle's export for it (its logical ID). */
  exportName: string;
  /** The header holding the token. */
  header: string;
  /** API Gateway's policy cache; 300 s when the app leaves it out, 0 disables. */
  ttlSeconds: number;
}

/** Authorizers local mode cannot run (IAM, Cognito, custom): requests pass. */
export interface PassThroughAuthorizer {
  kind: 'iam' | 'cognito' | 'custom';
  name: string;
}

export interface GatewayMethod {
  authorizer: LocalAuthorizer | PassThroughAuthorizer | undefined;
  apiKeyRequired: boolean;
}

export interface GatewayResource {
  path: string;
  /** By upper-case HTTP method. */
  methods: Map<string, GatewayMethod>;
  /** The OPTIONS mock's headers when the path has CORS routes. */
  preflight: Record<string, string> | undefined;
}

export interface ApiGateway {
  resources: Map<string, GatewayResource>;
  matcher: RouteMatcher;
  binaryTypes: readonly string[];
  /** The request validators of modelled routes (README "Models"). */
  validations: GatewayValidations;
  /** One line per method whose protection local mode cannot enforce, e.g. `GET /iam: IAM authorizer`. */
  notEnforced: string[];
}

/** One route as the gateway sees it, whichever description of the app it comes from. */
export interface GatewayRoute {
  path: string;
  methods: readonly string[];
  authorizer: GatewayMethod['authorizer'];
  apiKeyRequired: boolean;
  /** The route's CORS settings, the app's default applied; `false`: none. */
  cors: CORSOptions | false;
}

const DEFAULT_AUTHORIZER_TTL = 300;

/** The made-up API Gateway that local mode plays: a fixed account and API id, the configured stage. */
export function apiIdentity(config: ResolvedConfig): ApiIdentity {
  const variables = apiStageVariables(config);
  return {
    region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
    accountId: '123456789012',
    apiId: 'local',
    stage: config.apiGatewayStage,
    stageVariables: Object.keys(variables).length === 0 ? null : variables,
  };
}

/** The API Gateway side of `model` (`appc local`). */
export function buildApiGateway(model: AppModel): ApiGateway {
  const routes = model.routes.map((route): GatewayRoute => ({
    path: route.path,
    methods: route.methods,
    authorizer: route.authorizer === null ? undefined : toGatewayAuthorizer(route.authorizer, model),
    apiKeyRequired: route.apiKeyRequired,
    cors: effectiveCors(route, model),
  }));
  return gatewayOf(routes, model.binaryTypes, gatewayValidations(model));
}

/**
 * The API Gateway that serves `routes` (in registration order), as the swagger configures it; `validations`:
 * the request validators of modelled routes (none when the routes come from a running app, not a model).
 */
export function gatewayOf(
  routes: readonly GatewayRoute[],
  binaryTypes: readonly string[],
  validations: GatewayValidations = NO_VALIDATIONS,
): ApiGateway {
  const resources = new Map<string, GatewayResource>();
  const corsByPath = new Map<string, { cors: CORSOptions; methods: string[] }>();
  const notEnforced: string[] = [];
  for (const route of routes) {
    let resource = resources.get(route.path);
    if (!resource)
      resources.set(route.path, (resource = { path: route.path, methods: new Map(), preflight: undefined }));
    const { authorizer, cors } = route;
    for (const method of route.methods) {
      resource.methods.set(method, { authorizer, apiKeyRequired: route.apiKeyRequired });
      if (authorizer && authorizer.kind !== 'builtin')
        notEnforced.push(`${method} ${route.path}: ${describeAuthorizer(authorizer)}`);
      if (route.apiKeyRequired) notEnforced.push(`${method} ${route.path}: API key`);
    }
    // As the swagger: the CORS methods of the path in order, with the last CORS route's settings.
    if (cors !== false) {
      const entry = corsByPath.get(route.path) ?? { cors, methods: [] };
      corsByPath.set(route.path, { cors, methods: [...entry.methods, ...route.methods] });
    }
  }
  for (const [path, { cors, methods }] of corsByPath) {
    (resources.get(path) as GatewayResource).preflight = preflightHeaders(cors, methods);
  }
  // The preflight is an OPTIONS method of the resource, like any other for matching.
  const matcher = createRouteMatcher(
    [...resources.values()].map(
      (r) => [r.path, r.preflight ? [...r.methods.keys(), 'OPTIONS'] : r.methods.keys()] as const,
    ),
  );
  return { resources, matcher, binaryTypes, validations, notEnforced };
}

/** A built-in authorizer named `name`; its bundle export is its logical ID, its TTL 300 s when left out. */
export function builtinAuthorizer(name: string, header: string, ttlSeconds: number | undefined): LocalAuthorizer {
  return {
    kind: 'builtin',
    name,
    exportName: toLogicalId(name),
    header,
    ttlSeconds: ttlSeconds ?? DEFAULT_AUTHORIZER_TTL,
  };
}

function toGatewayAuthorizer(
  use: NonNullable<AppModel['routes'][number]['authorizer']>,
  model: AppModel,
): GatewayMethod['authorizer'] {
  if (use.kind === 'iam') return { kind: 'iam', name: 'sigv4' };
  if (use.kind !== 'builtin') return { kind: use.kind, name: use.name };
  const fn = model.functions.find((f): f is AuthorizerFunction => f.kind === 'authorizer' && f.name === use.name);
  if (!fn) throw new Error(`appc internal error: route uses authorizer ${use.name}, which the model does not define`);
  return builtinAuthorizer(use.name, fn.header, fn.ttlSeconds);
}

function describeAuthorizer(authorizer: PassThroughAuthorizer): string {
  switch (authorizer.kind) {
    case 'iam':
      return 'IAM authorizer';
    case 'cognito':
      return `Cognito user pool authorizer ${authorizer.name}`;
    case 'custom':
      return `custom authorizer ${authorizer.name}`;
  }
}
