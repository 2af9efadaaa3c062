/**
 * `.appc/config.json` as written (snake_case, Chalice's key names), after it passed
 * `schemas/config.schema.json`. `null` anywhere means "unset", as in Chalice.
 */

import type { LambdaArchitecture, LambdaNodeRuntime } from './lambda-runtimes';

/** Keys that may differ per Lambda function (`lambda_functions.<fn>`). */
export interface RawFunctionSettings {
  lambda_runtime?: LambdaNodeRuntime | null;
  lambda_architecture?: LambdaArchitecture | null;
  manage_iam_role?: boolean | null;
  iam_role_arn?: string | null;
  autogen_policy?: boolean | null;
  iam_policy_file?: string | null;
  environment_variables?: Record<string, string> | null;
  tags?: Record<string, string> | null;
  lambda_timeout?: number | null;
  lambda_memory_size?: number | null;
  reserved_concurrency?: number | null;
  layers?: string[] | null;
  subnet_ids?: string[] | null;
  security_group_ids?: string[] | null;
  xray?: boolean | null;
  log_retention_in_days?: number | null;
}

/** Keys of a stage (`stages.<stage>`), also allowed at the top level. */
export interface RawStageSettings extends RawFunctionSettings {
  api_gateway_stage?: string | null;
  api_gateway_endpoint_type?: 'EDGE' | 'REGIONAL' | 'PRIVATE' | null;
  api_gateway_endpoint_vpce?: string | string[] | null;
  api_gateway_policy_file?: string | null;
  minimum_compression_size?: number | null;
  bundle_aws_sdk?: boolean | null;
  api_gateway_custom_domain?: RawCustomDomain | null;
  websocket_api_custom_domain?: RawCustomDomain | null;
  automatic_layer?: boolean | null;
  lambda_source_maps?: boolean | null;
  stage_variables?: Record<string, string> | null;
  lambda_alias?: string | null;
  deployment_preference?: RawDeploymentPreference | null;
  api_gateway_throttling?: { rate_limit?: number; burst_limit?: number } | null;
  api_gateway_access_log?: { format?: string; retention_in_days?: number } | null;
  lambda_functions?: Record<string, RawFunctionSettings> | null;
}

/** `api_gateway_custom_domain` and `websocket_api_custom_domain` (Chalice's keys). */
export interface RawCustomDomain {
  domain_name: string;
  certificate_arn: string;
  url_prefix?: string;
  tls_version?: 'TLS_1_0' | 'TLS_1_2';
  tags?: Record<string, string>;
}

/** `deployment_preference` as written (README "Stages"). */
export interface RawDeploymentPreference {
  type: DeploymentType;
  alarms?: string[];
  hooks?: { pre_traffic?: string; post_traffic?: string };
}

/** CodeDeploy's predefined Lambda deployment configurations, as SAM names them (`CodeDeployDefault.Lambda<type>`). */
export type DeploymentType =
  | 'Canary10Percent5Minutes'
  | 'Canary10Percent10Minutes'
  | 'Canary10Percent15Minutes'
  | 'Canary10Percent30Minutes'
  | 'Linear10PercentEvery1Minute'
  | 'Linear10PercentEvery2Minutes'
  | 'Linear10PercentEvery3Minutes'
  | 'Linear10PercentEvery10Minutes'
  | 'AllAtOnce';

export interface RawConfig extends RawStageSettings {
  $schema?: string;
  version?: '1.0' | '2.0';
  app_name?: string | null;
  stages?: Record<string, RawStageSettings> | null;
}

/** Scalar keys looked up per function (as in `chalice package`). */
export type FunctionKey = Exclude<keyof RawFunctionSettings, DictKey>;
/** Keys merged key by key (as in `chalice package`). */
export type DictKey = 'environment_variables' | 'tags';
/** Keys looked up per stage only: stage, then top level. */
export type StageKey = Exclude<keyof RawStageSettings, keyof RawFunctionSettings | 'lambda_functions'>;
/** Stage keys merged key by key: top level < stage. */
export type StageDictKey = 'stage_variables';

/** The function name of the API handler (Chalice's `DEFAULT_HANDLER_NAME`). */
export { API_HANDLER_NAME as API_HANDLER } from '../model/names';
export const DEFAULT_STAGE = 'dev';
