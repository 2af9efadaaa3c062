/**
 * The events API Gateway sends a websocket API's integrations, key for key as in captured events
 * (`$connect` with the upgrade request's headers and query, `$default` with the message, `$disconnect`
 * with the close code). Pure: the server reads the socket, this turns what it read into the event.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-mapping-template-reference.html
 */
import { randomUUID } from 'node:crypto';
import type { RawWebsocketEvent } from '../runtime/events';
import { collectHeaders, collectQuery, formatRequestTime, lastHeader, splitUrl, type ApiIdentity } from './proxy-event';

/** A client's connection as the server accepted it: what every event of the connection repeats. */
export interface WebsocketClient {
  connectionId: string;
  /** Milliseconds since the epoch. */
  connectedAt: number;
  /** The upgrade request's target and Node's `rawHeaders`. */
  url: string;
  rawHeaders: readonly string[];
  sourceIp: string;
}

/** What happened on the connection. */
export type WebsocketOccurrence =
  | { type: 'connect' }
  | { type: 'message'; body: string; isBase64Encoded: boolean }
  | { type: 'disconnect'; statusCode: number; reason: string };

/** A connection id like API Gateway's: 12 bytes in base64, `R1kmxc2VNjMCFIA=`. */
export function newConnectionId(): string {
  return Buffer.from(randomUUID().replace(/-/g, '').slice(0, 24), 'hex').toString('base64');
}

export function websocketEvent(
  client: WebsocketClient,
  what: WebsocketOccurrence,
  api: ApiIdentity,
): RawWebsocketEvent {
  const { headers, multiValueHeaders } = collectHeaders(client.rawHeaders);
  const requestContext = context(client, what, api, headers);
  switch (what.type) {
    case 'connect': {
      const { single, multi } = collectQuery(splitUrl(client.url).query);
      const query = single ? { queryStringParameters: single, multiValueQueryStringParameters: multi } : {};
      return { headers, multiValueHeaders, ...query, requestContext, isBase64Encoded: false };
    }
    case 'message':
      return { requestContext, body: what.body, isBase64Encoded: what.isBase64Encoded };
    case 'disconnect':
      return { headers, multiValueHeaders, requestContext, isBase64Encoded: false };
  }
}

const ROUTES = {
  connect: { routeKey: '$connect', eventType: 'CONNECT' },
  message: { routeKey: '$default', eventType: 'MESSAGE' },
  disconnect: { routeKey: '$disconnect', eventType: 'DISCONNECT' },
} as const;

function context(
  client: WebsocketClient,
  what: WebsocketOccurrence,
  api: ApiIdentity,
  headers: Record<string, string>,
): RawWebsocketEvent['requestContext'] {
  const now = Date.now();
  const requestId = newConnectionId();
  const { routeKey, eventType } = ROUTES[what.type];
  return {
    routeKey,
    ...(what.type === 'message' ? { messageId: newConnectionId() } : {}),
    ...(what.type === 'disconnect' ? { disconnectStatusCode: what.statusCode } : {}),
    eventType,
    extendedRequestId: requestId,
    requestTime: formatRequestTime(now),
    messageDirection: 'IN',
    ...(what.type === 'disconnect' ? { disconnectReason: what.reason } : {}),
    stage: api.stage,
    connectedAt: client.connectedAt,
    requestTimeEpoch: now,
    identity: { userAgent: lastHeader(headers, 'user-agent') ?? '', sourceIp: client.sourceIp },
    requestId,
    domainName: lastHeader(headers, 'host') ?? '',
    connectionId: client.connectionId,
    apiId: api.apiId,
  };
}
