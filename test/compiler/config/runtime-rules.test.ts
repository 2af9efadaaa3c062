import { expect } from 'chai';
import { parseConfig } from '../../../src/compiler/config/load-config';
import type { RawConfig } from '../../../src/compiler/config/raw-config';
import { runtimeRuleDiagnostics } from '../../../src/compiler/config/runtime-rules';

const TODAY = new Date('2026-12-02T09:00:00Z');

function check(config: RawConfig, stage: string, functions: string[]) {
  const loaded = parseConfig(JSON.stringify(config, null, 2), { stage });
  expect(loaded.diagnostics).to.deep.equal([]);
  return runtimeRuleDiagnostics({ raw: loaded.raw, stage, functions, today: TODAY, document: loaded.document }).map(
    (d) =>
      `${d.code} ${d.location ? `${d.location.line}:${d.location.column} ` : ''}${d.message.split(' can no longer')[0]}`,
  );
}

describe('runtimeRuleDiagnostics: where a runtime was set', () => {
  it('reports a value once, at the value, however many functions use it', () => {
    const config: RawConfig = { lambda_runtime: 'nodejs20.x' };
    expect(check(config, 'dev', ['api_handler', 'worker', 'nightly'])).to.deep.equal([
      'APPC413 2:21 lambda_runtime nodejs20.x',
    ]);
  });

  it('reports each place that sets a blocked runtime for a function of the stage being packaged', () => {
    const config: RawConfig = {
      lambda_runtime: 'nodejs24.x',
      lambda_functions: { worker: { lambda_runtime: 'nodejs18.x' } },
      stages: { prod: { lambda_functions: { nightly: { lambda_runtime: 'nodejs16.x' } } } },
    };
    expect(check(config, 'prod', ['api_handler', 'worker', 'nightly'])).to.deep.equal([
      'APPC413 5:25 lambda_functions.worker.lambda_runtime nodejs18.x',
      'APPC413 12:29 stages.prod.lambda_functions.nightly.lambda_runtime nodejs16.x',
    ]);
  });

  it("ignores values no function of the stage uses: another stage's, an unknown function's, an overridden one", () => {
    const config: RawConfig = {
      lambda_runtime: 'nodejs20.x',
      lambda_functions: { gone: { lambda_runtime: 'nodejs18.x' } },
      stages: { dev: { lambda_runtime: 'nodejs24.x' }, legacy: { lambda_runtime: 'nodejs16.x' } },
    };
    expect(check(config, 'dev', ['api_handler', 'worker'])).to.deep.equal([]);
  });

  it("checks appc's default, without a location, when nothing sets the runtime", () => {
    const diagnostics = runtimeRuleDiagnostics({
      raw: {},
      stage: 'dev',
      functions: ['api_handler'],
      today: new Date('2028-05-01'),
      document: undefined,
    });
    expect(diagnostics.map((d) => [d.code, d.location, d.message.split(':')[0]])).to.deep.equal([
      ['APPC415', undefined, 'the default lambda_runtime nodejs24.x is deprecated since 2028-04-30'],
    ]);
  });
});
