import { baseMimeType } from './binary';
import { BadRequestError } from './errors';
import type { APIGatewayProxyEvent, APIGatewayRequestContext } from './events';

const EMPTY = Buffer.alloc(0);

/**
 * One HTTP request as API Gateway delivered it. Built once per invocation from the proxy
 * event; every derived field is computed on first access.
 */
export class Request {
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
  /** The stage variables; `{}` when none. */
  readonly stageVars: Record<string, string>;
  private _headers?: Record<string, string>;
  private _queryParams?: Record<string, string>;
  private _multi?: Record<string, string[]>;
  private _rawBody?: Buffer;
  private _json?: { value: unknown };

  constructor(private readonly event: APIGatewayProxyEvent) {
    this.method = event.httpMethod;
    this.path = event.path;
    this.resourcePath = event.resource;
    this.uriParams = (event.pathParameters ?? {}) as Record<string, string>;
    this.context = event.requestContext;
    this.stageVars = (event.stageVariables ?? {}) as Record<string, string>;
  }

  /** Request headers with lower-cased names. */
  get headers(): Record<string, string> {
    return (this._headers ??= lowerCaseKeys(this.event.headers));
  }

  /** Query string parameters; the last value wins when a name repeats; `{}` when none. */
  get queryParams(): Record<string, string> {
    if (this._queryParams) return this._queryParams;
    const single: Record<string, string> = {};
    const multi = this.multiValueQueryParams;
    for (const name in multi) single[name] = multi[name][multi[name].length - 1];
    return (this._queryParams = single);
  }

  /** Every value of every query string parameter; `{}` when none. */
  get multiValueQueryParams(): Record<string, string[]> {
    if (this._multi) return this._multi;
    const multi = this.event.multiValueQueryStringParameters;
    if (multi) return (this._multi = multi as Record<string, string[]>);
    const result: Record<string, string[]> = {};
    const single = this.event.queryStringParameters ?? {};
    for (const name in single) result[name] = [single[name] as string];
    return (this._multi = result);
  }

  /** The body's bytes, base64-decoded when API Gateway encoded it; empty when there is none. */
  get rawBody(): Buffer {
    if (this._rawBody) return this._rawBody;
    const body = this.event.body;
    if (body === null || body === undefined) return (this._rawBody = EMPTY);
    return (this._rawBody = Buffer.from(body, this.event.isBase64Encoded ? 'base64' : 'utf8'));
  }

  /**
   * The body parsed as JSON when the Content-Type is `application/json` (or absent, which
   * counts as JSON), `undefined` otherwise or when the body is empty. Malformed JSON
   * throws `BadRequestError`.
   */
  get jsonBody(): unknown {
    if (this._json) return this._json.value;
    const contentType = headerValue(this.event.headers, 'content-type');
    let value: unknown;
    if (contentType === undefined || baseMimeType(contentType) === 'application/json') {
      const { body, isBase64Encoded } = this.event;
      const text = isBase64Encoded ? this.rawBody.toString('utf8') : (body ?? '');
      if (text !== '') {
        try {
          value = JSON.parse(text);
        } catch {
          throw new BadRequestError('Error Parsing JSON');
        }
      }
    }
    this._json = { value };
    return value;
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

/** The value of header `name` (lower-case) in API Gateway's `headers`, whatever its case there. */
export function headerValue(headers: Record<string, string | undefined> | null, name: string): string | undefined {
  let value: string | undefined;
  if (headers) {
    for (const key in headers) {
      if (key.length === name.length && key.toLowerCase() === name) value = headers[key];
    }
  }
  return value;
}

function lowerCaseKeys(headers: Record<string, string | undefined> | null): Record<string, string> {
  const result: Record<string, string> = {};
  if (headers) for (const name in headers) result[name.toLowerCase()] = headers[name] as string;
  return result;
}
