/**
 * The three service roles of the pipeline, each limited to the resources of this template
 * (buckets, build project, pipeline, the deployed stack) wherever IAM can name them.
 */
import { getAtt, sub, type JsonObject } from '../emit/cfn';
import { allow, serviceRole } from './iam';
import { ID, NAME, arn, bucketArn, changeSetName, stackName, stackResourcePrefix } from './pipeline-names';

/**
 * CodeBuild: its own log group, the pipeline's artifacts (source in, template out), and
 * uploading the code to the application bucket (`aws cloudformation package`).
 * https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html
 */
export function codeBuildRole(): JsonObject {
  const logGroup = `log-group:/aws/codebuild/${NAME.buildProject}`;
  return serviceRole('codebuild.amazonaws.com', 'CodeBuildPolicy', [
    allow('CreateLogGroup', ['logs:CreateLogGroup'], arn('logs', logGroup)),
    allow('WriteLogs', ['logs:CreateLogStream', 'logs:PutLogEvents'], arn('logs', `${logGroup}:log-stream:*`)),
    allow(
      'ReadWriteArtifacts',
      ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject'],
      bucketArn(ID.artifactBucket, '*'),
    ),
    allow('ArtifactBucket', ['s3:GetBucketAcl', 's3:GetBucketLocation'], bucketArn(ID.artifactBucket)),
    // `aws cloudformation package` looks an object up before uploading it.
    allow('UploadCode', ['s3:GetObject', 's3:PutObject'], bucketArn(ID.applicationBucket, '*')),
  ]);
}

/**
 * CodePipeline: the artifacts, the source action's statements, starting the build, the two
 * change set actions on the one stack and change set, and handing the deploy role to
 * CloudFormation. Statements as the CDK's CloudFormation actions grant them
 * (`StringEqualsIfExists` because `DescribeStacks` has no change set name), plus
 * `DescribeStackEvents`, which lets a failed deploy name the failing resource.
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/security-iam.html#how-to-custom-role
 */
export function pipelineRole(sourceStatements: JsonObject[], stage: string): JsonObject {
  return serviceRole('codepipeline.amazonaws.com', 'PipelinePolicy', [
    allow(
      'ReadWriteArtifacts',
      ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject'],
      bucketArn(ID.artifactBucket, '*'),
    ),
    allow('ArtifactBucket', ['s3:GetBucketLocation', 's3:GetBucketVersioning'], bucketArn(ID.artifactBucket)),
    ...sourceStatements,
    allow('RunBuild', ['codebuild:BatchGetBuilds', 'codebuild:StartBuild'], getAtt(ID.build, 'Arn')),
    allow(
      'DeployStack',
      [
        'cloudformation:CreateChangeSet',
        'cloudformation:DeleteChangeSet',
        'cloudformation:DescribeChangeSet',
        'cloudformation:DescribeStackEvents',
        'cloudformation:DescribeStacks',
        'cloudformation:ExecuteChangeSet',
      ],
      arn('cloudformation', `stack/${stackName(stage)}/*`),
      {
        StringEqualsIfExists: { 'cloudformation:ChangeSetName': sub(changeSetName(stage)) },
      },
    ),
    // A change set of a template with the SAM transform also needs the transform itself:
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-template.html
    allow(
      'UseSamTransform',
      ['cloudformation:CreateChangeSet'],
      sub('arn:${AWS::Partition}:cloudformation:${AWS::Region}:aws:transform/Serverless-2016-10-31'),
    ),
    allow('PassDeployRole', ['iam:PassRole'], getAtt(ID.deployRole, 'Arn'), {
      StringEquals: { 'iam:PassedToService': 'cloudformation.amazonaws.com' },
    }),
  ]);
}

const FUNCTION_ACTIONS = [
  'lambda:AddPermission',
  'lambda:CreateFunction',
  'lambda:DeleteFunction',
  'lambda:DeleteFunctionConcurrency',
  'lambda:GetFunction',
  'lambda:GetFunctionCodeSigningConfig',
  'lambda:GetFunctionConfiguration',
  'lambda:GetPolicy',
  'lambda:GetRuntimeManagementConfig',
  'lambda:ListTags',
  'lambda:PutFunctionConcurrency',
  'lambda:RemovePermission',
  'lambda:TagResource',
  'lambda:UntagResource',
  'lambda:UpdateFunctionCode',
  'lambda:UpdateFunctionConfiguration',
];

const ROLE_ACTIONS = [
  'iam:CreateRole',
  'iam:DeleteRole',
  'iam:DeleteRolePolicy',
  'iam:GetRole',
  'iam:GetRolePolicy',
  'iam:ListAttachedRolePolicies',
  'iam:ListInstanceProfilesForRole',
  'iam:ListRolePolicies',
  'iam:ListRoleTags',
  'iam:PutRolePolicy',
  'iam:TagRole',
  'iam:UntagRole',
  'iam:UpdateAssumeRolePolicy',
  'iam:UpdateRole',
  'iam:UpdateRoleDescription',
];

const REST_API_ACTIONS = [
  'apigateway:DELETE',
  'apigateway:GET',
  'apigateway:PATCH',
  'apigateway:POST',
  'apigateway:PUT',
  'apigateway:UpdateRestApiPolicy',
];

const LOG_GROUP_ACTIONS = [
  'logs:CreateLogGroup',
  'logs:DeleteLogGroup',
  'logs:DeleteRetentionPolicy',
  'logs:ListTagsForResource',
  'logs:PutRetentionPolicy',
  'logs:TagResource',
  'logs:UntagResource',
];

/**
 * CloudFormation, deploying the SAM template `appc package` writes. Chalice (and the CDK's
 * default) give this role `*` on `*`; this one may create, change and delete only the kinds of
 * resource an appc template has (IAM roles with inline policies, Lambda functions, their
 * permissions, event source mappings and log groups, the REST API, EventBridge rules, SNS
 * subscriptions), and only with the names CloudFormation generates in the stack
 * (`<ApplicationName>-<stage>-...`), so it cannot touch the pipeline's own roles. Services that do not support
 * resource-level permissions for an action (event source mapping creation, `DescribeLogGroups`, the EC2 lookups of a
 * VPC function) get `*`; API Gateway IDs are random, so the API statement covers the region's
 * REST APIs. Lambda reads the code from the application bucket with this role's rights.
 */
export function deployRole(stage: string): JsonObject {
  const prefix = stackResourcePrefix(stage);
  const functions = arn('lambda', `function:${prefix}*`);
  return serviceRole('cloudformation.amazonaws.com', 'DeployAppcApp', [
    allow('ReadCode', ['s3:GetObject', 's3:GetObjectVersion'], bucketArn(ID.applicationBucket, '*')),
    allow('Functions', FUNCTION_ACTIONS, functions),
    allow('Layers', ['lambda:GetLayerVersion'], sub('arn:${AWS::Partition}:lambda:*:*:layer:*:*')),
    allow('CreateEventSourceMappings', ['lambda:CreateEventSourceMapping'], '*', {
      ArnLike: { 'lambda:FunctionArn': functions },
    }),
    allow(
      'EventSourceMappings',
      ['lambda:DeleteEventSourceMapping', 'lambda:GetEventSourceMapping', 'lambda:UpdateEventSourceMapping'],
      arn('lambda', 'event-source-mapping:*'),
    ),
    allow('Roles', ROLE_ACTIONS, arn('iam', `role/${prefix}*`, { region: false })),
    allow('PassRolesToFunctions', ['iam:PassRole'], arn('iam', `role/${prefix}*`, { region: false }), {
      StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' },
    }),
    allow('CreateRestApi', ['apigateway:GET', 'apigateway:POST'], arn('apigateway', '/restapis', { account: false })),
    allow('RestApi', REST_API_ACTIONS, arn('apigateway', '/restapis/*', { account: false })),
    allow(
      'Rules',
      ['events:DeleteRule', 'events:DescribeRule', 'events:PutRule', 'events:PutTargets', 'events:RemoveTargets'],
      arn('events', `rule/${prefix}*`),
    ),
    // Topics are the app's own (by name or ARN, any region); subscription ARNs extend the topic's.
    allow(
      'Subscriptions',
      ['sns:GetSubscriptionAttributes', 'sns:SetSubscriptionAttributes', 'sns:Subscribe', 'sns:Unsubscribe'],
      sub('arn:${AWS::Partition}:sns:*:${AWS::AccountId}:*'),
    ),
    allow('LogGroups', LOG_GROUP_ACTIONS, arn('logs', `log-group:/aws/lambda/${prefix}*`)),
    allow(
      'Lookups',
      ['ec2:DescribeSecurityGroups', 'ec2:DescribeSubnets', 'ec2:DescribeVpcs', 'logs:DescribeLogGroups'],
      '*',
    ),
  ]);
}
