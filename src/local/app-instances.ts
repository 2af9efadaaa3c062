/**
 * The function instances of one version of the app: a pool per function (the API handler and
 * each built-in authorizer), each instance with that function's environment variables in its
 * own `process.env`, and the requests in flight, so that a reloaded version's instances end
 * only once the requests they serve are answered.
 */
import { functionConfig } from '../compiler/config/resolve-config';
import type { ResolvedConfig } from '../compiler/config/resolved-config';
import type { OutputSink } from './function-instance';
import { InstancePool } from './instance-pool';
import type { WebsocketTransport } from '../runtime/websocket-api';

export interface AppInstancesOptions {
  /** The bundle every instance loads. */
  bundleFile: string;
  config: ResolvedConfig;
  /** The most instances at a time per function. */
  concurrency: number;
  /** Hears about errors the app throws outside an invocation of function `name`. */
  onStrayError(name: string, error: Error): void;
  /** Where the app's `app.websocketApi.send` and `close` go. */
  websockets: WebsocketTransport;
  /** Where what the app writes goes; default this process's stdout and stderr. */
  output?: OutputSink;
}

export class AppInstances {
  private readonly pools = new Map<string, InstancePool>();
  private inFlight = 0;
  private whenIdle?: () => void;
  /** This process's environment when the app was loaded: what every instance starts from. */
  private readonly baseEnv = definedVariables(process.env);

  constructor(private readonly options: AppInstancesOptions) {}

  /** The instances of function `name` (`api_handler`, an authorizer's name). */
  pool(name: string): InstancePool {
    let pool = this.pools.get(name);
    if (!pool) {
      const config = functionConfig(this.options.config, name);
      pool = new InstancePool({
        bundleFile: this.options.bundleFile,
        env: { ...this.baseEnv, ...config.environmentVariables },
        concurrency: this.options.concurrency,
        timeoutMs: config.lambdaTimeout * 1000,
        onStrayError: (error) => this.options.onStrayError(name, error),
        websockets: this.options.websockets,
        output: this.options.output,
      });
      this.pools.set(name, pool);
    }
    return pool;
  }

  /** Runs `work` (answering one request) counted as in flight on this version. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight += 1;
    try {
      return await work();
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.whenIdle?.();
    }
  }

  /** Waits for the requests in flight, then ends every instance (on reload: the new version takes the new requests). */
  async retire(): Promise<void> {
    if (this.inFlight > 0) await new Promise<void>((resolve) => (this.whenIdle = resolve));
    this.close();
  }

  /** Ends every instance now. */
  close(): void {
    for (const pool of this.pools.values()) pool.close();
  }
}

function definedVariables(env: NodeJS.ProcessEnv): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined) variables[name] = value;
  return variables;
}
