/**
 * The pipeline template: golden files for both sources, the AWS resource specification and
 * reference checks on every resource, and the pipeline's wiring (stages, artifacts,
 * parameters, outputs, the buildspec).
 */
import * as path from 'node:path';
import { expect } from 'chai';
import { parse } from 'yaml';
import { serializeTemplate } from '../../../src/compiler/emit/serialize-template';
import { APPLICATION_NAME_PATTERN, toApplicationName } from '../../../src/compiler/pipeline/pipeline-options';
import { checkReferences, checkResourceSpec } from '../../support/aws-checks';
import { expectGolden } from '../../support/fixtures';
import { PIPELINE_FIXTURES_DIR, SOURCES, generate, stages, type Doc } from './pipeline-helpers';

function walkStrings(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) value.forEach((item) => walkStrings(item, visit));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => walkStrings(item, visit));
}

/** Parameter names a template uses through `Ref` or `${Name}` in `Fn::Sub`. */
function usedNames(template: Doc): Set<string> {
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.Ref === 'string') used.add(record.Ref);
    if (record['Fn::Sub'] !== undefined)
      walkStrings(record['Fn::Sub'], (text) => {
        for (const [, name] of text.matchAll(/\$\{([^}.!]+)\}/g)) used.add(name);
      });
    Object.values(record).forEach(visit);
  };
  visit({ Resources: template.Resources, Outputs: template.Outputs });
  return used;
}

describe('appc generate-pipeline template', function () {
  this.timeout(60000);

  for (const source of SOURCES) {
    describe(`${source} source`, () => {
      const { template } = generate({ source });

      it('matches the golden template', () => {
        expectGolden(path.join(PIPELINE_FIXTURES_DIR, source, 'template.json'), serializeTemplate(template));
      });

      it('matches the AWS resource specification (property names, types, required properties)', () => {
        expect(checkResourceSpec(template)).to.deep.equal([]);
      });

      it('references only existing resources, parameters and attributes', () => {
        expect(checkReferences(template)).to.deep.equal([]);
      });

      it('runs Source -> Build -> Beta, each action reading only artifacts an earlier action wrote', () => {
        const all = stages(template);
        expect(all.map((stage: Doc) => stage.Name)).to.deep.equal(['Source', 'Build', 'Beta']);
        const written = new Set<string>();
        for (const stage of all) {
          const actions = [...stage.Actions].sort((a: Doc, b: Doc) => a.RunOrder - b.RunOrder);
          for (const action of actions) {
            for (const input of action.InputArtifacts ?? [])
              expect(written, `${action.Name} reads ${input.Name}`).to.include(input.Name);
            for (const output of action.OutputArtifacts ?? []) written.add(output.Name);
          }
        }
        expect(all[0].Actions[0].ActionTypeId).to.include({ Category: 'Source', Owner: 'AWS', Version: '1' });
        expect(all[1].Actions[0].ActionTypeId).to.include({ Category: 'Build', Provider: 'CodeBuild' });
      });

      it('deploys through a change set: CHANGE_SET_REPLACE, then CHANGE_SET_EXECUTE of the same change set', () => {
        const [create, execute] = stages(template)[2].Actions;
        expect(create.Configuration).to.include({
          ActionMode: 'CHANGE_SET_REPLACE',
          TemplatePath: 'CompiledCFNTemplate::transformed.yaml',
        });
        expect(create.Configuration.Capabilities.split(',')).to.include.members([
          'CAPABILITY_IAM',
          'CAPABILITY_AUTO_EXPAND',
        ]);
        expect(create.Configuration.RoleArn).to.deep.equal({ 'Fn::GetAtt': ['CFNDeployRole', 'Arn'] });
        expect(execute.Configuration.ActionMode).to.equal('CHANGE_SET_EXECUTE');
        expect(execute.Configuration.StackName)
          .to.deep.equal(create.Configuration.StackName)
          .and.deep.equal({ 'Fn::Sub': '${ApplicationName}-beta' });
        expect(execute.Configuration.ChangeSetName).to.deep.equal(create.Configuration.ChangeSetName);
        expect([create.RunOrder, execute.RunOrder]).to.deep.equal([1, 2]);
      });

      it('uses every parameter, and only the GitHub ones have no default', () => {
        const parameters = template.Parameters as Record<string, Doc>;
        const used = usedNames(template);
        for (const name of Object.keys(parameters)) expect(used, name).to.include(name);
        const required = Object.keys(parameters).filter((name) => parameters[name].Default === undefined);
        expect(required).to.deep.equal(
          source === 'github' ? ['GithubConnectionArn', 'GithubOwner', 'GithubRepoName'] : [],
        );
        const appName = parameters.ApplicationName;
        expect(appName.Default).to.match(new RegExp(appName.AllowedPattern));
        expect(appName.Default.length).to.be.at.most(appName.MaxLength);
      });

      it('outputs the repository URL and both bucket names', () => {
        expect(template.Outputs).to.include.keys(
          'SourceRepoURL',
          'S3ApplicationBucket',
          'S3PipelineBucket',
          'AppStackName',
          'CFNDeployRoleArn',
        );
        expect(template.Outputs.S3ApplicationBucket.Value).to.deep.equal({ Ref: 'ApplicationBucket' });
        expect(template.Outputs.S3PipelineBucket.Value).to.deep.equal({ Ref: 'ArtifactBucketStore' });
      });

      it('stores artifacts in a versioned, private bucket and gives CodeBuild the application bucket', () => {
        const { Resources: resources } = template;
        expect(resources.AppPipeline.Properties.ArtifactStore).to.deep.equal({
          Type: 'S3',
          Location: { Ref: 'ArtifactBucketStore' },
        });
        expect(resources.ArtifactBucketStore.Properties.VersioningConfiguration).to.deep.equal({ Status: 'Enabled' });
        for (const bucket of ['ArtifactBucketStore', 'ApplicationBucket']) {
          expect(Object.values(resources[bucket].Properties.PublicAccessBlockConfiguration)).to.deep.equal([
            true,
            true,
            true,
            true,
          ]);
        }
        expect(resources.AppPackageBuild.Properties.Environment.EnvironmentVariables).to.deep.equal([
          { Name: 'APP_S3_BUCKET', Type: 'PLAINTEXT', Value: { Ref: 'ApplicationBucket' } },
        ]);
      });
    });
  }

  it('codecommit: creates the repository and starts the pipeline on pushes to the branch through EventBridge', () => {
    const { template } = generate({ source: 'codecommit' });
    const action = stages(template)[0].Actions[0];
    expect(action.ActionTypeId.Provider).to.equal('CodeCommit');
    expect(action.Configuration).to.deep.equal({
      RepositoryName: { 'Fn::GetAtt': ['SourceRepository', 'Name'] },
      BranchName: { Ref: 'BranchName' },
      PollForSourceChanges: false,
    });
    const rule = template.Resources.SourceEventRule.Properties;
    expect(rule.EventPattern.resources).to.deep.equal([{ 'Fn::GetAtt': ['SourceRepository', 'Arn'] }]);
    expect(rule.EventPattern.detail.referenceName).to.deep.equal([{ Ref: 'BranchName' }]);
    expect(rule.Targets[0].Arn['Fn::Sub']).to.contain(':codepipeline:').and.contain('${AppPipeline}');
  });

  it('github: reads the repository through the connection given as a parameter', () => {
    const { template } = generate({ source: 'github' });
    const action = stages(template)[0].Actions[0];
    expect(action.ActionTypeId).to.deep.equal({
      Category: 'Source',
      Owner: 'AWS',
      Provider: 'CodeStarSourceConnection',
      Version: '1',
    });
    expect(action.Configuration).to.deep.include({
      ConnectionArn: { Ref: 'GithubConnectionArn' },
      FullRepositoryId: { 'Fn::Sub': '${GithubOwner}/${GithubRepoName}' },
    });
    expect(template.Resources).to.not.have.any.keys('SourceRepository', 'SourceEventRule');
    const arnPattern = new RegExp(template.Parameters.GithubConnectionArn.AllowedPattern);
    expect('arn:aws:codeconnections:eu-west-1:123456789012:connection/0b2c3d4e-aaaa-bbbb-cccc-0123456789ab').to.match(
      arnPattern,
    );
    expect(
      'arn:aws:codestar-connections:us-east-1:123456789012:connection/0b2c3d4e-aaaa-bbbb-cccc-0123456789ab',
    ).to.match(arnPattern);
    expect('arn:aws:iam::123456789012:role/x').to.not.match(arnPattern);
  });

  describe('buildspec', () => {
    it('is inline by default: version 0.2 YAML that installs, tests, packages and uploads', () => {
      const { template, buildspec } = generate();
      const inline = template.Resources.AppPackageBuild.Properties.Source.BuildSpec;
      expect(inline).to.equal(buildspec);
      const spec = parse(inline);
      expect(spec.version).to.equal(0.2);
      expect(spec.phases.install['runtime-versions']).to.deep.equal({ nodejs: 22 });
      const commands = ['install', 'pre_build', 'build'].flatMap((phase) => spec.phases[phase].commands);
      expect(commands).to.deep.equal([
        'npm ci',
        'npm test --if-present',
        'npx appc package /tmp/packaged --stage beta',
        'aws cloudformation package --template-file /tmp/packaged/sam.json --s3-bucket $APP_S3_BUCKET --output-template-file transformed.yaml',
      ]);
      expect(spec.artifacts).to.deep.equal({ files: ['transformed.yaml'] });
      expect(Object.keys(spec.phases)).to.deep.equal(['install', 'pre_build', 'build']);
    });

    it('with --buildspec-file, the project names the file and the template only its path', () => {
      const { template, buildspec } = generate({ buildspec: { kind: 'file', path: 'ci/buildspec.yml' } });
      expect(template.Resources.AppPackageBuild.Properties.Source).to.deep.equal({
        Type: 'CODEPIPELINE',
        BuildSpec: 'ci/buildspec.yml',
      });
      expect(parse(buildspec).phases.build.commands[0]).to.equal('npx appc package /tmp/packaged --stage beta');
    });

    it('follows --stage and --node-version', () => {
      const { template, buildspec } = generate({ stage: 'prod_eu', nodeVersion: '20' });
      const spec = parse(buildspec);
      expect(spec.phases.install['runtime-versions']).to.deep.equal({ nodejs: 20 });
      expect(spec.phases.build.commands[0]).to.equal('npx appc package /tmp/packaged --stage prod_eu');
      const deploy = stages(template)[2];
      expect(deploy.Name).to.equal('Prod_eu');
      // Stack names take no underscores.
      expect(deploy.Actions[0].Configuration.StackName).to.deep.equal({ 'Fn::Sub': '${ApplicationName}-prod-eu' });
      expect(template.Outputs.AppStackName.Value).to.deep.equal({ 'Fn::Sub': '${ApplicationName}-prod-eu' });
    });
  });

  it('rejects names the generator cannot use (the CLI checks them first)', () => {
    expect(() => generate({ appName: '1abc' })).to.throw(/internal error/);
    expect(() => generate({ stage: 'a b' })).to.throw(/internal error/);
  });

  it('turns a project name into a valid ApplicationName', () => {
    const cases: [string | undefined, string][] = [
      ['helloworld', 'helloworld'],
      ['@acme/Hello_World', 'Hello-World'],
      ['123-go', 'go'],
      ['my.app', 'my-app'],
      ['a-very-long-application-name-indeed', 'a-very-long-applicat'],
      ['___', 'appc-app'],
      [undefined, 'appc-app'],
      ['abcdefghijklmnopqrs-tu', 'abcdefghijklmnopqrs'],
    ];
    for (const [name, expected] of cases) {
      expect(toApplicationName(name), String(name)).to.equal(expected);
      expect(expected).to.match(APPLICATION_NAME_PATTERN);
    }
  });

  it('the checks catch a broken template (so a green run means something)', () => {
    const { template } = generate();
    const broken = JSON.parse(JSON.stringify(template));
    broken.Resources.AppPackageBuild.Properties.Enviroment = broken.Resources.AppPackageBuild.Properties.Environment;
    delete broken.Resources.AppPackageBuild.Properties.Environment;
    broken.Resources.AppPipeline.Properties.ArtifactStore.Location = { Ref: 'ArtifactBucket' };
    broken.Resources.AppPipeline.Properties.RoleArn = { 'Fn::GetAtt': ['CodePipelineRole', 'Name'] };
    expect(checkResourceSpec(broken)).to.have.members([
      'Resources.AppPackageBuild.Properties: required property Environment is missing',
      'Resources.AppPackageBuild.Properties: unknown property Enviroment of AWS::CodeBuild::Project',
    ]);
    expect(checkReferences(broken)).to.have.length(2);
  });
});
