/**
 * Logical IDs, parameter names and the physical names derived from `ApplicationName`, shared
 * by the resources and the policies that must agree on them. Logical IDs are Chalice's where
 * Chalice has the resource (`chalice generate-pipeline`).
 */
import { sub, type JsonObject } from '../emit/cfn';

export const ID = {
  sourceRepository: 'SourceRepository',
  sourceEventRule: 'SourceEventRule',
  sourceEventRole: 'SourceEventRole',
  applicationBucket: 'ApplicationBucket',
  artifactBucket: 'ArtifactBucketStore',
  codeBuildRole: 'CodeBuildRole',
  build: 'AppPackageBuild',
  pipelineRole: 'CodePipelineRole',
  deployRole: 'CFNDeployRole',
  pipeline: 'AppPipeline',
} as const;

export const PARAM = {
  applicationName: 'ApplicationName',
  codeBuildImage: 'CodeBuildImage',
  branchName: 'BranchName',
  githubConnectionArn: 'GithubConnectionArn',
  githubOwner: 'GithubOwner',
  githubRepoName: 'GithubRepoName',
} as const;

/** Pipeline artifacts, as Chalice names them. */
export const ARTIFACT = {
  source: 'SourceRepo',
  template: 'CompiledCFNTemplate',
  stackOutputs: 'AppDeploymentValues',
} as const;

/** Physical names, as `Fn::Sub` text over the `ApplicationName` parameter. */
export const NAME = {
  buildProject: '${ApplicationName}-build',
  pipeline: '${ApplicationName}-pipeline',
};

/** The stack the pipeline deploys: `<ApplicationName>-<stage>` (stack names take no `_`). */
export function stackName(stage: string): string {
  return `\${ApplicationName}-${stage.replace(/_/g, '-')}`;
}

/**
 * What the names CloudFormation generates for the deployed stack's resources start with
 * (`<stack>-<LogicalId>-<random>`). Not `<ApplicationName>-`: that would also match the
 * pipeline stack's own roles when it is named `<ApplicationName>-pipeline`.
 */
export function stackResourcePrefix(stage: string): string {
  return `${stackName(stage)}-`;
}

export function changeSetName(stage: string): string {
  return `${stackName(stage)}-changeset`;
}

/** `arn:<partition>:<service>:<region>:<account>:<resource>` for this stack's region and account. */
export function arn(
  service: string,
  resource: string,
  scope: { region?: boolean; account?: boolean } = {},
): JsonObject {
  const region = scope.region === false ? '' : '${AWS::Region}';
  const account = scope.account === false ? '' : '${AWS::AccountId}';
  return sub(`arn:\${AWS::Partition}:${service}:${region}:${account}:${resource}`);
}

/** The ARN of an S3 bucket resource of this template, with an optional key pattern. */
export function bucketArn(logicalId: string, keys?: string): JsonObject {
  return sub(`\${${logicalId}.Arn}${keys === undefined ? '' : `/${keys}`}`);
}
