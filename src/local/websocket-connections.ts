import type { WebSocket } from 'ws';

/**
 * The websocket clients connected to `appc local`, by connection id: what `app.websocketApi.send` and
 * `close` reach in local mode. Kept by the server, so that connections outlive a reload of the app.
 */
export class WebsocketConnections {
  private readonly sockets = new Map<string, WebSocket>();

  add(connectionId: string, socket: WebSocket): void {
    this.sockets.set(connectionId, socket);
  }

  delete(connectionId: string): void {
    this.sockets.delete(connectionId);
  }

  /** PostToConnection: a text frame for a string, a binary one for bytes. */
  async send(connectionId: string, data: string | Uint8Array): Promise<void> {
    const socket = this.open(connectionId);
    await new Promise<void>((resolve, reject) =>
      socket.send(data, { binary: typeof data !== 'string' }, (e) => (e ? reject(gone(connectionId)) : resolve())),
    );
  }

  /** DeleteConnection: API Gateway closes with 1000, as a normal closure. */
  async close(connectionId: string): Promise<void> {
    this.open(connectionId).close(1000);
    this.sockets.delete(connectionId);
  }

  /** Ends every connection (the server stops). */
  terminateAll(): void {
    for (const socket of this.sockets.values()) socket.terminate();
    this.sockets.clear();
  }

  private open(connectionId: string): WebSocket {
    const socket = this.sockets.get(connectionId);
    if (!socket || socket.readyState !== socket.OPEN) throw gone(connectionId);
    return socket;
  }
}

/** The Management API answers 410 GoneException for a connection that is not open. */
function gone(connectionId: string): Error {
  const error = new Error(`connection ${connectionId} is gone`);
  error.name = 'GoneException';
  return error;
}
