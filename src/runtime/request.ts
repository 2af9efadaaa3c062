import { baseMimeType } from './binary';
import { BadRequestError } from './errors';
import type { APIGatewayRequestContext } from './events';
import { emptyMap, isRecord, listMap, scalarText, stringMap, wrapValues, type ProxyEvent } from './read-event';

/** Standard base64 as API Gateway encodes bodies (RFC 4648 §4), padding optional. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * One HTTP request as API Gateway delivered it. Built once per invocation from the proxy
 * event (`readProxyEvent`, or an `APIGatewayProxyEvent`); every derived field is computed on
 * first access. Its maps (headers, query, path parameters, stage variables) have no prototype,
 * every key in them came from the event, and every value is a string (a number or boolean
 * as text; anything else is left out).
 *
 * The type arguments a handler writes on its second parameter are the route's request
 * models (README "Models"): `(_params, req: Request<NewTodo, ListQuery>) => ...` types
 * `jsonBody` as `NewTodo` and `query` as `ListQuery`, and appc validates both before the
 * handler runs.
 */
export class Request<TBody = unknown, TQuery = Record<string, string>> {
  /** The HTTP method, upper-case. */
  readonly method: string;
  /** The path the client requested, e.g. `/cities/seattle`. */
  readonly path: string;
  /** The route's path, e.g. `/cities/{city}`. */
  readonly resourcePath: string;
  /** The captured path parameters by name; `{}` when none. */
  readonly uriParams: Record<string, string>;
  /** API Gateway's request context (`authorizer` holds a built-in authorizer's context). */
  readonly context: APIGatewayRequestContext;
  private _stageVars?: Record<string, string>;
  private _headers?: Record<string, string>;
  private _queryParams?: Record<string, string>;
  private _multi?: Record<string, string[]>;
  private _rawBody?: Buffer;
  private _json?: { value: unknown };

  constructor(private readonly event: ProxyEvent) {
    this.method = event.httpMethod;
    this.path = event.path;
    this.resourcePath = event.resource;
    this.uriParams = stringMap(event.pathParameters) ?? emptyMap();
    this.context = event.requestContext;
  }

  /** The stage variables; `{}` when none. */
  get stageVars(): Record<string, string> {
    return (this._stageVars ??= stringMap(this.event.stageVariables) ?? emptyMap());
  }

  /** Request headers with lower-cased names. */
  get headers(): Record<string, string> {
    return (this._headers ??= lowerCaseKeys(this.event.headers));
  }

  /** Query string parameters; the last value wins when a name repeats; `{}` when none. */
  get queryParams(): Record<string, string> {
    if (this._queryParams) return this._queryParams;
    const single = emptyMap<string>();
    const multi = this.multiValueQueryParams;
    for (const name in multi) single[name] = multi[name][multi[name].length - 1];
    return (this._queryParams = single);
  }

  /**
   * The query parameters converted to the route's declared `TQuery` (numbers, booleans, string
   * literals, arrays for repeated parameters) and validated; `queryParams` when the route declares none.
   */
  get query(): TQuery {
    return this.queryParams as TQuery;
  }

  /** Every value of every query string parameter; `{}` when none. */
  get multiValueQueryParams(): Record<string, string[]> {
    if (this._multi) return this._multi;
    // API Gateway sends both maps; without the multi-value one, each name has one value.
    const single = stringMap(this.event.queryStringParameters);
    return (this._multi =
      listMap(this.event.multiValueQueryStringParameters) ?? (single && wrapValues(single)) ?? emptyMap());
  }

  /** The body's bytes, base64-decoded when API Gateway encoded it; empty when there is none. */
  get rawBody(): Buffer {
    if (this._rawBody) return this._rawBody;
    const body: unknown = this.event.body;
    if (body === null || body === undefined) return (this._rawBody = Buffer.alloc(0));
    if (typeof body !== 'string') throw new BadRequestError('Request body is not a string');
    if (this.event.isBase64Encoded !== true) return (this._rawBody = Buffer.from(body, 'utf8'));
    // Buffer.from skips characters outside the alphabet; a body API Gateway encoded has none.
    if (!BASE64.test(body) || body.length % 4 === 1) throw new BadRequestError('Request body is not valid base64');
    return (this._rawBody = Buffer.from(body, 'base64'));
  }

  /**
   * The body parsed as JSON when the Content-Type is `application/json` (or absent, which
   * counts as JSON), `undefined` otherwise or when the body is empty. Malformed JSON
   * throws `BadRequestError`. On a route that declares `TBody`, the validated body.
   */
  get jsonBody(): TBody {
    if (this._json) return this._json.value as TBody;
    const contentType = headerValue(this.event.headers, 'content-type');
    let value: unknown;
    if (contentType === undefined || baseMimeType(contentType) === 'application/json') {
      const body: unknown = this.event.body;
      const text =
        this.event.isBase64Encoded === true || typeof body !== 'string' ? this.rawBody.toString('utf8') : body;
      if (text !== '') {
        try {
          value = JSON.parse(text);
        } catch {
          throw new BadRequestError('Error Parsing JSON');
        }
      }
    }
    this._json = { value };
    return value as TBody;
  }

  /** The API Gateway proxy event the request was made from, as Chalice's `to_original_event()`. */
  toOriginalEvent(): ProxyEvent {
    return this.event;
  }

  /** A JSON-safe copy of the request (the body is left out, as in Chalice). */
  toDict(): Record<string, unknown> {
    return {
      method: this.method,
      path: this.path,
      resourcePath: this.resourcePath,
      headers: this.headers,
      queryParams: this.queryParams,
      multiValueQueryParams: this.multiValueQueryParams,
      uriParams: this.uriParams,
      context: this.context,
      stageVars: this.stageVars,
    };
  }
}

/**
 * The value of header `name` (lower-case) in API Gateway's `headers`, whatever its case there;
 * own keys only, read as `stringMap` reads them (a number or boolean as text, anything else skipped).
 */
export function headerValue(headers: unknown, name: string): string | undefined {
  let value: string | undefined;
  if (isRecord(headers)) {
    // for-in rather than Object.keys: no array of every name on each lookup (the API handler's hot path).
    for (const key in headers) {
      if (key.length !== name.length || key.toLowerCase() !== name || !Object.hasOwn(headers, key)) continue;
      const given = scalarText(headers[key]);
      if (given !== undefined) value = given;
    }
  }
  return value;
}

function lowerCaseKeys(headers: unknown): Record<string, string> {
  const result = emptyMap<string>();
  const given = stringMap(headers);
  if (given) for (const name of Object.keys(given)) result[name.toLowerCase()] = given[name];
  return result;
}
