/**
 * The REST API proxy integration event (payload 1.0) for one HTTP request, key for key as
 * API Gateway builds it (compared with ../shared/reference/events in test/local/proxy-event.test.ts).
 * Pure: the server reads the socket (or the test client takes the call), this turns the request into the event;
 * `appc local` and `appc/test` both build their events here.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-input-format
 */
import { createHash, randomUUID } from 'node:crypto';
import { matchesContentType } from '../runtime/binary';
import type { APIGatewayProxyEvent, APIGatewayRequestContext } from '../runtime/events';

/** What matching a request path gives: the resource and its parameters (`null` when none, as API Gateway sends). */
export interface RouteMatch {
  resource: string;
  pathParameters: Record<string, string> | null;
}

/** One HTTP request as the server read it. */
export interface IncomingRequest {
  method: string;
  /** The request target as sent: path (still URL-encoded) and query. */
  url: string;
  /** Node's `rawHeaders`: name, value, name, value... with the client's casing. */
  rawHeaders: readonly string[];
  body: Buffer;
  sourceIp: string;
  /** `1.1` */
  httpVersion: string;
  /** Milliseconds since the epoch when the request arrived. */
  receivedAt: number;
}

/** Where the API lives: what `requestContext` and the authorizer's method ARN name. */
export interface ApiIdentity {
  region: string;
  accountId: string;
  apiId: string;
  /** API Gateway's stage (`api_gateway_stage`, default `api`), not appc's `--stage`. */
  stage: string;
  /** The stage's variables (README "Stages"); `null` when it has none, as API Gateway sends them. */
  stageVariables: Record<string, string> | null;
}

/** `/cities/seattle?x=1` -> path `/cities/seattle`, query `x=1`. */
export function splitUrl(url: string): { path: string; query: string } {
  const mark = url.indexOf('?');
  const path = mark === -1 ? url : url.slice(0, mark);
  return { path: path === '' ? '/' : path, query: mark === -1 ? '' : url.slice(mark + 1) };
}

/**
 * The proxy event for `request`, matched to `match`. `path` stays URL-encoded, path and query
 * parameters are decoded; repeated headers and query names keep their last value in the single
 * maps and every value in the multi-value ones (`null` when there are none, as API Gateway
 * sends); a body whose Content-Type is a binary media type arrives base64.
 */
export function toProxyEvent(
  request: IncomingRequest,
  match: RouteMatch,
  api: ApiIdentity,
  binaryTypes: readonly string[],
): APIGatewayProxyEvent {
  const { path, query } = splitUrl(request.url);
  const { headers, multiValueHeaders } = collectHeaders(request.rawHeaders);
  const { single, multi } = collectQuery(query);
  const contentType = lastHeader(headers, 'content-type');
  const binary = contentType !== undefined && matchesContentType(contentType, binaryTypes);
  const body = request.body.length === 0 ? null : request.body.toString(binary ? 'base64' : 'utf8');
  return {
    resource: match.resource,
    path,
    httpMethod: request.method,
    headers,
    multiValueHeaders,
    queryStringParameters: single,
    multiValueQueryStringParameters: multi,
    pathParameters: match.pathParameters,
    stageVariables: api.stageVariables === null ? null : { ...api.stageVariables },
    requestContext: requestContext(request, path, match.resource, api, headers),
    body,
    isBase64Encoded: body !== null && binary,
  };
}

function requestContext(
  request: IncomingRequest,
  path: string,
  resource: string,
  api: ApiIdentity,
  headers: Record<string, string>,
): APIGatewayRequestContext {
  const host = lastHeader(headers, 'host') ?? '';
  const requestId = randomUUID();
  return {
    accountId: api.accountId,
    resourceId: resourceId(resource),
    stage: api.stage,
    domainName: host,
    domainPrefix: host.split('.')[0],
    requestId,
    // 11 bytes in base64, like `TWegAcC4EowCHnA=`; from a second UUID (randomUUID draws from a cached pool).
    extendedRequestId: Buffer.from(randomUUID().replace(/-/g, '').slice(0, 22), 'hex').toString('base64'),
    protocol: `HTTP/${request.httpVersion}`,
    identity: {
      cognitoIdentityPoolId: null,
      accountId: null,
      cognitoIdentityId: null,
      caller: null,
      accessKey: null,
      sourceIp: request.sourceIp,
      cognitoAuthenticationType: null,
      cognitoAuthenticationProvider: null,
      userArn: null,
      userAgent: lastHeader(headers, 'user-agent') ?? null,
      user: null,
    },
    path: `/${api.stage}${path}`,
    resourcePath: resource,
    httpMethod: request.method,
    requestTime: formatRequestTime(request.receivedAt),
    requestTimeEpoch: request.receivedAt,
    apiId: api.apiId,
  };
}

/**
 * The execute-api ARN a TOKEN authorizer is asked about:
 * `arn:aws:execute-api:region:account:apiId/stage/VERB/path` (path without its leading slash).
 */
export function methodArn(api: ApiIdentity, method: string, path: string): string {
  return `arn:aws:execute-api:${api.region}:${api.accountId}:${api.apiId}/${api.stage}/${method}${path}`;
}

/** Header names compare case-insensitively; a repeated header keeps the spelling it first came with. */
export function collectHeaders(raw: readonly string[]): {
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
} {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  const spelling = new Map<string, string>();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const lower = raw[i].toLowerCase();
    let name = spelling.get(lower);
    if (name === undefined) spelling.set(lower, (name = raw[i]));
    headers[name] = raw[i + 1];
    (multiValueHeaders[name] ??= []).push(raw[i + 1]);
  }
  return { headers, multiValueHeaders };
}

export function collectQuery(query: string): {
  single: Record<string, string> | null;
  multi: Record<string, string[]> | null;
} {
  if (query === '') return { single: null, multi: null };
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [name, value] of new URLSearchParams(query)) {
    single[name] = value;
    (multi[name] ??= []).push(value);
  }
  return Object.keys(multi).length === 0 ? { single: null, multi: null } : { single, multi };
}

export function lastHeader(headers: Record<string, string>, lowerName: string): string | undefined {
  let value: string | undefined;
  for (const name in headers)
    if (name.length === lowerName.length && name.toLowerCase() === lowerName) value = headers[name];
  return value;
}

const resourceIds = new Map<string, string>();

/** API Gateway's resource IDs are 6 lower-case characters; the same resource gets the same one. */
function resourceId(resource: string): string {
  let id = resourceIds.get(resource);
  if (id === undefined) resourceIds.set(resource, (id = createHash('sha1').update(resource).digest('hex').slice(0, 6)));
  return id;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `09/Apr/2015:12:34:56 +0000`, API Gateway's `requestTime` (CLF format, UTC). */
export function formatRequestTime(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}
