/**
 * The `security` entries of an operation and the `securityDefinitions` they need
 * (as in `chalice package`), for API keys and the four authorizer kinds.
 */
import type { AppModel, AuthorizerFunction, AuthorizerUse, RouteModel } from '../model/app-model';
import { toLogicalId } from '../model/names';
import { assertNever } from '../assert-never';
import { sub, type JsonObject } from './cfn';
import { invokedArnVariable } from './invoke-target';

const API_KEY = 'api_key';

/** Swagger's name for an authorizer: IAM authorizers are always `sigv4`. */
function securityName(auth: AuthorizerUse): string {
  return auth.kind === 'iam' ? 'sigv4' : auth.name;
}

/** `[{"api_key": []}, {<authorizer>: <scopes>}]`, or undefined when the route has neither. */
export function operationSecurity(route: RouteModel): JsonObject[] | undefined {
  const security: JsonObject[] = [];
  if (route.apiKeyRequired) security.push({ [API_KEY]: [] });
  const auth = route.authorizer;
  if (auth) security.push({ [securityName(auth)]: auth.kind === 'iam' ? [] : [...auth.scopes] });
  return security.length > 0 ? security : undefined;
}

/**
 * The definitions a route adds, in Chalice's order: its authorizer first, then the API key.
 * A later route naming the same authorizer overwrites the entry in place.
 */
export function routeSecurityDefinitions(
  route: RouteModel,
  model: AppModel,
  alias?: string,
): Array<[string, JsonObject]> {
  const entries: Array<[string, JsonObject]> = [];
  const auth = route.authorizer;
  if (auth) entries.push([securityName(auth), authorizerDefinition(auth, model, alias)]);
  if (route.apiKeyRequired) entries.push([API_KEY, { type: 'apiKey', name: 'x-api-key', in: 'header' }]);
  return entries;
}

function authorizerDefinition(auth: AuthorizerUse, model: AppModel, alias: string | undefined): JsonObject {
  switch (auth.kind) {
    case 'iam':
      return { in: 'header', type: 'apiKey', name: 'Authorization', 'x-amazon-apigateway-authtype': 'awsSigv4' };
    case 'cognito':
      return apiKeyHeader(auth.header, 'cognito_user_pools', {
        type: 'cognito_user_pools',
        providerARNs: [...auth.providerArns],
      });
    case 'custom':
      return apiKeyHeader(auth.header, 'custom', {
        type: 'token',
        authorizerUri: auth.authorizerUri,
        authorizerResultTtlInSeconds: auth.ttlSeconds,
        ...(auth.invokeRoleArn !== undefined ? { authorizerCredentials: auth.invokeRoleArn } : {}),
      });
    case 'builtin':
      return builtinDefinition(findBuiltinAuthorizer(auth.name, model), alias);
    default:
      return assertNever(auth);
  }
}

function apiKeyHeader(header: string, authType: string, authorizer: JsonObject): JsonObject {
  return {
    in: 'header',
    type: 'apiKey',
    name: header,
    'x-amazon-apigateway-authtype': authType,
    'x-amazon-apigateway-authorizer': authorizer,
  };
}

/** Unlike a custom authorizer: credentials before TTL, and no TTL when none was given. */
function builtinDefinition(fn: AuthorizerFunction, alias: string | undefined): JsonObject {
  const authorizerUri = lambdaInvocationUri(toLogicalId(fn.name ?? ''), alias);
  const authorizer: JsonObject = { type: 'token', authorizerUri };
  if (fn.executionRole !== undefined) authorizer.authorizerCredentials = fn.executionRole;
  if (fn.ttlSeconds !== undefined) authorizer.authorizerResultTtlInSeconds = fn.ttlSeconds;
  return apiKeyHeader(fn.header, 'custom', authorizer);
}

function findBuiltinAuthorizer(name: string, model: AppModel): AuthorizerFunction {
  const found = model.functions.find((fn) => fn.kind === 'authorizer' && fn.name === name);
  if (!found || found.kind !== 'authorizer') {
    throw new Error(`appc internal error: route uses authorizer ${name}, which the model does not define`);
  }
  return found;
}

/** API Gateway's URI for invoking a Lambda function of this template: its alias when `lambda_alias` is set. */
export function lambdaInvocationUri(functionLogicalId: string, alias: string | undefined): JsonObject {
  return sub(
    'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/' +
      `\${${invokedArnVariable(functionLogicalId, alias)}}/invocations`,
  );
}
