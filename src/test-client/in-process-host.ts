/**
 * The app's functions run in the test's own process, behind the gateway `appc local` uses:
 * each invocation gets the runtime's Lambda entry point for the function (`lambdaHandler`, the
 * same one deployment.zip exports), a Lambda context, the function's environment variables
 * for its duration, and its result serialized as Lambda serializes it (JSON).
 */
import { functionConfig } from '../compiler/config/resolve-config';
import type { ResolvedConfig } from '../compiler/config/resolved-config';
import { apiIdentity } from '../local/api-gateway';
import type { GatewayHost } from '../local/handle-request';
import { toLambdaContext } from '../local/instance-protocol';
import { contextFields, type InvokeOutcome } from '../local/invoke-function';
import type { App } from '../runtime/app';
import { API_HANDLER, lambdaHandler, type LambdaHandler } from '../runtime/entry';
import { gatewayOfApp } from './app-gateway';
import type { StageEnvironment } from './stage-environment';

export interface InProcessHost extends GatewayHost {
  /** Whether the app has a Lambda function `name` (`api_handler` when it has routes). */
  has(name: string): boolean;
}

/** A gateway host for `app`, with `config`'s settings and `environment` for the variables. */
export function inProcessHost(app: App, config: ResolvedConfig, environment: StageEnvironment): InProcessHost {
  const handlers = new Map<string, LambdaHandler>();
  const handlerOf = (name: string) => {
    let handler = handlers.get(name);
    if (!handler) handlers.set(name, (handler = lambdaHandler(app, name)));
    return handler;
  };
  const api = apiIdentity(config);
  const site = { appName: app.appName, stage: config.stage, region: api.region, accountId: api.accountId };
  return {
    // Built on each use: the test may register routes or change binary types after creating the client.
    get gateway() {
      return gatewayOfApp(app);
    },
    api,
    config,
    authorizerCache: new Map(),
    has: (name) => (name === API_HANDLER ? app.routes.size > 0 : app.functions.has(name)),
    async invoke(name: string, _exportName: string, event: unknown): Promise<InvokeOutcome> {
      const { environmentVariables, lambdaMemorySize, lambdaTimeout } = functionConfig(config, name);
      const context = toLambdaContext(contextFields(site, name, lambdaMemorySize, Date.now() + lambdaTimeout * 1000));
      try {
        const value = await environment.during(environmentVariables, () => handlerOf(name)(event, context));
        return { value: asLambdaSerializes(value) };
      } catch (error) {
        return { error };
      }
    },
  };
}

/** Lambda's Node.js runtime answers with `JSON.stringify` of the handler's value. */
function asLambdaSerializes(value: unknown): unknown {
  const json = JSON.stringify(value);
  return json === undefined ? undefined : JSON.parse(json);
}
