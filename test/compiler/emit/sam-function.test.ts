import { expect } from 'chai';
import { appModel, functionConfig, pureFn, resolvedConfig, route } from './builders';
import { samFor } from './sam-helpers';

describe('emitSam: function properties from the resolved config', () => {
  const model = appModel({ routes: [route('/')], functions: [pureFn('worker')] });

  it('writes every optional property, in Chalice order, only for the function configured', () => {
    const config = resolvedConfig(model, {
      functions: {
        worker: {
          lambdaTimeout: 300,
          lambdaMemorySize: 1024,
          xray: true,
          environmentVariables: { TABLE: 'users', MODE: 'prod' },
          subnetIds: ['subnet-1'],
          securityGroupIds: ['sg-1'],
          reservedConcurrency: 0,
          layers: ['arn:aws:lambda:us-east-1:123:layer:l:1'],
        },
      },
    });
    const sam = samFor(model, config);
    const worker = sam.Resources.Worker.Properties;
    expect(Object.keys(worker)).to.deep.equal([
      'Runtime',
      'Handler',
      'CodeUri',
      'Tags',
      'Tracing',
      'Timeout',
      'MemorySize',
      'Environment',
      'VpcConfig',
      'ReservedConcurrentExecutions',
      'Layers',
      'Role',
    ]);
    expect(worker).to.deep.include({
      Tracing: 'Active',
      Timeout: 300,
      MemorySize: 1024,
      ReservedConcurrentExecutions: 0,
      Environment: { Variables: { TABLE: 'users', MODE: 'prod' } },
      VpcConfig: { SecurityGroupIds: ['sg-1'], SubnetIds: ['subnet-1'] },
      Layers: ['arn:aws:lambda:us-east-1:123:layer:l:1'],
    });
    expect(Object.keys(sam.Resources.APIHandler.Properties)).to.deep.equal([
      'Runtime',
      'Handler',
      'CodeUri',
      'Tags',
      'Tracing',
      'Timeout',
      'MemorySize',
      'Role',
    ]);
  });

  it('leaves VpcConfig out unless both subnets and security groups are given', () => {
    const config = resolvedConfig(model, { functions: { worker: { subnetIds: ['subnet-1'] } } });
    expect(samFor(model, config).Resources.Worker.Properties).not.to.have.property('VpcConfig');
  });

  it('puts the configured tags first and the appc tag last, not overridable', () => {
    const config = resolvedConfig(model, {
      stage: 'prod',
      appName: 'configured',
      all: { tags: { appc: 'mine', team: 'web', cost: 'x' } },
    });
    const tags = samFor(model, config).Resources.Worker.Properties.Tags;
    expect(Object.entries(tags)).to.deep.equal([
      ['team', 'web'],
      ['cost', 'x'],
      ['appc', 'version=0.1.0:stage=prod:app=configured'],
    ]);
  });

  it('names the app by the code when the config has no app_name', () => {
    const config = resolvedConfig(model, { stage: 'beta' });
    expect(samFor(model, config).Resources.APIHandler.Properties.Tags.appc).to.equal(
      'version=0.1.0:stage=beta:app=testapp',
    );
  });

  it('gives a function the config does not list the stage defaults', () => {
    const config = { ...resolvedConfig(model), functions: {}, defaultFunction: functionConfig({ lambdaTimeout: 9 }) };
    const sam = samFor(model, config);
    expect(sam.Resources.Worker.Properties.Timeout).to.equal(9);
    expect(sam.Resources.APIHandler.Properties.Timeout).to.equal(9);
  });

  it('does not share the config objects with the template', () => {
    const config = resolvedConfig(model, { all: { environmentVariables: { A: '1' }, layers: ['arn:l'] } });
    const worker = samFor(model, config).Resources.Worker.Properties;
    worker.Environment.Variables.B = '2';
    worker.Layers.push('arn:other');
    expect(config.functions.worker.environmentVariables).to.deep.equal({ A: '1' });
    expect(config.functions.worker.layers).to.deep.equal(['arn:l']);
  });
});

describe('emitSam: lambda_source_maps', () => {
  const model = appModel({ routes: [route('/')], functions: [pureFn('worker')] });

  it("enables Node's source maps on every function with NODE_OPTIONS, before options the config sets", () => {
    const config = resolvedConfig(model, {
      lambdaSourceMaps: true,
      functions: { worker: { environmentVariables: { TABLE: 'users', NODE_OPTIONS: '--max-old-space-size=256' } } },
    });
    const sam = samFor(model, config);
    expect(sam.Resources.APIHandler.Properties.Environment).to.deep.equal({
      Variables: { NODE_OPTIONS: '--enable-source-maps' },
    });
    expect(sam.Resources.Worker.Properties.Environment).to.deep.equal({
      Variables: { TABLE: 'users', NODE_OPTIONS: '--enable-source-maps --max-old-space-size=256' },
    });
  });

  it('leaves NODE_OPTIONS as configured when it already enables them, and alone without the setting', () => {
    const own = { environmentVariables: { NODE_OPTIONS: '--enable-source-maps --trace-warnings' } };
    const withMaps = samFor(model, resolvedConfig(model, { lambdaSourceMaps: true, functions: { worker: own } }));
    expect(withMaps.Resources.Worker.Properties.Environment).to.deep.equal({ Variables: own.environmentVariables });
    const without = samFor(model, resolvedConfig(model, { functions: { worker: own } }));
    expect(without.Resources.Worker.Properties.Environment).to.deep.equal({ Variables: own.environmentVariables });
    expect(without.Resources.APIHandler.Properties).not.to.have.property('Environment');
  });
});

describe('emitSam: log groups', () => {
  it('puts a log group before its function, naming the real logical ID', () => {
    const model = appModel({ functions: [pureFn('worker')] });
    const sam = samFor(model, resolvedConfig(model, { functions: { worker: { logRetentionInDays: 14 } } }));
    expect(Object.keys(sam.Resources)).to.deep.equal(['WorkerLogGroup', 'DefaultRole', 'Worker']);
    expect(sam.Resources.WorkerLogGroup).to.deep.equal({
      Type: 'AWS::Logs::LogGroup',
      Properties: { LogGroupName: { 'Fn::Sub': '/aws/lambda/${Worker}' }, RetentionInDays: 14 },
    });
  });

  it('points the API handler log group at APIHandler, fixing Chalice', () => {
    const model = appModel({ routes: [route('/')] });
    const sam = samFor(model, resolvedConfig(model, { all: { logRetentionInDays: 7 } }));
    expect(Object.keys(sam.Resources)).to.deep.equal([
      'ApiHandlerLogGroup',
      'DefaultRole',
      'RestAPI',
      'APIHandler',
      'APIHandlerInvokePermission',
    ]);
    expect(sam.Resources.ApiHandlerLogGroup.Properties.LogGroupName).to.deep.equal({
      'Fn::Sub': '/aws/lambda/${APIHandler}',
    });
  });
});
