import type { App } from './app';
import type { LambdaContext, RawWebsocketEvent } from './events';
import type { WebsocketHandler } from './functions';
import { middlewareFor, runMiddleware } from './middleware';
import { Response } from './response';
import { WebsocketEvent } from './websocket-event';

/** What a websocket integration answers API Gateway: a status (a `$connect` with another than 2xx is refused). */
export interface WebsocketResult {
  statusCode: number;
  [key: string]: unknown;
}

/**
 * One websocket event through the app's `websocket` middleware and its handler, as Chalice's
 * `WebsocketEventSourceHandler`: configures
 * `app.websocketApi` from the event, then answers the handler's `Response` or object (with
 * `statusCode: 200` unless it has one), or `{ statusCode: 200 }`.
 */
export async function handleWebsocketEvent(
  app: App,
  handler: WebsocketHandler,
  event: RawWebsocketEvent,
  context: LambdaContext,
): Promise<WebsocketResult> {
  app.websocketApi.configureFromEvent(event);
  const chain = middlewareFor(app.registeredMiddleware, 'websocket');
  return websocketResult(await runMiddleware(chain, new WebsocketEvent(event, context), handler));
}

function websocketResult(value: unknown): WebsocketResult {
  if (value instanceof Response) {
    const { statusCode, headers, body } = value;
    return body === undefined ? { statusCode, headers } : { statusCode, headers, body: serialize(body) };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { statusCode: 200, ...value };
  return { statusCode: 200 };
}

function serialize(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString('base64');
  return JSON.stringify(body);
}
