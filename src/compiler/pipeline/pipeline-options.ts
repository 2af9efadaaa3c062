/**
 * What `appc generate-pipeline` is asked for: plain data, checked by the CLI, read by the
 * template and buildspec generators.
 */

/** Where the pipeline gets the code: a CodeCommit repository it creates, or GitHub through a connection. */
export type PipelineSource = 'codecommit' | 'github';
export const PIPELINE_SOURCES: readonly PipelineSource[] = ['codecommit', 'github'];

/**
 * The buildspec inline in the CodeBuild project, or a file of the repository (path relative to its root,
 * `/`-separated).
 */
export type BuildspecLocation = { kind: 'inline' } | { kind: 'file'; path: string };

export interface PipelineOptions {
  /** Default of the `ApplicationName` parameter; must satisfy `APPLICATION_NAME_PATTERN`. */
  appName: string;
  source: PipelineSource;
  /** The appc stage the build packages and the pipeline deploys (`appc package --stage`). */
  stage: string;
  /** Node.js major of the build; the Lambda runtime is `lambda_runtime`'s, whatever the build runs on. */
  nodeVersion: string;
  buildspec: BuildspecLocation;
}

/**
 * The CodeBuild image: Amazon Linux 2023 standard 5.0, whose `nodejs` runtimes are 18, 20
 * and 22 (https://docs.aws.amazon.com/codebuild/latest/userguide/available-runtimes.html).
 * The build runs appc, which needs Node.js 20.19 or later (package.json `engines`), so 18 is
 * not offered; 22 is the default because Node.js 20 reached its end of life in April 2026.
 */
export const CODEBUILD_IMAGE = 'aws/codebuild/amazonlinux-x86_64-standard:5.0';
export const CODEBUILD_NODE_VERSIONS: readonly string[] = ['20', '22'];
export const DEFAULT_CODEBUILD_NODE_VERSION = '22';

/**
 * `ApplicationName` names the CodeCommit repository, the CodeBuild project, the pipeline and
 * the deployed stack (`<ApplicationName>-<stage>`), so it takes the characters all of them
 * allow. It is short because CloudFormation shortens long stack names inside the names it
 * generates, and the deploy role's permissions match names starting `<ApplicationName>-<stage>-`.
 */
export const APPLICATION_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9-]{0,19}$/;
export const APPLICATION_NAME_MAX_LENGTH = 20;

/** Stages end up in a shell command and in stack and change set names (short, like `ApplicationName`). */
export const STAGE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$/;

/**
 * A valid `ApplicationName` default from a project's name (`app_name` or package.json's `name`).
 * @example toApplicationName('@acme/Hello_World') === 'Hello-World'
 */
export function toApplicationName(name: string | undefined): string {
  const unscoped = (name ?? '').replace(/^@[^/]*\//, '');
  const cleaned = unscoped
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/^[^A-Za-z]+/, '')
    .slice(0, APPLICATION_NAME_MAX_LENGTH)
    .replace(/-+$/, '');
  return cleaned === '' ? 'appc-app' : cleaned;
}
