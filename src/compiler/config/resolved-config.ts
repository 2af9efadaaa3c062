/**
 * The configuration of one stage after Chalice's precedence and merge rules
 * (as in `chalice package`): plain, read-only data. Produced by `resolveConfig`, consumed
 * by validation and the emitters. Keys are camelCase versions of config.json's keys.
 */

import type { LambdaArchitecture, LambdaNodeRuntime } from './lambda-runtimes';
import type { DeploymentType } from './raw-config';

/** Settings of one Lambda function (`api_handler` for the API handler). */
export interface FunctionConfig {
  /** `Runtime`: a Lambda Node.js runtime identifier (default the newest, see lambda-runtimes.ts). */
  readonly lambdaRuntime: LambdaNodeRuntime;
  /** `Architectures`: `x86_64` (default) or `arm64`. */
  readonly lambdaArchitecture: LambdaArchitecture;
  readonly lambdaTimeout: number;
  readonly lambdaMemorySize: number;
  /** Merged key by key: top level < stage < stage function. */
  readonly environmentVariables: Readonly<Record<string, string>>;
  /** Merged key by key like environment variables; the `appc` tag is added by the emitter. */
  readonly tags: Readonly<Record<string, string>>;
  readonly manageIamRole: boolean;
  readonly iamRoleArn: string | undefined;
  readonly autogenPolicy: boolean;
  /** Relative to `.appc/`; undefined means `policy-<stage>.json`. */
  readonly iamPolicyFile: string | undefined;
  readonly xray: boolean;
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  readonly reservedConcurrency: number | undefined;
  readonly layers: readonly string[];
  readonly logRetentionInDays: number | undefined;
}

/** A custom domain name of an API and its mapping to the API's stage. */
export interface CustomDomain {
  /** e.g. `api.example.com`. */
  readonly domainName: string;
  /** The ACM certificate's ARN. */
  readonly certificateArn: string;
  /** The base path under the domain (`v1`); `(none)`, API Gateway's word for the root, when unset or `/`. */
  readonly basePath: string;
  /** `SecurityPolicy`; Chalice's default `TLS_1_2`. */
  readonly tlsVersion: 'TLS_1_0' | 'TLS_1_2';
  /** The domain's tags, as written. */
  readonly tags: Readonly<Record<string, string>>;
}

export interface ResolvedConfig {
  readonly stage: string;
  /** `app_name` when the file gives one. */
  readonly appName: string | undefined;
  readonly version: '1.0' | '2.0';
  readonly apiGatewayStage: string;
  readonly apiGatewayEndpointType: 'EDGE' | 'REGIONAL' | 'PRIVATE';
  readonly apiGatewayEndpointVpce: readonly string[] | undefined;
  readonly apiGatewayPolicyFile: string | undefined;
  readonly minimumCompressionSize: number | undefined;
  /** Ship `@aws-sdk/*` in deployment.zip instead of using the Lambda runtime's copy. */
  readonly bundleAwsSdk: boolean;
  /** `api_gateway_custom_domain`: the REST API's custom domain name; undefined: none. */
  readonly apiGatewayCustomDomain: CustomDomain | undefined;
  /** `websocket_api_custom_domain`: the websocket API's custom domain name (always REGIONAL); undefined: none. */
  readonly websocketApiCustomDomain: CustomDomain | undefined;
  /** `automatic_layer`: the production dependencies ship in layer-deployment.zip (`ManagedLayer`). */
  readonly automaticLayer: boolean;
  /** `lambda_source_maps`: deployment.zip carries app.js.map and every function runs with source maps enabled. */
  readonly lambdaSourceMaps: boolean;
  /**
   * `stage_variables` merged key by key (top level < stage). The API stage's `Variables` add `LAMBDA_ALIAS`
   * to them: read those with `apiStageVariables` (stage-variables.ts).
   */
  readonly stageVariables: Readonly<Record<string, string>>;
  /** `lambda_alias`: every function's `AutoPublishAlias`; whatever invokes a function invokes this alias. */
  readonly lambdaAlias: string | undefined;
  /** `deployment_preference`: every function's SAM `DeploymentPreference` (hook functions excepted). */
  readonly deploymentPreference: DeploymentPreference | undefined;
  /** `api_gateway_throttling`: the API stage's method settings for every method. */
  readonly apiGatewayThrottling: ApiGatewayThrottling | undefined;
  /** `api_gateway_access_log`: the API stage's access log, with its log group. */
  readonly apiGatewayAccessLog: ApiGatewayAccessLog | undefined;
  /**
   * Per function name: `api_handler`, the names `resolveConfig` was given, and every name with a
   * `lambda_functions` entry (top level or this stage). `functionConfig()` also answers other names.
   */
  readonly functions: Readonly<Record<string, FunctionConfig>>;
  /** Settings of a function without a `lambda_functions` entry: the stage's, then the top level's. */
  readonly defaultFunction: FunctionConfig;
}

/** How CodeDeploy moves an alias to a new version (SAM `DeploymentPreference`). */
export interface DeploymentPreference {
  readonly type: DeploymentType;
  /** CloudWatch alarm names that roll the deployment back. */
  readonly alarms: readonly string[];
  /** The function run before traffic shifts, by function name (validation checks it exists). */
  readonly preTraffic: string | undefined;
  /** The function run after traffic has shifted, by function name. */
  readonly postTraffic: string | undefined;
}

export interface ApiGatewayThrottling {
  /** Requests per second (`ThrottlingRateLimit`). */
  readonly rateLimit: number | undefined;
  /** Requests at once (`ThrottlingBurstLimit`). */
  readonly burstLimit: number | undefined;
}

export interface ApiGatewayAccessLog {
  /** The configured format, or appc's default (`DEFAULT_ACCESS_LOG_FORMAT`). */
  readonly format: string;
  /** The log group's retention; undefined keeps the log forever. */
  readonly retentionInDays: number | undefined;
}
