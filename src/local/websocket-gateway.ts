/**
 * The websocket API as `appc local` plays it, on the HTTP server's port: an upgrade request runs the
 * `$connect` function (a failure or a status other than 2xx refuses the connection with that status, as
 * API Gateway does), each message the `$default` function, a close the `$disconnect` function. The
 * functions' answers go no further: Chalice configures no route responses. Without websocket handlers,
 * upgrades are refused.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-route-keys-connect-disconnect.html
 */
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { WebsocketFunction } from '../compiler/model/app-model';
import { toLogicalId } from '../compiler/model/names';
import { invokeFunction } from './invoke-function';
import type { LocalApp } from './load-app';
import type { WebsocketConnections } from './websocket-connections';
import {
  newConnectionId,
  websocketEvent,
  type WebsocketClient,
  type WebsocketOccurrence,
} from '../events/websocket-event';

export class WebsocketGateway {
  private readonly server = new WebSocketServer({ noServer: true });

  constructor(
    /** The version of the app being served (replaced on reload; connections stay). */
    private readonly current: () => LocalApp,
    private readonly connections: WebsocketConnections,
    /** Hears one line per event, like the request lines, and failures. */
    private readonly log: { request(line: string): void; error(text: string): void },
  ) {}

  /** An HTTP upgrade request: runs `$connect`, then completes the handshake or refuses it. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const app = this.current();
    if (!app.model.functions.some((fn) => fn.kind.startsWith('ws-'))) return refuse(socket, 403);
    const client: WebsocketClient = {
      connectionId: newConnectionId(),
      connectedAt: Date.now(),
      url: req.url ?? '/',
      rawHeaders: req.rawHeaders,
      sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
    };
    void this.run(app, 'ws-connect', client, { type: 'connect' }).then((status) => {
      if (status < 200 || status > 299) return refuse(socket, status);
      this.server.handleUpgrade(req, socket, head, (ws) => this.accept(ws, client));
    });
  }

  /** Closes every connection (the server stops). */
  close(): void {
    this.connections.terminateAll();
    this.server.close();
  }

  private accept(ws: WebSocket, client: WebsocketClient): void {
    this.connections.add(client.connectionId, ws);
    ws.on('message', (data: RawData, isBinary: boolean) => {
      // CONVERT_TO_TEXT (the integrations' ContentHandlingStrategy): a binary frame arrives as base64 text.
      const body = Buffer.isBuffer(data) ? data : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]);
      const message = { type: 'message', body: body.toString(isBinary ? 'base64' : 'utf8'), isBase64Encoded: false };
      void this.run(this.current(), 'ws-message', client, message as WebsocketOccurrence);
    });
    ws.on('close', (code: number, reason: Buffer) => {
      this.connections.delete(client.connectionId);
      void this.run(this.current(), 'ws-disconnect', client, {
        type: 'disconnect',
        statusCode: code,
        reason: reason.toString('utf8'),
      });
    });
  }

  /** Invokes the route's function, if the app has one; answers its status (500 when it fails, 504 when late). */
  private async run(
    app: LocalApp,
    kind: WebsocketFunction['kind'],
    client: WebsocketClient,
    what: WebsocketOccurrence,
  ): Promise<number> {
    const fn = app.model.functions.find((f) => f.kind === kind);
    if (!fn?.name) return 200;
    const started = performance.now();
    const event = websocketEvent(client, what, app.api);
    const outcome = await app.instances.track(() => invokeFunction(app, fn.name!, toLogicalId(fn.name!), event));
    const status = statusOf(outcome, (why) => this.log.error(`${event.requestContext.routeKey} ${why}`));
    const took = (performance.now() - started).toFixed(1);
    this.log.request(`WS ${event.requestContext.routeKey} ${client.connectionId} ${status} ${took} ms`);
    return status;
  }
}

function statusOf(outcome: Awaited<ReturnType<typeof invokeFunction>>, fail: (why: string) => void): number {
  if ('timeout' in outcome) {
    fail(outcome.timeout === 'function' ? 'timed out (lambda_timeout)' : "got no answer within API Gateway's 29 s");
    return 504;
  }
  if ('error' in outcome) {
    fail(`failed: ${outcome.error instanceof Error ? outcome.error.stack : String(outcome.error)}`);
    return 500;
  }
  const status = (outcome.value as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : 200;
}

function refuse(socket: Duplex, status: number): void {
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
