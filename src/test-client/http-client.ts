/**
 * `client.http`: requests to the app's REST API as API Gateway would send them to Lambda. The
 * request goes through `appc local`'s gateway (route matching, CORS preflight, built-in
 * authorizers, gateway errors) and its proxy event, to the app's API handler in this process.
 */
import type { IncomingRequest } from '../events/proxy-event';
import { handleRequest, type GatewayHost } from '../local/handle-request';
import type { HttpAnswer } from '../local/http-answer';

/** What a test sends; a `body` that is neither a string nor bytes is sent as JSON. */
export interface TestRequest {
  headers?: Record<string, string>;
  body?: string | Uint8Array | object | number | boolean | null;
}

/** What the test gets back. */
export interface TestResponse {
  statusCode: number;
  /** As the Lambda or API Gateway set them; a multi-value header is a list. */
  headers: Record<string, string | string[]>;
  /** The body as UTF-8 text (`rawBody` for binary bodies). */
  body: string;
  rawBody: Buffer;
  /** The body parsed as JSON; throws when it is not JSON. */
  json<T = unknown>(): T;
}

export class TestHttpClient {
  /** @internal */
  constructor(
    private readonly host: () => GatewayHost,
    private readonly log: (line: string) => void,
  ) {}

  /** `method` on `path` (with its query string, e.g. `/users?limit=10`). */
  async request(method: string, path: string, init: TestRequest = {}): Promise<TestResponse> {
    if (!path.startsWith('/')) throw new TypeError(`appc/test: the path must start with '/': ${path}`);
    const answer = await handleRequest(this.host(), incomingRequest(method.toUpperCase(), path, init), this.log);
    return testResponse(answer);
  }

  get(path: string, init?: TestRequest): Promise<TestResponse> {
    return this.request('GET', path, init);
  }
  post(path: string, init?: TestRequest): Promise<TestResponse> {
    return this.request('POST', path, init);
  }
  put(path: string, init?: TestRequest): Promise<TestResponse> {
    return this.request('PUT', path, init);
  }
  patch(path: string, init?: TestRequest): Promise<TestResponse> {
    return this.request('PATCH', path, init);
  }
  delete(path: string, init?: TestRequest): Promise<TestResponse> {
    return this.request('DELETE', path, init);
  }
  head(path: string, init?: TestRequest): Promise<TestResponse> {
    return this.request('HEAD', path, init);
  }
  options(path: string, init?: TestRequest): Promise<TestResponse> {
    return this.request('OPTIONS', path, init);
  }
}

function incomingRequest(method: string, url: string, init: TestRequest): IncomingRequest {
  const headers = { ...init.headers };
  const { body, json } = requestBody(init.body);
  const named = (name: string) => Object.keys(headers).some((h) => h.toLowerCase() === name);
  if (json && !named('content-type')) headers['Content-Type'] = 'application/json';
  return {
    method,
    url,
    rawHeaders: Object.entries(headers).flat(),
    body,
    sourceIp: '127.0.0.1',
    httpVersion: '1.1',
    receivedAt: Date.now(),
  };
}

function requestBody(body: TestRequest['body']): { body: Buffer; json: boolean } {
  if (body === undefined) return { body: Buffer.alloc(0), json: false };
  if (typeof body === 'string') return { body: Buffer.from(body, 'utf8'), json: false };
  if (body instanceof Uint8Array) return { body: Buffer.from(body), json: false };
  return { body: Buffer.from(JSON.stringify(body), 'utf8'), json: true };
}

function testResponse(answer: HttpAnswer): TestResponse {
  const text = answer.body.toString('utf8');
  return {
    statusCode: answer.statusCode,
    headers: answer.headers,
    body: text,
    rawBody: answer.body,
    json: <T>() => JSON.parse(text) as T,
  };
}
