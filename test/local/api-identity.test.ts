/**
 * The API `appc local` and the test client play: its stage variables are the deployed stage's
 * (README "Stages"), `LAMBDA_ALIAS` included, so `request.stageVars` reads the same locally.
 */
import { expect } from 'chai';
import { apiIdentity } from '../../src/local/api-gateway';
import { appModel, resolvedConfig } from '../compiler/emit/builders';

describe('apiIdentity', () => {
  it("carries the stage's variables and LAMBDA_ALIAS, as the template's stage Variables", () => {
    const config = { ...resolvedConfig(appModel()), stageVariables: { TABLE: 'orders' }, lambdaAlias: 'live' };
    expect(apiIdentity(config).stageVariables).to.deep.equal({ TABLE: 'orders', LAMBDA_ALIAS: 'live' });
  });

  it('has null stage variables when the stage has none, as API Gateway sends them', () => {
    expect(apiIdentity(resolvedConfig(appModel())).stageVariables).to.equal(null);
  });
});
