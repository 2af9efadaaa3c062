/**
 * `appc generate-pipeline` as a pure function: options in, the CloudFormation template (and
 * the buildspec text) out. The template mirrors `chalice generate-pipeline`: a source, two
 * buckets, a CodeBuild project running `appc package`, and a pipeline Source -> Build ->
 * <stage> deploy through a change set create + execute, with least-privilege roles.
 */
import { getAtt, ref, sub, type JsonObject } from '../emit/cfn';
import { APP_BUCKET_VARIABLE, TRANSFORMED_TEMPLATE, createBuildspec, serializeBuildspec } from './buildspec';
import { ARTIFACT, ID, NAME, PARAM, changeSetName, stackName } from './pipeline-names';
import {
  APPLICATION_NAME_MAX_LENGTH,
  APPLICATION_NAME_PATTERN,
  CODEBUILD_IMAGE,
  STAGE_PATTERN,
  type BuildspecLocation,
  type PipelineOptions,
} from './pipeline-options';
import { codeBuildRole, deployRole, pipelineRole } from './pipeline-roles';
import { sourceFragment } from './pipeline-source';

export interface GeneratedPipeline {
  template: JsonObject;
  /** The buildspec YAML: inside the template, or for the file `buildspec.path` names. */
  buildspec: string;
}

/**
 * @example generatePipeline({ appName: 'hello', source: 'codecommit', stage: 'beta', nodeVersion: '20',
 *   buildspec: { kind: 'inline' } })
 */
export function generatePipeline(options: PipelineOptions): GeneratedPipeline {
  if (!APPLICATION_NAME_PATTERN.test(options.appName))
    throw new Error(`appc internal error: invalid application name ${options.appName}`);
  if (!STAGE_PATTERN.test(options.stage)) throw new Error(`appc internal error: invalid stage ${options.stage}`);
  const buildspec = serializeBuildspec(createBuildspec(options));
  const source = sourceFragment(options.source);
  const template: JsonObject = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `CI/CD pipeline for an appc app: ${options.source} source, CodeBuild running appc package, deploy to stage ${options.stage} (appc generate-pipeline)`,
    Parameters: { ...commonParameters(options.appName), ...source.parameters },
    Resources: {
      ...source.resources,
      [ID.applicationBucket]: bucket(false),
      [ID.artifactBucket]: bucket(true),
      [ID.codeBuildRole]: codeBuildRole(),
      [ID.build]: buildProject(options.buildspec, buildspec),
      [ID.pipelineRole]: pipelineRole(source.pipelineStatements, options.stage),
      [ID.deployRole]: deployRole(options.stage),
      [ID.pipeline]: pipeline(source.action, options.stage),
    },
    Outputs: { ...source.outputs, ...commonOutputs(options.stage) },
  };
  return { template, buildspec };
}

function commonParameters(appName: string): Record<string, JsonObject> {
  return {
    [PARAM.applicationName]: {
      Type: 'String',
      Default: appName,
      Description:
        'Name of the repository, build project and pipeline, and prefix of the deployed stack <ApplicationName>-<stage>',
      AllowedPattern: APPLICATION_NAME_PATTERN.source,
      MaxLength: APPLICATION_NAME_MAX_LENGTH,
      ConstraintDescription: `must start with a letter and have at most ${APPLICATION_NAME_MAX_LENGTH} letters, digits and hyphens`,
    },
    [PARAM.codeBuildImage]: {
      Type: 'String',
      Default: CODEBUILD_IMAGE,
      Description: "CodeBuild image; it must provide the buildspec's Node.js runtime version",
    },
    [PARAM.branchName]: {
      Type: 'String',
      Default: 'main',
      Description: 'The branch whose pushes the pipeline builds and deploys',
      MinLength: 1,
    },
  };
}

/** The artifact bucket is versioned, as CodePipeline requires of its artifact store. */
function bucket(versioned: boolean): JsonObject {
  const properties: JsonObject = {
    PublicAccessBlockConfiguration: {
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    },
  };
  if (versioned) properties.VersioningConfiguration = { Status: 'Enabled' };
  return { Type: 'AWS::S3::Bucket', Properties: properties };
}

/** With a buildspec file, `BuildSpec` is its path relative to the checkout (`CODEBUILD_SRC_DIR`). */
function buildProject(location: BuildspecLocation, buildspec: string): JsonObject {
  return {
    Type: 'AWS::CodeBuild::Project',
    Properties: {
      Name: sub(NAME.buildProject),
      Description: sub('Runs appc package for ${ApplicationName}'),
      ServiceRole: getAtt(ID.codeBuildRole, 'Arn'),
      Artifacts: { Type: 'CODEPIPELINE' },
      Environment: {
        Type: 'LINUX_CONTAINER',
        ComputeType: 'BUILD_GENERAL1_SMALL',
        Image: ref(PARAM.codeBuildImage),
        EnvironmentVariables: [{ Name: APP_BUCKET_VARIABLE, Type: 'PLAINTEXT', Value: ref(ID.applicationBucket) }],
      },
      Source: { Type: 'CODEPIPELINE', BuildSpec: location.kind === 'inline' ? buildspec : location.path },
    },
  };
}

function pipeline(sourceAction: JsonObject, stage: string): JsonObject {
  return {
    Type: 'AWS::CodePipeline::Pipeline',
    Properties: {
      Name: sub(NAME.pipeline),
      RoleArn: getAtt(ID.pipelineRole, 'Arn'),
      ArtifactStore: { Type: 'S3', Location: ref(ID.artifactBucket) },
      Stages: [
        { Name: 'Source', Actions: [sourceAction] },
        { Name: 'Build', Actions: [buildAction()] },
        { Name: deployStageName(stage), Actions: deployActions(stage) },
      ],
    },
  };
}

function buildAction(): JsonObject {
  return {
    Name: 'CodeBuild',
    ActionTypeId: { Category: 'Build', Owner: 'AWS', Provider: 'CodeBuild', Version: '1' },
    Configuration: { ProjectName: ref(ID.build) },
    InputArtifacts: [{ Name: ARTIFACT.source }],
    OutputArtifacts: [{ Name: ARTIFACT.template }],
    RunOrder: 1,
  };
}

/**
 * CHANGE_SET_REPLACE then CHANGE_SET_EXECUTE:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-action-reference.html
 * `CAPABILITY_AUTO_EXPAND` acknowledges the SAM transform, `CAPABILITY_IAM` the app's roles.
 */
function deployActions(stage: string): JsonObject[] {
  const actionTypeId = { Category: 'Deploy', Owner: 'AWS', Provider: 'CloudFormation', Version: '1' };
  const target = { StackName: sub(stackName(stage)), ChangeSetName: sub(changeSetName(stage)) };
  return [
    {
      Name: 'CreateChangeSet',
      ActionTypeId: actionTypeId,
      Configuration: {
        ActionMode: 'CHANGE_SET_REPLACE',
        ...target,
        TemplatePath: `${ARTIFACT.template}::${TRANSFORMED_TEMPLATE}`,
        Capabilities: 'CAPABILITY_IAM,CAPABILITY_AUTO_EXPAND',
        RoleArn: getAtt(ID.deployRole, 'Arn'),
      },
      InputArtifacts: [{ Name: ARTIFACT.template }],
      RunOrder: 1,
    },
    {
      Name: 'ExecuteChangeSet',
      ActionTypeId: actionTypeId,
      Configuration: { ActionMode: 'CHANGE_SET_EXECUTE', ...target, OutputFileName: 'StackOutputs.json' },
      OutputArtifacts: [{ Name: ARTIFACT.stackOutputs }],
      RunOrder: 2,
    },
  ];
}

/** `beta` -> `Beta`, Chalice's name for the stage. */
function deployStageName(stage: string): string {
  return stage.charAt(0).toUpperCase() + stage.slice(1);
}

function commonOutputs(stage: string): Record<string, JsonObject> {
  return {
    S3ApplicationBucket: { Description: 'Bucket of the packaged Lambda code', Value: ref(ID.applicationBucket) },
    S3PipelineBucket: { Description: 'Artifact bucket of the pipeline', Value: ref(ID.artifactBucket) },
    PipelineName: { Value: ref(ID.pipeline) },
    AppStackName: { Description: 'The stack the pipeline deploys', Value: sub(stackName(stage)) },
    CodeBuildRoleArn: { Value: getAtt(ID.codeBuildRole, 'Arn') },
    CodePipelineRoleArn: { Value: getAtt(ID.pipelineRole, 'Arn') },
    CFNDeployRoleArn: { Value: getAtt(ID.deployRole, 'Arn') },
  };
}
