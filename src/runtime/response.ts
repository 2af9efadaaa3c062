/** The fields of `new Response({ ... })`. */
export interface ResponseInit {
  /** A `Buffer` (or `Uint8Array`) is binary, a string is sent as is, anything else as JSON. */
  body?: unknown;
  /** Default 200. */
  statusCode?: number;
  /** Default `{}`; an array value becomes a multi-value header. */
  headers?: Record<string, string | string[]>;
}

/**
 * A handler's full answer:
 * `return new Response({ body: png, statusCode: 201, headers: { 'Content-Type': 'image/png' } })`.
 * Without a Content-Type it is sent as `application/json` (`application/octet-stream` for bytes).
 */
export class Response {
  body: unknown;
  statusCode: number;
  headers: Record<string, string | string[]>;

  constructor(init: ResponseInit = {}) {
    this.body = init.body;
    this.statusCode = init.statusCode ?? 200;
    this.headers = init.headers ?? {};
  }
}
