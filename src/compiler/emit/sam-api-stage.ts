/**
 * The API stage's settings (README "Stages"): stage variables, throttling and the access log, as
 * properties of `RestAPI` (SAM passes them to the `AWS::ApiGateway::Stage` it generates), and the
 * access log's log group.
 */
import type { ResolvedConfig } from '../config/resolved-config';
import { apiStageVariables } from '../config/stage-variables';
import { getAtt, type JsonObject, type ResourceEntry } from './cfn';

export const ACCESS_LOG_GROUP_ID = 'RestAPIAccessLogGroup';

/** `Variables`, `MethodSettings` and `AccessLogSetting` of `RestAPI`; each only when configured. */
export function apiStageProperties(config: ResolvedConfig): JsonObject {
  const properties: JsonObject = {};
  const variables = apiStageVariables(config);
  if (Object.keys(variables).length > 0) properties.Variables = variables;
  const throttling = config.apiGatewayThrottling;
  if (throttling && (throttling.rateLimit !== undefined || throttling.burstLimit !== undefined)) {
    // One setting for every resource and method: the stage's default throttling.
    const setting: JsonObject = { ResourcePath: '/*', HttpMethod: '*' };
    if (throttling.rateLimit !== undefined) setting.ThrottlingRateLimit = throttling.rateLimit;
    if (throttling.burstLimit !== undefined) setting.ThrottlingBurstLimit = throttling.burstLimit;
    properties.MethodSettings = [setting];
  }
  if (config.apiGatewayAccessLog) {
    properties.AccessLogSetting = {
      DestinationArn: getAtt(ACCESS_LOG_GROUP_ID, 'Arn'),
      Format: config.apiGatewayAccessLog.format,
    };
  }
  return properties;
}

/**
 * The access log's group, named by CloudFormation so that two stages' stacks never collide. Writing
 * to it needs the account's API Gateway CloudWatch Logs role, set once per region (README). It goes
 * with the stack, as the functions' log groups do; the policies say so (cfn-lint I3011 asks).
 */
export function accessLogGroupResource(config: ResolvedConfig): ResourceEntry | undefined {
  const log = config.apiGatewayAccessLog;
  if (!log) return undefined;
  const properties: JsonObject = {};
  if (log.retentionInDays !== undefined) properties.RetentionInDays = log.retentionInDays;
  const resource = { Type: 'AWS::Logs::LogGroup', DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' };
  return { id: ACCESS_LOG_GROUP_ID, resource: { ...resource, Properties: properties } };
}
