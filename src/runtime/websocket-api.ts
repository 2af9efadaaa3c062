import type { RawWebsocketEvent } from './events';

/**
 * What `send` and `close` go through. By default, API Gateway's Management API; `appc local` (and a test harness)
 * puts its own on `globalThis[WEBSOCKET_TRANSPORT]`, so that they reach its clients instead. A connection that is
 * gone rejects with an error named `GoneException`, as the Management API does.
 */
export interface WebsocketTransport {
  send(connectionId: string, data: string | Uint8Array): Promise<void>;
  close(connectionId: string): Promise<void>;
}

/** Where a transport other than API Gateway's is installed. */
export const WEBSOCKET_TRANSPORT = Symbol.for('appc.websocketTransport');

/** `send` or `close` to a connection that is gone (the Management API's `GoneException`), as in Chalice. */
export class WebsocketDisconnectedError extends Error {
  constructor(readonly connectionId: string) {
    super(`websocket connection ${connectionId} is gone`);
    this.name = 'WebsocketDisconnectedError';
  }
}

/**
 * The Lambda runtime provides the AWS SDK v3; it is required only when the app first sends, so that apps without
 * websockets load nothing more. A variable, so that the bundler leaves the `require` to run time.
 */
const MANAGEMENT_API_MODULE = '@aws-sdk/client-apigatewaymanagementapi';

interface ManagementApi {
  ApiGatewayManagementApiClient: new (config: { endpoint: string }) => { send(command: unknown): Promise<unknown> };
  PostToConnectionCommand: new (input: { ConnectionId: string; Data: string | Uint8Array }) => unknown;
  DeleteConnectionCommand: new (input: { ConnectionId: string }) => unknown;
}

/**
 * `app.websocketApi`: sends to and closes the connections of the app's websocket API.
 * @example app.onWsMessage((event) => app.websocketApi.send(event.connectionId, `echo: ${event.body}`));
 */
export class WebsocketApi {
  private endpoint: string | undefined;
  private client: { send(command: unknown): Promise<unknown> } | undefined;

  /** The Management API's endpoint: `https://{api-id}.execute-api.{region}.amazonaws.com/{stage}`. */
  configure(endpoint: string): void {
    this.endpoint ??= endpoint;
  }

  /**
   * Called with every websocket event. Chalice builds the endpoint from the API's id rather than `domainName`,
   * which is a custom domain's name when the client connected through one.
   */
  configureFromEvent({ requestContext }: RawWebsocketEvent): void {
    const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
    if (region === undefined) return this.configure(`https://${requestContext.domainName}/${requestContext.stage}`);
    const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
    this.configure(`https://${requestContext.apiId}.execute-api.${region}.${suffix}/${requestContext.stage}`);
  }

  /** Sends `data` to the client of `connectionId` (PostToConnection); throws `WebsocketDisconnectedError` if gone. */
  send(connectionId: string, data: string | Uint8Array): Promise<void> {
    return this.call(connectionId, (transport) => transport.send(connectionId, data));
  }

  /** Closes the connection (DeleteConnection); throws `WebsocketDisconnectedError` if it is already gone. */
  close(connectionId: string): Promise<void> {
    return this.call(connectionId, (transport) => transport.close(connectionId));
  }

  private async call(connectionId: string, use: (transport: WebsocketTransport) => Promise<void>): Promise<void> {
    try {
      await use(localTransport() ?? this.managementApi());
    } catch (e) {
      throw (e as { name?: unknown }).name === 'GoneException' ? new WebsocketDisconnectedError(connectionId) : e;
    }
  }

  /** API Gateway's Management API for the endpoint the first websocket event configured. */
  private managementApi(): WebsocketTransport {
    const api = loadManagementApi();
    if (this.endpoint === undefined) {
      throw new Error('app.websocketApi is configured by the first websocket event; call configure(endpoint) first');
    }
    const client = (this.client ??= new api.ApiGatewayManagementApiClient({ endpoint: this.endpoint }));
    return {
      send: async (ConnectionId, Data) =>
        void (await client.send(new api.PostToConnectionCommand({ ConnectionId, Data }))),
      close: async (ConnectionId) => void (await client.send(new api.DeleteConnectionCommand({ ConnectionId }))),
    };
  }
}

function localTransport(): WebsocketTransport | undefined {
  return (globalThis as { [WEBSOCKET_TRANSPORT]?: WebsocketTransport })[WEBSOCKET_TRANSPORT];
}

function loadManagementApi(): ManagementApi {
  try {
    return require(MANAGEMENT_API_MODULE) as ManagementApi;
  } catch (e) {
    throw new Error(
      `app.websocketApi needs ${MANAGEMENT_API_MODULE}, which the Lambda Node.js runtime provides; ` +
        `outside Lambda, install it: ${(e as Error).message}`,
      { cause: e },
    );
  }
}
