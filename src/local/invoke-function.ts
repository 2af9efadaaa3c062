/**
 * One Lambda invocation in local mode: the bundle's handler for a function, on one of the
 * function's instances (see InstancePool), with a context like the Node.js runtime's, ended
 * at the function's timeout; API Gateway stops waiting after its integration timeout.
 */
import { randomUUID } from 'node:crypto';
import { functionConfig } from '../compiler/config/resolve-config';
import type { ContextFields } from './instance-protocol';
import type { LocalApp } from './load-app';

export type InvokeOutcome =
  | { value: unknown }
  | { error: unknown }
  /** `function`: the invocation outlived `lambda_timeout`; `integration`: API Gateway gave up first. */
  | { timeout: 'function' | 'integration' };

/**
 * API Gateway gives up on an integration after 29 seconds and answers 504; the Lambda goes on.
 * https://repost.aws/knowledge-center/api-gateway-504-errors
 */
export const INTEGRATION_TIMEOUT_MS = 29_000;

/**
 * Calls function `name` (`api_handler` or an authorizer's name) through its export `exportName`
 * with `event`. Time waiting for a free instance counts towards API Gateway's 29 s, not
 * towards the function's timeout.
 */
export async function invokeFunction(
  app: LocalApp,
  name: string,
  exportName: string,
  event: unknown,
): Promise<InvokeOutcome> {
  const { lambdaMemorySize } = functionConfig(app.config, name);
  const invocation = app.instances
    .pool(name)
    .invoke(exportName, event, (deadline) => contextFields(siteOf(app), name, lambdaMemorySize, deadline));
  let timer: NodeJS.Timeout | undefined;
  const gatewayGivesUp = new Promise<'integration'>(
    (resolve) => (timer = setTimeout(() => resolve('integration'), INTEGRATION_TIMEOUT_MS)),
  );
  const outcome = await Promise.race([invocation, gatewayGivesUp]).finally(() => clearTimeout(timer));
  if (outcome === 'integration') return { timeout: 'integration' };
  return outcome === 'timeout' ? { timeout: 'function' } : outcome;
}

/** Where a function runs: what its Lambda context names. */
export interface FunctionSite {
  appName: string;
  /** appc's stage (`--stage`). */
  stage: string;
  region: string;
  accountId: string;
}

/** Chalice's function names: `<app>-<stage>` for the API handler, `<app>-<stage>-<name>` for the others. */
export function lambdaFunctionName(site: FunctionSite, name: string): string {
  const base = `${site.appName}-${site.stage}`;
  return name === 'api_handler' ? base : `${base}-${name}`;
}

/** The Lambda context of one invocation of function `name`, ending at `deadline` (epoch ms). */
export function contextFields(site: FunctionSite, name: string, memory: number, deadline: number): ContextFields {
  const functionName = lambdaFunctionName(site, name);
  const requestId = randomUUID();
  return {
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${site.region}:${site.accountId}:function:${functionName}`,
    memoryLimitInMB: String(memory),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/[$LATEST]${requestId.replace(/-/g, '')}`,
    deadline,
  };
}

function siteOf(app: LocalApp): FunctionSite {
  return { appName: app.model.appName, stage: app.config.stage, region: app.api.region, accountId: app.api.accountId };
}
