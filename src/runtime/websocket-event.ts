import { BadRequestError } from './errors';
import { LambdaEvent } from './event-sources';
import type { LambdaContext, RawWebsocketEvent } from './events';

/**
 * What `app.onWsConnect`, `onWsMessage` and `onWsDisconnect` handlers receive (Chalice's `WebsocketEvent`):
 * `app.onWsMessage((event) => app.websocketApi.send(event.connectionId, event.body))`.
 */
export class WebsocketEvent extends LambdaEvent<RawWebsocketEvent> {
  /** The connection the event is about: what `app.websocketApi.send` and `close` take. */
  readonly connectionId: string;
  /** The message as the client sent it; `''` for `$connect` and `$disconnect` (Chalice says `'None'`). */
  readonly body: string;
  readonly domainName: string;
  /** The websocket API's stage (`api_gateway_stage`). */
  readonly stage: string;
  /** `$connect`, `$default` or `$disconnect`. */
  readonly routeKey: string;
  private parsed: { value: unknown } | undefined;

  constructor(event: RawWebsocketEvent, context?: LambdaContext) {
    super(event, context);
    const { connectionId, domainName, stage, routeKey } = event.requestContext;
    this.connectionId = connectionId;
    this.domainName = domainName;
    this.stage = stage;
    this.routeKey = routeKey;
    this.body = event.body ?? '';
  }

  /** The body parsed as JSON; a body that is not JSON throws `BadRequestError`, as Chalice's `json_body`. */
  get jsonBody(): unknown {
    if (!this.parsed) {
      try {
        this.parsed = { value: JSON.parse(this.body) };
      } catch {
        throw new BadRequestError('Error Parsing JSON');
      }
    }
    return this.parsed.value;
  }
}
