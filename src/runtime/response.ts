/**
 * A handler's full answer: `return new Response({ body: png, statusCode: 201, headers: { 'Content-Type': 'image/png' } })`.
 * A `Buffer` body is binary; any other non-string body is sent as JSON.
 */
export interface ResponseInit {
  body?: unknown;
  statusCode?: number;
  headers?: Record<string, string | string[]>;
}

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
