import { assertNever } from '../assert-never';
import type { AppModel, AuthorizerUse, RouteModel } from '../model/app-model';
import type { JsonObject } from '../model/json';

/**
 * The OpenAPI security schemes of the routes' API keys and authorizers, under the names the swagger gives them
 * (`api_key`, `sigv4`, the authorizer's name). API Gateway reads every one from a header, so each is an `apiKey`
 * scheme in that header, with API Gateway's `x-amazon-apigateway-authtype`
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authtype.html).
 * Lambda authorizer URIs are CloudFormation expressions of the stack, so they stay in the swagger.
 */
export function securitySchemes(model: AppModel): JsonObject {
  const schemes: JsonObject = {};
  for (const route of model.routes) {
    if (route.authorizer) schemes[schemeName(route.authorizer)] = authorizerScheme(route.authorizer, model);
    if (route.apiKeyRequired) {
      schemes.api_key = { type: 'apiKey', name: 'x-api-key', in: 'header', description: 'An API Gateway API key.' };
    }
  }
  return schemes;
}

/** `[{"api_key": []}, {<authorizer>: <scopes>}]`: every entry must be met, as API Gateway requires both. */
export function operationSecurity(route: RouteModel): JsonObject[] | undefined {
  const requirement: JsonObject = {};
  if (route.apiKeyRequired) requirement.api_key = [];
  const auth = route.authorizer;
  if (auth) requirement[schemeName(auth)] = auth.kind === 'iam' ? [] : [...auth.scopes];
  return Object.keys(requirement).length > 0 ? [requirement] : undefined;
}

function schemeName(auth: AuthorizerUse): string {
  return auth.kind === 'iam' ? 'sigv4' : auth.name;
}

function authorizerScheme(auth: AuthorizerUse, model: AppModel): JsonObject {
  switch (auth.kind) {
    case 'iam':
      return headerScheme('Authorization', 'awsSigv4', 'AWS Signature Version 4 (IAM authorization).');
    case 'cognito':
      return {
        ...headerScheme(auth.header, 'cognito_user_pools', 'An Amazon Cognito user pool token.'),
        'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: [...auth.providerArns] },
      };
    case 'custom':
      return headerScheme(auth.header, 'custom', `A token checked by the Lambda authorizer ${auth.name}.`);
    case 'builtin': {
      const fn = model.functions.find((candidate) => candidate.kind === 'authorizer' && candidate.name === auth.name);
      const header = fn?.kind === 'authorizer' ? fn.header : 'Authorization';
      return headerScheme(header, 'custom', `A token checked by the app's authorizer ${auth.name}.`);
    }
    default:
      return assertNever(auth);
  }
}

function headerScheme(name: string, authType: string, description: string): JsonObject {
  return { type: 'apiKey', name, in: 'header', description, 'x-amazon-apigateway-authtype': authType };
}
