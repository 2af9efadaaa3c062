import { expect } from 'chai';
import { appModel, pureFn, resolvedConfig, route } from './builders';
import { samFor } from './sam-helpers';

describe('emitSam: automatic_layer (ManagedLayer)', () => {
  const model = appModel({ routes: [route('/')], functions: [pureFn('worker')] });
  const config = resolvedConfig(model, {
    automaticLayer: true,
    functions: { worker: { lambdaRuntime: 'nodejs22.x', layers: ['arn:aws:lambda:us-east-1:123456789012:layer:x:1'] } },
  });

  it('emits the layer once, before the first function, named and typed as Chalice does', () => {
    const sam = samFor(model, config, { managedLayer: true });
    expect(Object.keys(sam.Resources).slice(0, 3)).to.deep.equal(['ManagedLayer', 'DefaultRole', 'Worker']);
    expect(sam.Resources.ManagedLayer).to.deep.equal({
      Type: 'AWS::Serverless::LayerVersion',
      Properties: {
        CompatibleRuntimes: ['nodejs22.x', 'nodejs24.x'],
        ContentUri: './layer-deployment.zip',
        LayerName: 'testapp-dev-managed-layer',
      },
    });
  });

  it('attaches it to every function, before the configured layers', () => {
    const sam = samFor(model, config, { managedLayer: true });
    expect(sam.Resources.Worker.Properties.Layers).to.deep.equal([
      { Ref: 'ManagedLayer' },
      'arn:aws:lambda:us-east-1:123456789012:layer:x:1',
    ]);
    expect(sam.Resources.APIHandler.Properties.Layers).to.deep.equal([{ Ref: 'ManagedLayer' }]);
  });

  it('emits nothing when no layer zip was written (no dependencies)', () => {
    const sam = samFor(model, config);
    expect(sam.Resources).to.not.have.property('ManagedLayer');
    expect(sam.Resources.APIHandler.Properties).to.not.have.property('Layers');
  });
});
