/**
 * API Gateway's request validation as `appc local` plays it (README "Models"): what the deployed
 * validators check, answered as the deployed `BAD_REQUEST_BODY` / `BAD_REQUEST_PARAMETERS` gateway
 * responses, before the runtime's own, fuller check runs in the handler.
 *
 * What the gateway checks ("Request validation for REST APIs in API Gateway", API Gateway Developer
 * Guide): required query parameters are present and not blank (never their type), and a required
 * JSON body against its model, the schema's API Gateway view (`gatewayModelSchema`). Its message,
 * `$context.error.validationErrorString`, is "Missing required request parameters: [a, b]" for
 * parameters; for a body, the list of its JSON Schema validator's messages, `[m1, m2]` (the wording
 * of the java-json-tools draft-4 validator API Gateway reports, e.g. `[object has missing required
 * properties (["title"])]`). Formats are not checked here: API Gateway does not document checking them.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import type { AppModel, RouteModel } from '../compiler/model/app-model';
import { effectiveCors } from '../compiler/model/effective-cors';
import { gatewayModelDefinitions, gatewayModelSchema } from '../compiler/model/gateway-model-schema';
import { baseMimeType } from '../runtime/binary';
import { corsHeaders } from '../runtime/cors';
import type { APIGatewayProxyEvent } from '../runtime/events';
import { headerValue } from '../runtime/request';
import type { HttpAnswer } from './http-answer';

/** What the gateway validates for one route. */
export interface GatewayValidation {
  /** Query parameters that must be present and not blank. */
  readonly requiredQuery: readonly string[];
  /** The body's model as API Gateway enforces it; absent when the gateway does not validate the body. */
  readonly body: ValidateFunction | undefined;
}

/** The gateway's validation of each modelled route by `'<METHOD> <path>'`, and the headers of its 400 answers. */
export interface GatewayValidations {
  readonly routes: ReadonlyMap<string, GatewayValidation>;
  /** The CORS headers of the first gateway-validated route with CORS, as the swagger's gateway responses carry. */
  readonly headers: Readonly<Record<string, string>>;
}

/** No route validated at the gateway. */
export const NO_VALIDATIONS: GatewayValidations = { routes: new Map(), headers: {} };

/** The validation the swagger's request validators configure for `model`'s routes. */
export function gatewayValidations(model: AppModel): GatewayValidations {
  const routes = new Map<string, GatewayValidation>();
  const validated = model.routes.filter(isGatewayValidated);
  if (validated.length === 0) return NO_VALIDATIONS;
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: false, validateFormats: false });
  const definitions = gatewayModelDefinitions(model.models?.definitions ?? {});
  for (const route of validated) {
    const body = route.schemas?.body;
    const validation: GatewayValidation = {
      requiredQuery: (route.schemas?.query ?? []).filter((q) => q.required).map((q) => q.name),
      body: body?.required ? ajv.compile({ definitions, allOf: [gatewayModelSchema(body.schema)] }) : undefined,
    };
    for (const method of route.methods) routes.set(`${method} ${route.path}`, validation);
  }
  const cors = validated.map((route) => effectiveCors(route, model)).find((c) => c !== false);
  return { routes, headers: cors ? corsHeaders(cors) : {} };
}

/** API Gateway validates a route with a required body or a required query parameter (the swagger's validators). */
function isGatewayValidated(route: RouteModel): boolean {
  return route.schemas?.body?.required === true || (route.schemas?.query ?? []).some((q) => q.required);
}

/** The gateway's 400 for `event`, or `undefined` when the request passes to the integration. */
export function gatewayRejection(validations: GatewayValidations, event: APIGatewayProxyEvent): HttpAnswer | undefined {
  const validation = validations.routes.get(`${event.httpMethod} ${event.resource}`);
  if (validation === undefined) return undefined;
  const query = event.queryStringParameters ?? {};
  const missing = validation.requiredQuery.filter((name) => (query[name] ?? '').trim() === '');
  if (missing.length > 0) {
    return badRequest(
      validations,
      'BadRequestException',
      `Missing required request parameters: [${missing.join(', ')}]`,
    );
  }
  const problems = validation.body && bodyProblems(validation.body, event);
  return problems === undefined
    ? undefined
    : badRequest(validations, 'BadRequestException', `[${problems.join(', ')}]`);
}

/**
 * The validator's messages for the body, `undefined` when it passes. The model is for
 * `application/json`, the content type API Gateway assumes when the request names none; a body of
 * another type is not validated ("If no matching content type is found, request validation is not
 * performed").
 */
function bodyProblems(validate: ValidateFunction, event: APIGatewayProxyEvent): string[] | undefined {
  const contentType = headerValue(event.headers, 'content-type');
  if (contentType !== undefined && baseMimeType(contentType) !== 'application/json') return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return ['Unknown error parsing request body'];
  }
  return validate(value) ? undefined : validatorMessages(validate.errors ?? []);
}

/** ajv's errors in the java-json-tools wording; the missing properties of one object in one message. */
export function validatorMessages(errors: readonly ErrorObject[]): string[] {
  const messages: string[] = [];
  const missing = new Map<string, { index: number; names: string[] }>();
  for (const error of errors) {
    if (error.keyword !== 'required') {
      messages.push(validatorMessage(error));
      continue;
    }
    const name = (error.params as { missingProperty: string }).missingProperty;
    const group = missing.get(error.instancePath);
    if (group) group.names.push(name);
    else missing.set(error.instancePath, { index: messages.push('') - 1, names: [name] });
  }
  for (const { index, names } of missing.values()) {
    messages[index] = `object has missing required properties (${JSON.stringify(names)})`;
  }
  return messages;
}

function validatorMessage(error: ErrorObject): string {
  const data = error.data;
  const limit = (error.params as { limit?: number }).limit;
  switch (error.keyword) {
    case 'type':
      return `instance type (${nodeType(data)}) does not match any allowed primitive type (allowed: ${allowedTypes(error)})`;
    case 'enum':
      return `instance value (${JSON.stringify(data)}) not found in enum (possible values: ${JSON.stringify(error.schema)})`;
    case 'minLength':
      return `string "${String(data)}" is too short (length: ${length(data)}, required minimum: ${limit})`;
    case 'maxLength':
      return `string "${String(data)}" is too long (length: ${length(data)}, maximum allowed: ${limit})`;
    case 'pattern':
      return `ECMA 262 regex "${String(error.schema)}" does not match input string "${String(data)}"`;
    case 'minimum':
      return `numeric instance is lower than the required minimum (minimum: ${limit}, found: ${String(data)})`;
    case 'maximum':
      return (error.params as { comparison?: string }).comparison === '<'
        ? `numeric instance is not strictly lower than the required maximum ${limit}`
        : `numeric instance is greater than the required maximum (maximum: ${limit}, found: ${String(data)})`;
    case 'multipleOf':
      return `remainder of division is not zero (${String(data)} / ${String(error.schema)})`;
    case 'uniqueItems':
      return 'array must not contain duplicate elements';
    case 'additionalItems':
      return `schema only allows ${limit} elements in array but instance has ${(data as unknown[]).length} elements`;
    case 'not':
      return 'instance matched a schema which it should not have';
    default:
      return error.message ?? error.keyword;
  }
}

/** The java-json-tools node types, in the order it lists them (its `NodeType` enum). */
const NODE_TYPES = ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'];

function nodeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** `["integer","number"]`: the allowed types in NodeType order, `number` admitting integers as draft 4 does. */
function allowedTypes(error: ErrorObject): string {
  const types = String((error.params as { type: string }).type).split(',');
  if (types.includes('number')) types.push('integer');
  return JSON.stringify(NODE_TYPES.filter((type) => types.includes(type)));
}

function length(value: unknown): number {
  return [...String(value)].length;
}

function badRequest(validations: GatewayValidations, errorType: string, message: string): HttpAnswer {
  return {
    statusCode: 400,
    headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': errorType, ...validations.headers },
    body: Buffer.from(JSON.stringify({ Code: 'BadRequestError', Message: message })),
  };
}
