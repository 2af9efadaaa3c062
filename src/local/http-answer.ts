/**
 * What the local server sends back: API Gateway's own answers (its default gateway
 * responses, the CORS preflight mock) and the Lambda's proxy result turned into HTTP.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 */
import type { APIGatewayProxyResult } from '../runtime/events';

export interface HttpAnswer {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** A default gateway response: `{"message": ...}` with the error type API Gateway names it by. */
function gatewayResponse(statusCode: number, errorType: string, message: string | null): HttpAnswer {
  return {
    statusCode,
    headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': errorType },
    body: Buffer.from(JSON.stringify({ message })),
  };
}

/** No resource or no method for the request (API Gateway's MISSING_AUTHENTICATION_TOKEN). */
export const missingAuthenticationToken = () =>
  gatewayResponse(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
/** No token, or the authorizer said `Unauthorized`. */
export const unauthorized = () => gatewayResponse(401, 'UnauthorizedException', 'Unauthorized');
export const accessDenied = (explicit: boolean) =>
  gatewayResponse(
    403,
    'AccessDeniedException',
    `User is not authorized to access this resource${explicit ? ' with an explicit deny' : ''}`,
  );
/** The authorizer failed or answered something that is not a policy. */
export const authorizerConfigurationError = () => gatewayResponse(500, 'AuthorizerConfigurationException', null);
/** The Lambda failed, timed out, or answered something that is not a proxy result. */
export const badGateway = () => gatewayResponse(502, 'InternalServerErrorException', 'Internal server error');
/** The integration took longer than API Gateway's 29 seconds. */
export const integrationTimeout = () =>
  gatewayResponse(504, 'IntegrationTimeoutException', 'Endpoint request timed out');
export const requestTooLarge = () => gatewayResponse(413, 'RequestTooLargeException', 'Request Too Long');

/** The OPTIONS mock integration of a CORS path: 200, the preflight headers, no body. */
export function preflightAnswer(headers: Record<string, string>): HttpAnswer {
  return { statusCode: 200, headers: { 'Content-Type': 'application/json', ...headers }, body: Buffer.alloc(0) };
}

/**
 * The HTTP response for a Lambda proxy result, or `undefined` when it is not one (API Gateway
 * then answers 502). Headers and multi-value headers merge, the multi-value ones winning on a
 * shared name; a base64 body is decoded.
 */
export function fromProxyResult(result: unknown): HttpAnswer | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const { statusCode, headers, multiValueHeaders, body, isBase64Encoded } = result as Partial<APIGatewayProxyResult>;
  if (!isStatusCode(statusCode)) return undefined;
  if (body !== undefined && body !== null && typeof body !== 'string') return undefined;
  const text = body ?? '';
  return {
    statusCode,
    headers: mergeHeaders(headers, multiValueHeaders),
    body: isBase64Encoded === true ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8'),
  };
}

function isStatusCode(statusCode: unknown): statusCode is number {
  return typeof statusCode === 'number' && Number.isInteger(statusCode) && statusCode >= 100 && statusCode <= 599;
}

function mergeHeaders(
  headers: APIGatewayProxyResult['headers'] | undefined,
  multiValueHeaders: APIGatewayProxyResult['multiValueHeaders'] | undefined,
): Record<string, string | string[]> {
  const merged: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) merged[name] = String(value);
  for (const [name, values] of Object.entries(multiValueHeaders ?? {})) {
    if (Array.isArray(values)) merged[name] = values.map(String);
  }
  if (!Object.keys(merged).some((name) => name.toLowerCase() === 'content-type'))
    merged['Content-Type'] = 'application/json';
  return merged;
}
