/**
 * One `AWS::Serverless::Function` and its optional log group (as in `chalice package`), properties in Chalice's order.
 */
import { DEFAULT_ARCHITECTURE } from '../config/lambda-runtimes';
import type { FunctionConfig } from '../config/resolved-config';
import { toLogicalId } from '../model/names';
import { sub, type Json, type JsonObject, type ResourceEntry } from './cfn';
import { functionEvents } from './sam-events';
import { functionLayers } from './sam-layer';
import type { LambdaPlan } from './sam-plan';
import { releaseProperties, type Release } from './sam-release';

/**
 * What every function shares: the values of the `appc` tag, whether `ManagedLayer` exists, and the stage's release
 * settings.
 */
export interface FunctionContext {
  appcVersion: string;
  stage: string;
  appName: string;
  managedLayer?: boolean;
  /** `lambda_source_maps`: deployment.zip carries app.js.map, and Node must be told to use it. */
  sourceMaps?: boolean;
  /** Absent without `lambda_alias`. */
  release?: Release;
}

export function functionResource(
  plan: LambdaPlan,
  settings: FunctionConfig,
  role: Json,
  context: FunctionContext,
): ResourceEntry {
  const properties: JsonObject = {
    Runtime: settings.lambdaRuntime,
    Handler: plan.handler,
    CodeUri: './deployment.zip',
    Tags: tags(settings, context),
    Tracing: settings.xray ? 'Active' : 'PassThrough',
    Timeout: settings.lambdaTimeout,
    MemorySize: settings.lambdaMemorySize,
  };
  const variables = environmentVariables(settings.environmentVariables, context.sourceMaps === true);
  if (Object.keys(variables).length > 0) properties.Environment = { Variables: variables };
  if (settings.subnetIds.length > 0 && settings.securityGroupIds.length > 0) {
    properties.VpcConfig = { SecurityGroupIds: [...settings.securityGroupIds], SubnetIds: [...settings.subnetIds] };
  }
  // x86_64 is Lambda's default: like the other optional properties, written only when it differs.
  if (settings.lambdaArchitecture !== DEFAULT_ARCHITECTURE) properties.Architectures = [settings.lambdaArchitecture];
  if (settings.reservedConcurrency !== undefined)
    properties.ReservedConcurrentExecutions = settings.reservedConcurrency;
  const layers = functionLayers(context.managedLayer === true, settings.layers);
  if (layers.length > 0) properties.Layers = layers;
  Object.assign(properties, releaseProperties(plan, context.release));
  properties.Role = role;
  const events = plan.fn ? functionEvents(plan.fn, plan.name) : undefined;
  if (events) properties.Events = events;
  return { id: plan.logicalId, resource: { Type: 'AWS::Serverless::Function', Properties: properties } };
}

const ENABLE_SOURCE_MAPS = '--enable-source-maps';

/**
 * The function's environment variables; with source maps, NODE_OPTIONS also enables them (first, before any options
 * the config sets there), which Node reads at start-up as it reads its command line: Lambda's Node.js runtimes
 * honour it. https://nodejs.org/api/cli.html#--enable-source-maps
 */
export function environmentVariables(
  configured: Readonly<Record<string, string>>,
  sourceMaps: boolean,
): Record<string, string> {
  const own = configured.NODE_OPTIONS;
  if (!sourceMaps || own?.split(/\s+/).includes(ENABLE_SOURCE_MAPS)) return { ...configured };
  return { ...configured, NODE_OPTIONS: own ? `${ENABLE_SOURCE_MAPS} ${own}` : ENABLE_SOURCE_MAPS };
}

/** The configured tags, then `appc` (last, and not overridable), as Chalice's `aws-chalice`. */
function tags(settings: FunctionConfig, context: FunctionContext): JsonObject {
  const { appc: _ignored, ...configured } = settings.tags;
  return { ...configured, appc: `version=${context.appcVersion}:stage=${context.stage}:app=${context.appName}` };
}

/**
 * `<Fn>LogGroup` with the configured retention. Its name refers to the function's real
 * logical ID (Chalice's API handler log group names the missing `ApiHandler`).
 */
export function logGroupResource(plan: LambdaPlan, retentionInDays: number): ResourceEntry {
  return {
    id: toLogicalId(`${plan.name}-log-group`),
    resource: {
      Type: 'AWS::Logs::LogGroup',
      Properties: { LogGroupName: sub(`/aws/lambda/\${${plan.logicalId}}`), RetentionInDays: retentionInDays },
    },
  };
}
