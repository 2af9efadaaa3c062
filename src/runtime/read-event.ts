/**
 * The API handler's way in: whatever Lambda passes as the event, a proxy event whose
 * top-level fields are checked, or the reason it is not one. API Gateway always sends strings
 * in the header, query, path and stage-variable maps; anything else (a direct invoke, a test
 * tool, a hand-written event) is read the same way instead of failing deep inside a handler.
 * The maps are not copied here: `Request` reads each one when it is first asked for (most
 * invocations never look at most of them), into a null-prototype object with string values
 * (`stringMap`, `listMap`), and `headerValue` reads a header the same way.
 */
import type { APIGatewayProxyEvent, APIGatewayRequestContext } from './events';

/** A proxy event with its top-level fields checked; its maps are as the event holds them. */
export interface ProxyEvent extends Pick<
  APIGatewayProxyEvent,
  'resource' | 'path' | 'httpMethod' | 'body' | 'isBase64Encoded'
> {
  readonly requestContext: APIGatewayRequestContext;
  readonly headers?: unknown;
  readonly queryStringParameters?: unknown;
  readonly multiValueQueryStringParameters?: unknown;
  readonly pathParameters?: unknown;
  readonly stageVariables?: unknown;
}

export type ReadEvent =
  { readonly kind: 'proxy'; readonly event: ProxyEvent } | { readonly kind: 'malformed'; readonly reason: string };

/** Reads a REST API proxy event (payload format 1.0); never throws on plain data. */
export function readProxyEvent(raw: unknown): ReadEvent {
  if (!isRecord(raw)) return malformed(`the event is ${describeType(raw)}, not an object`);
  const { resource, httpMethod, body } = raw;
  if (typeof resource !== 'string') return malformed(`its resource is ${describeType(resource)}, not a string`);
  if (typeof httpMethod !== 'string') return malformed(`its httpMethod is ${describeType(httpMethod)}, not a string`);
  if (body !== null && body !== undefined && typeof body !== 'string')
    return malformed(`its body is ${describeType(body)}, not a string`);
  const event: ProxyEvent = {
    resource,
    path: typeof raw.path === 'string' ? raw.path : resource,
    httpMethod,
    headers: raw.headers,
    queryStringParameters: raw.queryStringParameters,
    multiValueQueryStringParameters: raw.multiValueQueryStringParameters,
    pathParameters: raw.pathParameters,
    stageVariables: raw.stageVariables,
    requestContext: (isRecord(raw.requestContext) ? raw.requestContext : {}) as APIGatewayRequestContext,
    body: body ?? null,
    isBase64Encoded: raw.isBase64Encoded === true,
  };
  return { kind: 'proxy', event };
}

/** A fresh object without a prototype, for maps keyed by client-chosen names. */
export function emptyMap<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function malformed(reason: string): ReadEvent {
  return { kind: 'malformed', reason: `not an API Gateway proxy event: ${reason}` };
}

/** `{name: value}` with string values; numbers and booleans become strings, anything else is dropped. */
export function stringMap(raw: unknown): Record<string, string> | null {
  if (!isRecord(raw)) return null;
  const map = emptyMap<string>();
  for (const name of Object.keys(raw)) {
    const value = scalarText(raw[name]);
    if (value !== undefined) map[name] = value;
  }
  return map;
}

/** `{name: [values]}`; a single value counts as a list of one, and an empty list is dropped. */
export function listMap(raw: unknown): Record<string, string[]> | null {
  if (!isRecord(raw)) return null;
  const map = emptyMap<string[]>();
  for (const name of Object.keys(raw)) {
    const given = raw[name];
    const values: string[] = [];
    for (const item of Array.isArray(given) ? given : [given]) {
      const value = scalarText(item);
      if (value !== undefined) values.push(value);
    }
    if (values.length > 0) map[name] = values;
  }
  return map;
}

/** `{name: [value]}` for a single-value map. */
export function wrapValues(single: Record<string, string>): Record<string, string[]> {
  const map = emptyMap<string[]>();
  for (const name of Object.keys(single)) map[name] = [single[name]];
  return map;
}

/** A string as is, a number or boolean as text; undefined for anything else. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeType(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
