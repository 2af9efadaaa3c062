import { expect } from 'chai';
import { parseConfig } from '../../../src/compiler/config/load-config';
import { DEFAULT_ACCESS_LOG_FORMAT, resolveConfig } from '../../../src/compiler/config/resolve-config';
import { apiStageVariables } from '../../../src/compiler/config/stage-variables';

/** `code line:col message` of each diagnostic. */
function problems(config: unknown, stage?: string): string[] {
  return parseConfig(JSON.stringify(config, null, 2), { stage }).diagnostics.map(
    (d) => `${d.code} ${d.location?.line}:${d.location?.column} ${d.message}`,
  );
}

describe('config: stage variables, alias, deployment preference, API stage settings (README "Stages")', () => {
  it("checks stage variable names and values against API Gateway's rules, at the key or value", () => {
    const config = {
      stage_variables: { 'table-name': 'orders', ok_1: 'a:b/c?d=e&f,g#h~i.j-k', bad: 'a b', long: 'x'.repeat(513) },
    };
    expect(problems(config)).to.deep.equal([
      `APPC103 3:5 key "table-name" in stage_variables must be 1 to 64 letters, digits or _ (API Gateway's rule for stage variable names)`,
      `APPC103 5:12 stage_variables.bad must be 1 to 512 letters, digits or -._~:/?#&=, (API Gateway's rule for stage variable values)`,
      `APPC103 6:13 stage_variables.long must be 1 to 512 letters, digits or -._~:/?#&=, (API Gateway's rule for stage variable values)`,
    ]);
    expect(problems({ stage_variables: { ['n'.repeat(64)]: 'v', ['m'.repeat(65)]: 'v' } })).to.have.length(1);
  });

  it('rejects a deployment preference without an alias, in each stage that resolves so (APPC120)', () => {
    const config = {
      deployment_preference: { type: 'AllAtOnce' },
      stages: { dev: {}, prod: { lambda_alias: 'live' } },
    };
    expect(problems(config)).to.deep.equal([
      'APPC120 2:3 deployment_preference is set but lambda_alias is not (stage "dev")',
    ]);
    expect(problems({ lambda_alias: 'live', deployment_preference: { type: 'AllAtOnce' } })).to.deep.equal([]);
  });

  it('rejects an unknown deployment type with the nearest one, and a preference without a type', () => {
    expect(
      problems({ lambda_alias: 'live', deployment_preference: { type: 'Linear10PercentEvery5Minutes' } }),
    ).to.deep.equal([
      'APPC103 4:13 deployment_preference.type must be one of "Canary10Percent5Minutes", "Canary10Percent10Minutes", "Canary10Percent15Minutes", "Canary10Percent30Minutes", "Linear10PercentEvery1Minute", "Linear10PercentEvery2Minutes", "Linear10PercentEvery3Minutes", "Linear10PercentEvery10Minutes", "AllAtOnce"',
    ]);
    expect(problems({ lambda_alias: 'live', deployment_preference: { alarms: ['high-errors'] } })).to.deep.equal([
      "APPC103 3:28 deployment_preference must have required property 'type'",
    ]);
  });

  it('suggests the keys of a nested setting for an unknown one', () => {
    const { diagnostics } = parseConfig('{"api_gateway_throttling": {"burst": 10}}');
    expect(diagnostics.map((d) => [d.message, d.remedy])).to.deep.equal([
      ['unknown key api_gateway_throttling.burst', 'Remove it; api_gateway_throttling takes rate_limit, burst_limit.'],
    ]);
  });

  it("checks the alias name against Lambda's rule", () => {
    expect(problems({ lambda_alias: '2024' })[0]).to.match(/^APPC103 2:19 lambda_alias must be 1 to 128 letters/);
    expect(problems({ lambda_alias: 'live_2024-b' })).to.deep.equal([]);
  });

  it('rejects a LAMBDA_ALIAS stage variable next to lambda_alias (APPC125), and over 100 variables (APPC122)', () => {
    expect(
      problems({ lambda_alias: 'live', stages: { prod: { stage_variables: { LAMBDA_ALIAS: 'x' } } } }),
    ).to.deep.equal([
      'APPC125 6:9 stages.prod.stage_variables.LAMBDA_ALIAS is set, but lambda_alias sets the LAMBDA_ALIAS stage variable (stage "prod")',
    ]);
    expect(problems({ stage_variables: { LAMBDA_ALIAS: 'x' } })).to.deep.equal([]);
    const hundred = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`V${i}`, 'x']));
    expect(problems({ stage_variables: hundred })).to.deep.equal([]);
    expect(problems({ stage_variables: hundred, stages: { prod: { lambda_alias: 'live' } } })).to.deep.equal([
      'APPC122 2:3 the API stage would have 101 stage variables, LAMBDA_ALIAS included; API Gateway allows 100 (stage "prod")',
    ]);
  });

  it('requires $context.requestId or $context.extendedRequestId in an access log format, on one line', () => {
    const rule = `must be one line that includes $context.requestId or $context.extendedRequestId (API Gateway's rule for access log formats)`;
    expect(problems({ api_gateway_access_log: { format: '$context.status' } })).to.deep.equal([
      `APPC103 3:15 api_gateway_access_log.format ${rule}`,
    ]);
    expect(problems({ api_gateway_access_log: { format: '$context.requestId\n$context.status' } })).to.have.length(1);
    expect(
      problems({ api_gateway_access_log: { format: '$context.extendedRequestId $context.status' } }),
    ).to.deep.equal([]);
  });
});

describe('resolveConfig: stage settings', () => {
  it('merges stage variables key by key, the stage winning, and adds LAMBDA_ALIAS to the API stage', () => {
    const resolved = resolveConfig(
      {
        stage_variables: { TABLE: 'dev-orders', MODE: 'test' },
        lambda_alias: 'live',
        stages: { prod: { stage_variables: { TABLE: 'orders' } } },
      },
      'prod',
    );
    expect(resolved.stageVariables).to.deep.equal({ TABLE: 'orders', MODE: 'test' });
    expect(apiStageVariables(resolved)).to.deep.equal({ TABLE: 'orders', MODE: 'test', LAMBDA_ALIAS: 'live' });
    expect(apiStageVariables(resolveConfig({}))).to.deep.equal({});
  });

  it('reads the deployment preference, throttling and access log of the stage, the stage winning', () => {
    const resolved = resolveConfig(
      {
        lambda_alias: 'live',
        deployment_preference: { type: 'AllAtOnce' },
        api_gateway_throttling: { rate_limit: 1 },
        stages: {
          prod: {
            deployment_preference: {
              type: 'Canary10Percent5Minutes',
              alarms: ['errors'],
              hooks: { pre_traffic: 'smoke' },
            },
            api_gateway_access_log: { retention_in_days: 30 },
          },
        },
      },
      'prod',
    );
    expect(resolved).to.deep.include({
      lambdaAlias: 'live',
      deploymentPreference: {
        type: 'Canary10Percent5Minutes',
        alarms: ['errors'],
        preTraffic: 'smoke',
        postTraffic: undefined,
      },
      apiGatewayThrottling: { rateLimit: 1, burstLimit: undefined },
      apiGatewayAccessLog: { format: DEFAULT_ACCESS_LOG_FORMAT, retentionInDays: 30 },
    });
    expect(DEFAULT_ACCESS_LOG_FORMAT).to.match(/\$context\.requestId/);
    expect(JSON.parse(DEFAULT_ACCESS_LOG_FORMAT)).to.have.property('requestId', '$context.requestId');
  });
});
