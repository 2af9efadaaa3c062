/** `client.lambda`: invoke one of the app's Lambda functions by name, as Lambda would. */
import type { InProcessHost } from './in-process-host';

export interface InvokeResponse {
  /** The function's result, serialized and parsed as Lambda does (JSON). */
  payload: unknown;
}

export class TestLambdaClient {
  /** @internal */
  constructor(private readonly host: () => InProcessHost) {}

  /**
   * Runs function `name` (a pure Lambda, schedule, event handler or authorizer, by its app name;
   * `api_handler` for the routes) with `payload` (default `{}`). A handler that throws rejects.
   * @example await client.lambda.invoke('worker', { job: 1 })
   */
  async invoke(name: string, payload: unknown = {}): Promise<InvokeResponse> {
    const host = this.host();
    if (!host.has(name)) throw new Error(`appc/test: the app has no Lambda function named ${name}`);
    const outcome = await host.invoke(name, name, payload);
    if ('error' in outcome) throw outcome.error;
    if ('timeout' in outcome) throw new Error(`appc/test: ${name} timed out`);
    return { payload: outcome.value };
  }
}
