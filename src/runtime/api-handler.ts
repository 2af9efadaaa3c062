import type { App } from './app';
import { baseMimeType, matchesContentType } from './binary';
import { CORSConfig, corsHeaders } from './cors';
import { ViewError, type ErrorBody } from './errors';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, LambdaContext } from './events';
import { Request } from './request';
import { Response } from './response';
import type { RouteEntry } from './routes';

const DEFAULT_CORS = new CORSConfig();

/**
 * The API handler: API Gateway has already matched the route, so dispatch on the exact
 * `(resource, httpMethod)` pair, convert the event into a `Request` once on the way in
 * and the `Response` into a proxy result once on the way out.
 */
export async function handleApiEvent(app: App, event: APIGatewayProxyEvent, context: LambdaContext): Promise<APIGatewayProxyResult> {
  const route = app.routes.get(event.resource)?.get(event.httpMethod);
  if (!route) {
    const known = app.routes.has(event.resource);
    const response = known
      ? errorResponse(405, 'MethodNotAllowedError', `Unsupported method: ${event.httpMethod}`)
      : errorResponse(404, 'NotFoundError', `No view function for: ${event.resource}`);
    return toProxyResult(app, response, undefined);
  }
  const request = new Request(event);
  const cors = route.cors ?? app.api.cors;
  const response = await respond(app, route, request, context);
  return toProxyResult(app, response, cors === false ? undefined : cors === true ? DEFAULT_CORS : cors, request);
}

async function respond(app: App, route: RouteEntry, request: Request, context: LambdaContext): Promise<Response> {
  const contentType = request.headers['content-type'];
  if (contentType !== undefined && !route.contentTypes.includes(baseMimeType(contentType))) {
    return errorResponse(415, 'UnsupportedMediaType', `Unsupported media type: ${baseMimeType(contentType)}`);
  }
  app.currentRequest = request;
  app.lambdaContext = context;
  try {
    const value = await route.handler(paramsOf(route, request), request);
    return value instanceof Response ? value : new Response({ body: value });
  } catch (error) {
    return errorToResponse(app, error);
  } finally {
    app.currentRequest = undefined;
  }
}

function paramsOf(route: RouteEntry, request: Request): Record<string, string> {
  const params: Record<string, string> = {};
  for (const name of route.paramNames) params[name] = request.uriParams[name];
  return params;
}

/** A thrown ViewError answers with its status; anything else is a logged 500. */
export function errorToResponse(app: App, error: unknown): Response {
  if (error instanceof ViewError) {
    return errorResponse(error.statusCode, error.code, error.message);
  }
  const stack = error instanceof Error ? (error.stack ?? String(error)) : String(error);
  app.log.error(`Caught exception for ${app.currentRequest?.method ?? ''} ${app.currentRequest?.path ?? ''}: ${stack}`);
  const response = errorResponse(500, 'InternalServerError', 'An internal server error occurred.');
  if (app.debug) (response.body as ErrorBody).Stack = stack;
  return response;
}

export function errorResponse(statusCode: number, code: string, message: string): Response {
  const body: ErrorBody = { Code: code, Message: message };
  return new Response({ statusCode, body, headers: { 'Content-Type': 'application/json' } });
}

/** The proxy integration result for `response`: JSON or text or base64, plus CORS headers. */
function toProxyResult(app: App, response: Response, cors: CORSConfig | undefined, request?: Request): APIGatewayProxyResult {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  let contentType: string | undefined;
  for (const name in response.headers) {
    const value = response.headers[name];
    if (Array.isArray(value)) multiValueHeaders[name] = value;
    else headers[name] = value;
    if (name.length === 12 && name.toLowerCase() === 'content-type') contentType = String(value);
  }
  if (cors) {
    const extra = corsHeaders(cors);
    for (const name in extra) if (!(name in headers)) headers[name] = extra[name];
  }
  const body = response.body;
  if (Buffer.isBuffer(body) || body instanceof Uint8Array) {
    return binaryResult(app, response, Buffer.from(body), headers, multiValueHeaders, contentType, cors, request);
  }
  if (contentType === undefined) headers['Content-Type'] = 'application/json';
  const text = typeof body === 'string' ? body : (JSON.stringify(body) ?? 'null');
  if (contentType !== undefined && matchesContentType(contentType, app.api.binaryTypes)) {
    // A text body declared binary: API Gateway decodes base64 for binary types.
    return { statusCode: response.statusCode, headers, multiValueHeaders, body: Buffer.from(text).toString('base64'), isBase64Encoded: true };
  }
  return { statusCode: response.statusCode, headers, multiValueHeaders, body: text };
}

function binaryResult(
  app: App, response: Response, body: Buffer, headers: Record<string, string>,
  multiValueHeaders: Record<string, string[]>, contentType: string | undefined,
  cors: CORSConfig | undefined, request: Request | undefined,
): APIGatewayProxyResult {
  if (contentType === undefined) headers['Content-Type'] = contentType = 'application/octet-stream';
  if (!matchesContentType(contentType, app.api.binaryTypes)) {
    return { statusCode: response.statusCode, headers, multiValueHeaders, body: body.toString('utf8') };
  }
  const accept = request?.headers.accept;
  if (accept === undefined || !matchesContentType(accept, app.api.binaryTypes)) {
    // Chalice's rule: a binary response needs an Accept header that admits it.
    const message =
      `Request did not specify an Accept header with ${contentType}, The response has a Content-Type of ${contentType}. ` +
      'If a response has a binary Content-Type then the request must specify an Accept header that matches.';
    return toProxyResult(app, errorResponse(400, 'BadRequest', message), cors);
  }
  return { statusCode: response.statusCode, headers, multiValueHeaders, body: body.toString('base64'), isBase64Encoded: true };
}
