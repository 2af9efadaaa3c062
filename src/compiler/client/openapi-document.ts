/**
 * `appc generate-sdk --openapi FILE`: an OpenAPI 3.1 document of the app's API (README "Typed client"), from the same
 * model and with the same paths and operations as the swagger appc packages.
 */
import type { ResolvedConfig } from '../config/resolved-config';
import type { AppModel, CorsModel, RouteModel } from '../model/app-model';
import { effectiveCors } from '../model/effective-cors';
import { groupByPath } from '../model/group-by-path';
import type { JsonObject } from '../model/json';
import { openApiSchema } from './openapi-schema';
import { operationSecurity, securitySchemes } from './openapi-security';
import { pathParameters, type SdkOperation } from './sdk-operations';
import { corsPreflight } from './openapi-cors';

/** The error body of appc's runtime (docs/api.md), under a name no TypeScript type can take. */
const ERROR_SCHEMA = 'appc.Error';

export function openApiDocument(
  model: AppModel,
  config: ResolvedConfig,
  operations: readonly SdkOperation[],
): JsonObject {
  const names = new Map(
    operations.map(({ route, method, name }) => [`${model.routes.indexOf(route)} ${method}`, name]),
  );
  const nameOf: OperationName = (route, method) => names.get(`${model.routes.indexOf(route)} ${method}`) ?? '';
  const paths: JsonObject = {};
  for (const [path, routes] of groupByPath(model.routes)) paths[path] = pathItem(path, routes, model, nameOf);
  const schemes = securitySchemes(model);
  return {
    openapi: '3.1.0',
    info: { title: model.appName, version: '1.0' },
    servers: [...customDomainServer(config), server(config)],
    paths,
    components: {
      schemas: { ...definitionSchemas(model), [ERROR_SCHEMA]: errorSchema() },
      ...(Object.keys(schemes).length > 0 ? { securitySchemes: schemes } : {}),
    },
  };
}

/**
 * The stage's `EndpointURL` output (`https://${RestAPI}.execute-api.${AWS::Region}.${AWS::URLSuffix}/<stage>/`).
 * The variables are described in the server's description: @apidevtools/swagger-parser 12 rejects a
 * `description` on a server variable, which OpenAPI 3.1 allows.
 */
function server(config: ResolvedConfig): JsonObject {
  return {
    url: `https://{restApiId}.execute-api.{region}.{urlSuffix}/${config.apiGatewayStage}`,
    description:
      `The stage ${config.stage}: the stack's EndpointURL output. restApiId is its RestAPIId output, region its ` +
      'AWS Region, urlSuffix amazonaws.com (amazonaws.com.cn in the China Regions).',
    variables: {
      restApiId: { default: 'restApiId' },
      region: { default: 'us-east-1' },
      urlSuffix: { default: 'amazonaws.com' },
    },
  };
}

/** `api_gateway_custom_domain`: `https://<domain>/<base path>`, the URL the stage's clients are given. */
function customDomainServer(config: ResolvedConfig): JsonObject[] {
  const domain = config.apiGatewayCustomDomain;
  if (!domain) return [];
  const basePath = domain.basePath === '(none)' ? '' : `/${domain.basePath.replace(/^\/+|\/+$/g, '')}`;
  return [
    { url: `https://${domain.domainName}${basePath}`, description: `The stage ${config.stage}'s custom domain.` },
  ];
}

function definitionSchemas(model: AppModel): JsonObject {
  const definitions = model.models?.definitions ?? {};
  return Object.fromEntries(
    Object.keys(definitions)
      .sort()
      .map((name) => [name, openApiSchema(definitions[name])]),
  );
}

function errorSchema(): JsonObject {
  return {
    description: "appc's error body (the error class's name and its message), or API Gateway's (`message`).",
    type: 'object',
    properties: { Code: { type: 'string' }, Message: { type: 'string' }, message: { type: ['string', 'null'] } },
  };
}

type OperationName = (route: RouteModel, method: string) => string;

/** The path's operations in the swagger's order, then the CORS preflight the swagger adds. */
function pathItem(path: string, routes: readonly RouteModel[], model: AppModel, nameOf: OperationName): JsonObject {
  const item: JsonObject = {};
  const corsMethods: string[] = [];
  let cors: CorsModel | false = false;
  for (const route of routes) {
    const routeCors = effectiveCors(route, model);
    for (const method of route.methods) {
      item[method.toLowerCase()] = operation(route, method, nameOf(route, method));
      if (routeCors !== false) corsMethods.push(method);
    }
    if (routeCors !== false) cors = routeCors;
  }
  if (cors !== false) item.options = corsPreflight(cors, corsMethods, pathParameterObjects(path));
  return item;
}

function operation(route: RouteModel, method: string, operationId: string): JsonObject {
  const op: JsonObject = { operationId };
  const { summary, description } = route.handler.docs;
  if (summary !== undefined) op.summary = summary;
  if (description !== undefined) op.description = description;
  const parameters = [...pathParameterObjects(route.path), ...queryParameters(route)];
  if (parameters.length > 0) op.parameters = parameters;
  const body = requestBody(route, method);
  if (body) op.requestBody = body;
  op.responses = responses(route);
  const security = operationSecurity(route);
  if (security) op.security = security;
  return op;
}

/** `{name}` and greedy `{name+}` (as API Gateway names it: parameter `name`) segments. */
function pathParameterObjects(path: string): JsonObject[] {
  return pathParameters(path).map((param) => ({
    name: param.name,
    in: 'path',
    required: true,
    ...(param.greedy ? { description: 'Greedy: the rest of the path, slashes included.' } : {}),
    schema: { type: 'string' },
  }));
}

function queryParameters(route: RouteModel): JsonObject[] {
  return (route.schemas?.query ?? []).map((param) => ({
    name: param.name,
    in: 'query',
    required: param.required,
    ...(param.schema.type === 'array' ? { explode: true } : {}),
    schema: openApiSchema(param.schema),
  }));
}

const NO_BODY_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE']);

/** The declared body for each content type the route accepts; a route without one takes any body. */
function requestBody(route: RouteModel, method: string): JsonObject | undefined {
  const body = route.schemas?.body;
  if (!body && NO_BODY_METHODS.has(method)) return undefined;
  const schema = body ? openApiSchema(body.schema) : {};
  const content = Object.fromEntries(route.contentTypes.map((type) => [type, { schema: structuredClone(schema) }]));
  return { required: body?.required ?? false, content };
}

function responses(route: RouteModel): JsonObject {
  const schemas = route.schemas;
  const response = schemas?.response ? openApiSchema(schemas.response) : {};
  const out: JsonObject = {
    '200': { description: '200 response', content: { 'application/json': { schema: response } } },
  };
  if (schemas?.body || schemas?.query) out['400'] = errorResponse('The request does not match its declared types.');
  out.default = errorResponse("An error: appc's error body, or API Gateway's.");
  return out;
}

function errorResponse(description: string): JsonObject {
  return { description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` } } } };
}
