/**
 * The swagger document of the REST API (as in `chalice package`): `RestAPI`'s
 * `DefinitionBody` and `out/swagger.json`.
 */
import type { ResolvedConfig } from '../config/resolved-config';
import type { AppModel, CorsModel, RouteModel } from '../model/app-model';
import { effectiveCors } from '../model/effective-cors';
import { groupByPath } from '../model/group-by-path';
import { API_HANDLER_ID } from '../model/names';
import type { JsonObject } from './cfn';
import { preflightOperation } from './swagger-cors';
import { modelExtensions, modelParameters, swaggerDefinitions, withModels } from './swagger-models';
import { lambdaInvocationUri, operationSecurity, routeSecurityDefinitions } from './swagger-security';

export interface SwaggerOptions {
  /** The parsed `api_gateway_policy_file`; required when the config names one (emitters do no I/O). */
  resourcePolicy?: JsonObject;
}

/**
 * The swagger document for the app's routes, keys in Chalice's order.
 * @example emitSwagger(model, config).paths['/cities/{city}'].get
 */
export function emitSwagger(model: AppModel, config: ResolvedConfig, options: SwaggerOptions = {}): JsonObject {
  const paths: JsonObject = {};
  const securityDefinitions: JsonObject = {};
  for (const [path, routes] of groupByPath(model.routes)) {
    paths[path] = pathItem(path, routes, model, config.lambdaAlias);
    for (const route of routes) {
      const definitions = routeSecurityDefinitions(route, model, config.lambdaAlias);
      for (const [name, definition] of definitions) securityDefinitions[name] = definition;
    }
  }
  const doc: JsonObject = {
    swagger: '2.0',
    info: { version: '1.0', title: model.appName },
    schemes: ['https'],
    paths,
    definitions: swaggerDefinitions(model),
    'x-amazon-apigateway-binary-media-types': [...model.binaryTypes],
    ...modelExtensions(model),
  };
  if (Object.keys(securityDefinitions).length > 0) doc.securityDefinitions = securityDefinitions;
  const policy = resourcePolicy(config, options);
  if (policy) doc['x-amazon-apigateway-policy'] = policy;
  if (config.apiGatewayEndpointVpce) {
    doc['x-amazon-apigateway-endpoint-configuration'] = { vpcEndpointIds: [...config.apiGatewayEndpointVpce] };
  }
  return doc;
}

/**
 * The methods of one path, then the CORS preflight using the last CORS route's settings.
 * Unlike Chalice, the preflight declares the path parameters too: Swagger 2.0 requires
 * every operation of a templated path to declare them.
 */
function pathItem(path: string, routes: readonly RouteModel[], model: AppModel, alias: string | undefined): JsonObject {
  const item: JsonObject = {};
  const corsMethods: string[] = [];
  let cors: CorsModel | false = false;
  for (const route of routes) {
    const routeCors = effectiveCors(route, model);
    for (const method of route.methods) {
      item[method.toLowerCase()] = withParameters(withModels(operation(route, alias), route), [
        ...pathParameters(path),
        ...modelParameters(route),
      ]);
      if (routeCors !== false) corsMethods.push(method);
    }
    if (routeCors !== false) cors = routeCors;
  }
  if (cors !== false) item.options = withParameters(preflightOperation(cors, corsMethods), pathParameters(path));
  return item;
}

/** `parameters` are the operation's own (no other operation shares them): made for it, not copied. */
function withParameters(op: JsonObject, parameters: JsonObject[]): JsonObject {
  return parameters.length > 0 ? { ...op, parameters } : op;
}

function operation(route: RouteModel, alias: string | undefined): JsonObject {
  const op: JsonObject = {
    consumes: [...route.contentTypes],
    produces: ['application/json'],
    responses: { '200': { description: '200 response', schema: { $ref: '#/definitions/Empty' } } },
    'x-amazon-apigateway-integration': {
      responses: { default: { statusCode: '200' } },
      uri: lambdaInvocationUri(API_HANDLER_ID, alias),
      passthroughBehavior: 'when_no_match',
      httpMethod: 'POST',
      contentHandling: 'CONVERT_TO_TEXT',
      type: 'aws_proxy',
    },
  };
  const { summary, description } = route.handler.docs;
  if (summary !== undefined) op.summary = summary;
  if (description !== undefined) op.description = description;
  const security = operationSecurity(route);
  if (security) op.security = security;
  return op;
}

/**
 * One parameter per `{name}` segment, greedy `{name+}` included under `name`, as API
 * Gateway declares proxy resources (docs/api.md; Chalice leaves greedy ones out).
 */
function pathParameters(path: string): JsonObject[] {
  return [...path.matchAll(/\{([^{}+]+)\+?\}/g)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    type: 'string',
  }));
}

/** The file's policy when one is configured, else the default policy of a PRIVATE endpoint. */
function resourcePolicy(config: ResolvedConfig, options: SwaggerOptions): JsonObject | undefined {
  if (config.apiGatewayPolicyFile !== undefined) {
    if (!options.resourcePolicy) {
      throw new Error(`appc internal error: api_gateway_policy_file ${config.apiGatewayPolicyFile} was not read`);
    }
    return options.resourcePolicy;
  }
  if (config.apiGatewayEndpointType !== 'PRIVATE') return undefined;
  const vpce = config.apiGatewayEndpointVpce;
  if (!vpce || vpce.length === 0) {
    throw new Error('appc internal error: a PRIVATE endpoint needs api_gateway_endpoint_vpce or a policy file');
  }
  return privateEndpointPolicy(vpce.length === 1 ? vpce[0] : [...vpce]);
}

function privateEndpointPolicy(sourceVpce: string | string[]): JsonObject {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: '*',
        Action: 'execute-api:Invoke',
        Resource: 'arn:*:execute-api:*:*:*',
        Condition: { StringEquals: { 'aws:SourceVpce': sourceVpce } },
      },
    ],
  };
}
