/**
 * The swagger parts of a route's models (README "Models"): `definitions`, the `body` and
 * `query` parameters, the `200` response schema, the request validators and the gateway
 * responses that answer a failed validation in appc's error shape. Only for apps with
 * models: an app without them gets none of this, and its swagger is unchanged.
 */
import type { AppModel, CorsModel, QueryParameterModel, RouteModel } from '../model/app-model';
import { effectiveCors } from '../model/effective-cors';
import { gatewayModelDefinitions, gatewayModelSchema } from '../model/gateway-model-schema';
import type { JsonSchema } from '../model/json-schema';
import { corsHeaders } from '../../runtime/cors';
import type { JsonObject } from './cfn';

/** The request validators appc declares, by the name operations refer to them with. */
const VALIDATORS = {
  all: { validateRequestBody: true, validateRequestParameters: true },
  'body-only': { validateRequestBody: true, validateRequestParameters: false },
  'params-only': { validateRequestBody: false, validateRequestParameters: true },
} as const;

type ValidatorName = keyof typeof VALIDATORS;

/**
 * The body of API Gateway's answer to a request its validator rejects: appc's error shape,
 * with API Gateway's description of what failed. Gateway response templates do simple variable
 * substitution only ("x-amazon-apigateway-gateway-responses.responseTemplates object", API Gateway
 * Developer Guide), and of the error variables only `$context.error.messageString` is documented as
 * quoted; `$context.error.validationErrorString` is "a string containing a detailed validation error
 * message" ("Variables for data transformations"), so the template quotes it itself.
 */
export const BAD_REQUEST_TEMPLATE = '{"Code": "BadRequestError", "Message": "$context.error.validationErrorString"}';

/** The gateway responses validation failures produce ("Gateway response types for API Gateway"). */
const BAD_REQUEST_RESPONSES = ['BAD_REQUEST_BODY', 'BAD_REQUEST_PARAMETERS'] as const;

/** `definitions`: the `Empty` schema every unmodelled response uses, then the app's models as API Gateway sees them. */
export function swaggerDefinitions(model: AppModel): JsonObject {
  const empty = { Empty: { type: 'object', title: 'Empty Schema' } };
  return model.models ? { ...empty, ...jsonOf(gatewayModelDefinitions(model.models.definitions)) } : empty;
}

/**
 * The operation with its models: the `200` response's schema and the request validator. Its
 * `query` and `body` parameters come from `modelParameters`, after the path's own.
 */
export function withModels(op: JsonObject, route: RouteModel): JsonObject {
  const schemas = route.schemas;
  if (!schemas) return op;
  const out: JsonObject = { ...op };
  if (schemas.response) {
    out.responses = { '200': { description: '200 response', schema: jsonOf(gatewayModelSchema(schemas.response)) } };
  }
  const validator = validatorOf(route);
  if (validator) out['x-amazon-apigateway-request-validator'] = validator;
  return out;
}

/** The operation's `query` parameters, then its `body` parameter. */
export function modelParameters(route: RouteModel): JsonObject[] {
  const { query = [], body } = route.schemas ?? {};
  const bodyParameter = body && {
    in: 'body',
    name: 'body',
    required: body.required,
    schema: jsonOf(gatewayModelSchema(body.schema)),
  };
  return [...query.map(queryParameter), ...(bodyParameter ? [bodyParameter] : [])];
}

/**
 * The API-level extensions of an app with models: the validators its operations use and,
 * when any does, the gateway responses of a failed validation (with the CORS headers of the
 * first modelled route that has CORS, as a browser needs them to read the answer).
 */
export function modelExtensions(model: AppModel): JsonObject {
  const used = new Set(model.routes.map(validatorOf).filter((v) => v !== undefined));
  if (used.size === 0) return {};
  const validators = (Object.keys(VALIDATORS) as ValidatorName[]).filter((name) => used.has(name));
  const cors = model.routes
    .filter((route) => validatorOf(route))
    .map((route) => effectiveCors(route, model))
    .find((c): c is CorsModel => c !== false);
  const responseParameters = cors ? corsParameters(cors) : undefined;
  const response = {
    statusCode: '400',
    ...(responseParameters ? { responseParameters } : {}),
    responseTemplates: { 'application/json': BAD_REQUEST_TEMPLATE },
  };
  return {
    'x-amazon-apigateway-request-validators': Object.fromEntries(validators.map((v) => [v, { ...VALIDATORS[v] }])),
    'x-amazon-apigateway-gateway-responses': Object.fromEntries(
      BAD_REQUEST_RESPONSES.map((type) => [type, structuredClone(response)]),
    ),
  };
}

/**
 * What API Gateway validates for the route: a required body against its model, and the
 * presence of required query parameters (API Gateway checks parameters are present and not
 * blank, never their type: "Request validation for REST APIs in API Gateway"). A body the
 * handler allows to be absent is not validated at the gateway, which would reject a missing
 * body; the runtime checks it.
 */
function validatorOf(route: RouteModel): ValidatorName | undefined {
  const body = route.schemas?.body?.required === true;
  const params = (route.schemas?.query ?? []).some((q) => q.required);
  return body && params ? 'all' : body ? 'body-only' : params ? 'params-only' : undefined;
}

/**
 * A swagger 2.0 query parameter: the gateway view of its schema as the parameter's own
 * fields (`type`, `enum`, `pattern`, ...); an array is a repeated parameter (`multi`).
 */
function queryParameter(parameter: QueryParameterModel): JsonObject {
  const schema = gatewayModelSchema(parameter.schema);
  return { name: parameter.name, in: 'query', required: parameter.required, ...simpleSchema(schema, true) };
}

/** Swagger 2.0's non-body parameter fields of `schema` (Swagger 2.0 "Parameter Object"). */
function simpleSchema(schema: JsonSchema, top: boolean): JsonObject {
  const out: JsonObject = {};
  if (schema.description !== undefined && top) out.description = schema.description;
  out.type = simpleType(schema);
  if (out.type === 'array') {
    const items = Array.isArray(schema.items) ? undefined : schema.items;
    out.items = simpleSchema(items ?? {}, false);
    if (top) out.collectionFormat = 'multi';
  }
  for (const key of SIMPLE_KEYWORDS) {
    const value = schema[key];
    if (value !== undefined) out[key] = structuredClone(value) as JsonObject[string];
  }
  return out;
}

const SIMPLE_KEYWORDS = [
  'format',
  'enum',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMaximum',
  'multipleOf',
  'uniqueItems',
  'default',
] as const satisfies ReadonlyArray<keyof JsonSchema>;

/** One swagger type: the schema's own, else what its enum's values are, else `string` (a query value is text). */
function simpleType(schema: JsonSchema): string {
  const types = (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []).filter(
    (t) => t !== 'null',
  );
  if (types.length === 1) return types[0];
  const values = schema.enum ?? [];
  if (values.length > 0 && values.every((v) => typeof v === 'number')) return 'number';
  if (values.length > 0 && values.every((v) => typeof v === 'boolean')) return 'boolean';
  return 'string';
}

function corsParameters(cors: CorsModel): JsonObject {
  const headers = corsHeaders(cors);
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [`gatewayresponse.header.${name}`, `'${value}'`]),
  );
}

/** A schema as the emitters' JSON value type (a copy: the model stays untouched). */
function jsonOf(value: object): JsonObject {
  return structuredClone(value) as JsonObject;
}
