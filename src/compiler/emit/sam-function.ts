/**
 * One `AWS::Serverless::Function` and its optional log group (CHALICE-PACKAGE.md §5.2,
 * §5.7), properties in Chalice's order.
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
  if (Object.keys(settings.environmentVariables).length > 0) {
    properties.Environment = { Variables: { ...settings.environmentVariables } };
  }
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
