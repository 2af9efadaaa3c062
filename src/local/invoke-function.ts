/**
 * One Lambda invocation in local mode: the bundle's handler for a function, a context like
 * the Node.js runtime's, the function's timeout, one invocation at a time per app.
 */
import { randomUUID } from 'node:crypto';
import { functionConfig } from '../compiler/config/resolve-config';
import type { LambdaContext } from '../runtime/events';
import type { LocalApp } from './load-app';

export type InvokeOutcome = { value: unknown } | { error: unknown } | 'timeout';

/** API Gateway gives up on an integration after 29 seconds. */
export const INTEGRATION_TIMEOUT_MS = 29_000;

/**
 * Calls function `name` (`api_handler` or an authorizer's name) through its export `exportName`
 * with `event`; gives up after the function's `lambda_timeout`, or `limitMs` if that is sooner.
 */
export function invokeFunction(app: LocalApp, name: string, exportName: string, event: unknown, limitMs = Infinity): Promise<InvokeOutcome> {
  const handler = app.handlers[exportName];
  if (typeof handler !== 'function') throw new Error(`appc internal error: the bundle exports no ${exportName}`);
  const config = functionConfig(app.config, name);
  const timeoutMs = Math.min(config.lambdaTimeout * 1000, limitMs);
  return app.queue.run(() => {
    const context = lambdaContext(app, name, config.lambdaMemorySize, Date.now() + config.lambdaTimeout * 1000);
    return handler(event, context);
  }, timeoutMs);
}

/** Chalice's function names: `<app>-<stage>` for the API handler, `<app>-<stage>-<name>` for the others. */
function lambdaContext(app: LocalApp, name: string, memory: number, deadline: number): LambdaContext {
  const base = `${app.model.appName}-${app.config.stage}`;
  const functionName = name === 'api_handler' ? base : `${base}-${name}`;
  const requestId = randomUUID();
  return {
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${app.api.region}:${app.api.accountId}:function:${functionName}`,
    memoryLimitInMB: String(memory),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/[$LATEST]${requestId.replace(/-/g, '')}`,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}
