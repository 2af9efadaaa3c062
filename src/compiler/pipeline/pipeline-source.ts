/**
 * The source half of the pipeline, per `--source`: what it adds to the template, the
 * pipeline's Source action, and what the pipeline role needs to run that action.
 */
import { assertNever } from '../assert-never';
import { getAtt, ref, sub, type JsonObject } from '../emit/cfn';
import { allow, serviceRole } from './iam';
import { ARTIFACT, ID, NAME, PARAM, arn } from './pipeline-names';
import type { PipelineSource } from './pipeline-options';

export interface SourceFragment {
  parameters: Record<string, JsonObject>;
  resources: Record<string, JsonObject>;
  outputs: Record<string, JsonObject>;
  /** The action of the pipeline's Source stage. */
  action: JsonObject;
  /** Statements of the pipeline role for that action. */
  pipelineStatements: JsonObject[];
}

export function sourceFragment(source: PipelineSource): SourceFragment {
  switch (source) {
    case 'codecommit':
      return codeCommitSource();
    case 'github':
      return gitHubSource();
    default:
      return assertNever(source);
  }
}

/**
 * A new CodeCommit repository; pushes start the pipeline through an EventBridge rule, as AWS
 * recommends over polling:
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-trigger-source-repo-changes-cfn.html
 */
function codeCommitSource(): SourceFragment {
  const repository = {
    Type: 'AWS::CodeCommit::Repository',
    Properties: {
      RepositoryName: ref(PARAM.applicationName),
      RepositoryDescription: sub('Source code for ${ApplicationName}'),
    },
  };
  const pipelineArn = arn('codepipeline', `\${${ID.pipeline}}`);
  const eventRole = serviceRole('events.amazonaws.com', 'StartPipeline', [
    allow('StartPipeline', ['codepipeline:StartPipelineExecution'], pipelineArn),
  ]);
  const eventRule = pushRule(pipelineArn);
  return {
    parameters: {},
    resources: { [ID.sourceRepository]: repository, [ID.sourceEventRole]: eventRole, [ID.sourceEventRule]: eventRule },
    outputs: {
      SourceRepoURL: {
        Description: 'Clone URL (HTTPS) of the CodeCommit repository',
        Value: getAtt(ID.sourceRepository, 'CloneUrlHttp'),
      },
    },
    action: sourceAction(
      { Category: 'Source', Owner: 'AWS', Provider: 'CodeCommit', Version: '1' },
      {
        RepositoryName: getAtt(ID.sourceRepository, 'Name'),
        BranchName: ref(PARAM.branchName),
        PollForSourceChanges: false,
      },
    ),
    // https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeCommit.html#action-reference-CodeCommit-service-role
    pipelineStatements: [allow('ReadSource', CODECOMMIT_READ_ACTIONS, getAtt(ID.sourceRepository, 'Arn'))],
  };
}

/**
 * An existing GitHub repository through a CodeConnections (formerly CodeStar Connections)
 * connection, which the user creates and authorizes once in the console; its webhook starts
 * the pipeline: https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodestarConnectionSource.html
 */
function gitHubSource(): SourceFragment {
  return {
    parameters: gitHubParameters(),
    resources: {},
    outputs: {
      SourceRepoURL: {
        Description: 'URL of the GitHub repository',
        Value: sub('https://github.com/${GithubOwner}/${GithubRepoName}'),
      },
    },
    action: sourceAction(
      { Category: 'Source', Owner: 'AWS', Provider: 'CodeStarSourceConnection', Version: '1' },
      {
        ConnectionArn: ref(PARAM.githubConnectionArn),
        FullRepositoryId: sub('${GithubOwner}/${GithubRepoName}'),
        BranchName: ref(PARAM.branchName),
        OutputArtifactFormat: 'CODE_ZIP',
      },
    ),
    // Connections made before the 2024 rename have `codestar-connections` ARNs, newer ones
    // `codeconnections` ARNs; each prefix's action matches only its own ARNs.
    pipelineStatements: [
      allow(
        'UseConnection',
        ['codestar-connections:UseConnection', 'codeconnections:UseConnection'],
        ref(PARAM.githubConnectionArn),
      ),
    ],
  };
}

/** Pushes to the branch start the pipeline. */
function pushRule(pipelineArn: JsonObject): JsonObject {
  return {
    Type: 'AWS::Events::Rule',
    Properties: {
      Description: sub(`Starts ${NAME.pipeline} on a push to its branch`),
      EventPattern: {
        source: ['aws.codecommit'],
        'detail-type': ['CodeCommit Repository State Change'],
        resources: [getAtt(ID.sourceRepository, 'Arn')],
        detail: {
          event: ['referenceCreated', 'referenceUpdated'],
          referenceType: ['branch'],
          referenceName: [ref(PARAM.branchName)],
        },
      },
      State: 'ENABLED',
      Targets: [{ Id: 'Pipeline', Arn: pipelineArn, RoleArn: getAtt(ID.sourceEventRole, 'Arn') }],
    },
  };
}

const CODECOMMIT_READ_ACTIONS = [
  'codecommit:CancelUploadArchive',
  'codecommit:GetBranch',
  'codecommit:GetCommit',
  'codecommit:GetRepository',
  'codecommit:GetUploadArchiveStatus',
  'codecommit:UploadArchive',
];

function gitHubParameters(): Record<string, JsonObject> {
  return {
    [PARAM.githubConnectionArn]: {
      Type: 'String',
      Description:
        'ARN of an available CodeConnections connection to GitHub (Developer Tools > Settings > Connections)',
      AllowedPattern:
        '^arn:aws[a-z-]*:(codestar-connections|codeconnections):[a-z0-9-]+:[0-9]{12}:connection/[A-Za-z0-9-]+$',
      ConstraintDescription: 'must be the ARN of a CodeConnections (or CodeStar Connections) connection',
    },
    [PARAM.githubOwner]: {
      Type: 'String',
      Description: 'The GitHub user or organization that owns the repository',
      MinLength: 1,
    },
    [PARAM.githubRepoName]: { Type: 'String', Description: 'The name of the GitHub repository', MinLength: 1 },
  };
}

function sourceAction(actionTypeId: JsonObject, configuration: JsonObject): JsonObject {
  return {
    Name: 'Source',
    ActionTypeId: actionTypeId,
    Configuration: configuration,
    OutputArtifacts: [{ Name: ARTIFACT.source }],
    RunOrder: 1,
  };
}
