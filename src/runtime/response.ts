/** The fields of `new Response({ ... })`; `T` is the body's type. */
export interface ResponseInit<T = unknown> {
  /** A `Buffer` (or `Uint8Array`) is binary, a string is sent as is, anything else as JSON. */
  body?: T;
  /** Default 200. */
  statusCode?: number;
  /** Default `{}`; an array value becomes a multi-value header. */
  headers?: Record<string, string | string[]>;
}

/**
 * A handler's full answer:
 * `return new Response({ body: png, statusCode: 201, headers: { 'Content-Type': 'image/png' } })`.
 * Without a Content-Type it is sent as `application/json` (`application/octet-stream` for bytes).
 * `T` is the body's type: a handler declared `(): Response<Todo>` (or `Todo | Response<Todo>`) has
 * `Todo` as its response model (README "Models").
 */
export class Response<T = unknown> {
  body: T;
  statusCode: number;
  headers: Record<string, string | string[]>;

  constructor(init: ResponseInit<T> = {}) {
    this.body = init.body as T;
    this.statusCode = init.statusCode ?? 200;
    this.headers = init.headers ?? {};
  }
}
