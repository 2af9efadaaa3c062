import type { App } from './app';
import { binaryTypesOf, isBinaryType, matchesContentType } from './binary';
import { CORSConfig, cachedCorsHeaders } from './cors';
import { ViewError, type ErrorBody } from './errors';
import type { APIGatewayProxyResult, LambdaContext } from './events';
import { readProxyEvent, type ProxyEvent } from './read-event';
import { Request, headerValue } from './request';
import { Response } from './response';
import { middlewareFor, rememberContext, runMiddleware, type AnyMiddleware } from './middleware';
import type { RouteEntry } from './routes';

/** The settings of `cors: true`, made on first use: an app without CORS never builds them. */
let defaultCors: CORSConfig | undefined;

/**
 * The API handler. API Gateway has already matched the route, so dispatch on the exact
 * `(resource, httpMethod)` pair, turn the event into a `Request` once on the way in and
 * the handler's answer into a proxy result once on the way out. A handler that returns
 * a plain value is answered without waiting on extra promises. Never throws: an event
 * that is not a proxy event, or any failure of the runtime itself, is a logged 500.
 */
export function handleApiEvent(app: App, raw: unknown, context: LambdaContext): Promise<APIGatewayProxyResult> {
  try {
    const read = readProxyEvent(raw);
    if (read.kind === 'proxy') return dispatch(app, read.event, context);
    app.log.error(`Rejected an event: ${read.reason}`);
    return Promise.resolve(internalErrorResult());
  } catch (error) {
    app.currentRequest = undefined;
    app.lambdaContext = undefined;
    app.log.error(`Could not handle an event: ${describe(error)}`);
    return Promise.resolve(internalErrorResult());
  }
}

function dispatch(app: App, event: ProxyEvent, context: LambdaContext): Promise<APIGatewayProxyResult> {
  const methods = app.routes.get(event.resource);
  const route = methods?.get(event.httpMethod);
  if (route === undefined) return Promise.resolve(noRouteResult(app, event, methods));
  const cors = corsOf(app, route);
  if (app.registeredMiddleware.length > 0) {
    const chain = middlewareFor(app.registeredMiddleware, 'http');
    if (chain.length > 0) return dispatchThroughMiddleware(app, chain, route, cors, event, context);
  }
  // A request without a Content-Type counts as JSON (docs/api.md).
  const contentType = headerValue(event.headers, 'content-type') ?? 'application/json';
  // An empty `contentTypes` accepts anything, as in Chalice.
  if (route.contentTypes.length > 0 && !matchesContentType(contentType, route.contentTypes)) {
    const response = errorResponse(415, 'UnsupportedMediaType', `Unsupported media type: ${contentType}`);
    return Promise.resolve(toProxyResult(app, response, cors, event, false));
  }
  const request = new Request(event);
  app.currentRequest = request;
  app.lambdaContext = context;
  let value: unknown;
  try {
    value = route.handler(request.uriParams, request);
  } catch (error) {
    return Promise.resolve(finish(app, event, cors, errorToResponse(app, error, event)));
  }
  if (!isPromiseLike(value)) return Promise.resolve(finish(app, event, cors, value));
  return Promise.resolve(value).then(
    (resolved) => finish(app, event, cors, resolved),
    (error: unknown) => finish(app, event, cors, errorToResponse(app, error, event)),
  );
}

/**
 * A route through the app's `http` middleware, as Chalice's `RestAPIEventHandler`: each middleware gets the
 * `Request`, and `next` resolves to a `Response` with the handler's errors already answered (a `ViewError` with its
 * status, anything else a 500); what a middleware throws is answered the same way.
 */
function dispatchThroughMiddleware(
  app: App,
  chain: readonly AnyMiddleware[],
  route: RouteEntry,
  cors: CORSConfig | undefined,
  event: ProxyEvent,
  context: LambdaContext,
): Promise<APIGatewayProxyResult> {
  const request = new Request(event);
  rememberContext(request, context);
  app.lambdaContext = context;
  const answer = runMiddleware(chain, request, (given) => routeResponse(app, route, given, event), asResponse);
  return (answer as Promise<Response>).then(
    (response) => finish(app, event, cors, response),
    (error: unknown) => finish(app, event, cors, errorToResponse(app, error, event)),
  );
}

/** The route's answer to `request` (the one the middleware passed on) as a `Response`. */
async function routeResponse(app: App, route: RouteEntry, request: Request, event: ProxyEvent): Promise<Response> {
  app.currentRequest = request;
  const contentType = request.headers['content-type'] ?? 'application/json';
  if (route.contentTypes.length > 0 && !matchesContentType(contentType, route.contentTypes)) {
    return errorResponse(415, 'UnsupportedMediaType', `Unsupported media type: ${contentType}`);
  }
  try {
    return asResponse(await route.handler(request.uriParams, request));
  } catch (error) {
    return errorToResponse(app, error, event);
  }
}

function asResponse(value: unknown): Response {
  return value instanceof Response ? value : new Response({ body: value });
}

/** The runtime's own last resort: the 500 every unhandled error gets, built without anything that could fail. */
function internalErrorResult(): APIGatewayProxyResult {
  const body: ErrorBody = { Code: 'InternalServerError', Message: 'An internal server error occurred.' };
  return {
    statusCode: 500,
    headers: { 'Content-Type': 'application/json' },
    multiValueHeaders: {},
    body: JSON.stringify(body),
  };
}

function corsOf(app: App, route: RouteEntry): CORSConfig | undefined {
  const cors = route.cors ?? app.api.cors;
  return cors === false ? undefined : cors === true ? (defaultCors ??= new CORSConfig()) : cors;
}

/** The handler is done: clear the invocation state and convert its answer. */
function finish(app: App, event: ProxyEvent, cors: CORSConfig | undefined, value: unknown): APIGatewayProxyResult {
  app.currentRequest = undefined;
  app.lambdaContext = undefined;
  try {
    return toProxyResult(app, value, cors, event);
  } catch (error) {
    // The answer could not be serialised (a BigInt, a cycle): a 500 like any other error.
    return toProxyResult(app, errorToResponse(app, error, event), cors, event);
  }
}

function noRouteResult(
  app: App,
  event: ProxyEvent,
  methods: Map<string, RouteEntry> | undefined,
): APIGatewayProxyResult {
  if (methods === undefined) {
    return toProxyResult(
      app,
      errorResponse(404, 'NotFoundError', `No view function for: ${event.resource}`),
      undefined,
      event,
      false,
    );
  }
  const response = errorResponse(405, 'MethodNotAllowedError', `Unsupported method: ${event.httpMethod}`);
  response.headers.Allow = [...methods.keys()].join(', ');
  return toProxyResult(app, response, undefined, event, false);
}

/** A thrown ViewError answers with its status; anything else is a logged 500. */
export function errorToResponse(app: App, error: unknown, event: Pick<ProxyEvent, 'httpMethod' | 'path'>): Response {
  if (error instanceof ViewError) {
    return errorResponse(error.statusCode, error.code, error.message);
  }
  const stack = describe(error);
  app.log.error(`Caught exception for ${event.httpMethod} ${event.path}: ${stack}`);
  const response = errorResponse(500, 'InternalServerError', 'An internal server error occurred.');
  if (app.debug) (response.body as ErrorBody).Stack = stack;
  return response;
}

/** A `{"Code", "Message"}` JSON response. */
export function errorResponse(statusCode: number, code: string, message: string): Response {
  const body: ErrorBody = { Code: code, Message: message };
  return new Response({ statusCode, body, headers: { 'Content-Type': 'application/json' } });
}

/**
 * The proxy integration result for a handler's answer: JSON, text or base64, plus CORS
 * headers. The runtime's own error answers (`encodeBinary` false) are never base64, as in
 * Chalice, so they cannot fail the Accept check themselves.
 */
function toProxyResult(
  app: App,
  value: unknown,
  cors: CORSConfig | undefined,
  event: ProxyEvent,
  encodeBinary = true,
): APIGatewayProxyResult {
  const { statusCode, body, headers, multiValueHeaders, given } = answerParts(value);
  const contentType = given ?? defaultContentType(body, headers);
  if (cors !== undefined) {
    const extra = cachedCorsHeaders(cors);
    for (const name in extra) if (!(name in headers)) headers[name] = extra[name];
  }
  if (!encodeBinary || !isBinaryType(app.api, contentType)) {
    return { statusCode, headers, multiValueHeaders, body: bodyText(body) };
  }
  // Chalice's rule: a binary response needs an Accept header that admits a binary type.
  const accept = headerValue(event.headers, 'accept');
  if (accept === undefined || !matchesContentType(accept, binaryTypesOf(app.api))) {
    const message =
      `Request did not specify an Accept header with ${contentType}, The response has a Content-Type of ${contentType}. ` +
      'If a response has a binary Content-Type then the request must specify an Accept header that matches.';
    return toProxyResult(app, errorResponse(400, 'BadRequest', message), cors, event, false);
  }
  return { statusCode, headers, multiValueHeaders, body: bodyBytes(body).toString('base64'), isBase64Encoded: true };
}

/**
 * A handler's answer as status, body, headers and the Content-Type it gives (`given`): a `Response`
 * as built, anything else a 200 with `value` as its body.
 */
function answerParts(value: unknown) {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  let given: string | undefined;
  if (!(value instanceof Response)) return { statusCode: 200, body: value, headers, multiValueHeaders, given };
  for (const name in value.headers) {
    const header = value.headers[name];
    if (Array.isArray(header)) multiValueHeaders[name] = header.map(String);
    else headers[name] = String(header);
    if (name.length === 12 && name.toLowerCase() === 'content-type') given = String(header);
  }
  return { statusCode: value.statusCode, body: value.body, headers, multiValueHeaders, given };
}

/** No Content-Type given: bytes are `application/octet-stream`, anything else JSON; added to `headers`. */
function defaultContentType(body: unknown, headers: Record<string, string>): string {
  return (headers['Content-Type'] = body instanceof Uint8Array ? 'application/octet-stream' : 'application/json');
}

function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return bodyBytes(body).toString('utf8');
  return JSON.stringify(body) ?? 'null';
}

function bodyBytes(body: unknown): Buffer {
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return Buffer.from(bodyText(body));
}

/** A promise, or an object with a `then` method; the cheap tests first, since most answers are plain objects. */
function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    (typeof (value as PromiseLike<unknown>).then === 'function' || value instanceof Promise)
  );
}

/** The stack (or text) of any thrown value, without throwing itself. */
function describe(error: unknown): string {
  try {
    return error instanceof Error ? (error.stack ?? String(error)) : String(error);
  } catch {
    return Object.prototype.toString.call(error);
  }
}
