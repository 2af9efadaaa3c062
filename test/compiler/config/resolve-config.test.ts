import { expect } from 'chai';
import type { RawConfig } from '../../../src/compiler/config/raw-config';
import { functionConfig, resolveConfig } from '../../../src/compiler/config/resolve-config';

const memory = (raw: RawConfig, stage = 'dev', fn = 'worker') =>
  functionConfig(resolveConfig(raw, stage, [fn]), fn).lambdaMemorySize;

describe('resolveConfig: defaults', () => {
  it("gives Chalice's defaults for an empty file", () => {
    const resolved = resolveConfig({});
    expect(resolved).to.deep.include({
      stage: 'dev',
      appName: undefined,
      version: '2.0',
      apiGatewayStage: 'api',
      apiGatewayEndpointType: 'EDGE',
      apiGatewayEndpointVpce: undefined,
      apiGatewayPolicyFile: undefined,
      minimumCompressionSize: undefined,
      bundleAwsSdk: false,
      stageVariables: {},
      lambdaAlias: undefined,
      deploymentPreference: undefined,
      apiGatewayThrottling: undefined,
      apiGatewayAccessLog: undefined,
    });
    expect(resolved.functions.api_handler).to.deep.equal({
      lambdaRuntime: 'nodejs24.x',
      lambdaArchitecture: 'x86_64',
      lambdaTimeout: 60,
      lambdaMemorySize: 128,
      environmentVariables: {},
      tags: {},
      manageIamRole: true,
      iamRoleArn: undefined,
      autogenPolicy: true,
      iamPolicyFile: undefined,
      xray: false,
      subnetIds: [],
      securityGroupIds: [],
      reservedConcurrency: undefined,
      layers: [],
      logRetentionInDays: undefined,
    });
  });

  it('has an entry for api_handler and for each given name', () => {
    expect(Object.keys(resolveConfig({}, 'dev', ['worker', 'everyHour']).functions)).to.deep.equal([
      'api_handler',
      'worker',
      'everyHour',
    ]);
  });

  it('also has an entry for each lambda_functions name of the file, top level and stage', () => {
    const raw: RawConfig = {
      lambda_functions: { a: {} },
      stages: { dev: { lambda_functions: { b: {} } }, prod: { lambda_functions: { c: {} } } },
    };
    expect(Object.keys(resolveConfig(raw, 'dev').functions)).to.deep.equal(['api_handler', 'a', 'b']);
  });

  it('defaults the stage to dev', () => {
    expect(resolveConfig({ stages: { dev: { lambda_timeout: 5 } } }).functions.api_handler.lambdaTimeout).to.equal(5);
  });

  it('keeps the version and app name of the file', () => {
    expect(resolveConfig({ version: '1.0', app_name: 'demo' })).to.deep.include({ version: '1.0', appName: 'demo' });
  });
});

describe('resolveConfig: lambda_runtime and lambda_architecture', () => {
  const raw: RawConfig = {
    lambda_runtime: 'nodejs22.x',
    lambda_functions: { worker: { lambda_architecture: 'arm64' } },
    stages: { prod: { lambda_runtime: 'nodejs24.x', lambda_functions: { worker: { lambda_runtime: 'nodejs22.x' } } } },
  };
  const settings = (stage: string, fn: string) => {
    const { lambdaRuntime, lambdaArchitecture } = functionConfig(resolveConfig(raw, stage, ['worker', 'other']), fn);
    return [lambdaRuntime, lambdaArchitecture];
  };

  it('default to the newest Node.js runtime and x86_64, whatever Node runs appc', () => {
    expect(functionConfig(resolveConfig({}), 'api_handler')).to.deep.include({
      lambdaRuntime: 'nodejs24.x',
      lambdaArchitecture: 'x86_64',
    });
  });

  it('follow the per-function precedence: stage function > stage > top-level function > top level', () => {
    expect(settings('dev', 'api_handler')).to.deep.equal(['nodejs22.x', 'x86_64']);
    expect(settings('dev', 'worker')).to.deep.equal(['nodejs22.x', 'arm64']);
    expect(settings('prod', 'other')).to.deep.equal(['nodejs24.x', 'x86_64']);
    expect(settings('prod', 'worker')).to.deep.equal(['nodejs22.x', 'arm64']);
  });
});

describe('resolveConfig: scalar precedence (as in `chalice package`)', () => {
  it('top level beats defaults', () => {
    expect(memory({ lambda_memory_size: 256 })).to.equal(256);
  });

  it('top-level lambda_functions.<fn> beats top level', () => {
    expect(memory({ lambda_memory_size: 256, lambda_functions: { worker: { lambda_memory_size: 512 } } })).to.equal(
      512,
    );
  });

  it("stage beats top-level lambda_functions.<fn> (Chalice: stage-wide 1024 beats the function's 2048)", () => {
    const raw: RawConfig = {
      lambda_functions: { worker: { lambda_memory_size: 2048 } },
      stages: { prod: { lambda_memory_size: 1024 } },
    };
    expect(memory(raw, 'prod')).to.equal(1024);
    expect(memory(raw, 'dev')).to.equal(2048);
  });

  it('stage lambda_functions.<fn> beats the stage', () => {
    const raw: RawConfig = {
      stages: { prod: { lambda_memory_size: 1024, lambda_functions: { worker: { lambda_memory_size: 3008 } } } },
    };
    expect(memory(raw, 'prod')).to.equal(3008);
  });

  it('a function entry applies to that function only', () => {
    const resolved = resolveConfig({ lambda_functions: { worker: { lambda_timeout: 5 } } }, 'dev', ['worker', 'other']);
    expect([
      resolved.functions.worker.lambdaTimeout,
      resolved.functions.other.lambdaTimeout,
      resolved.functions.api_handler.lambdaTimeout,
    ]).to.deep.equal([5, 60, 60]);
  });

  it('api_handler entries configure the API handler', () => {
    expect(resolveConfig({ lambda_functions: { api_handler: { xray: true } } }).functions.api_handler.xray).to.equal(
      true,
    );
  });

  it('null counts as unset at every level', () => {
    const raw: RawConfig = {
      lambda_memory_size: 256,
      stages: { dev: { lambda_memory_size: null, lambda_functions: { worker: { lambda_memory_size: null } } } },
    };
    expect(memory(raw)).to.equal(256);
  });

  it('false, 0 and [] count as set', () => {
    const raw: RawConfig = {
      xray: true,
      reserved_concurrency: 10,
      layers: ['arn:aws:lambda:us-east-1:123456789012:layer:a:1'],
      stages: { dev: { xray: false, reserved_concurrency: 0, layers: [] } },
    };
    const fn = resolveConfig(raw).functions.api_handler;
    expect([fn.xray, fn.reservedConcurrency, fn.layers]).to.deep.equal([false, 0, []]);
  });

  it('a stage absent from the file uses the top level', () => {
    const raw: RawConfig = { lambda_timeout: 30, stages: { prod: { lambda_timeout: 10 } } };
    expect(resolveConfig(raw, 'qa').functions.api_handler.lambdaTimeout).to.equal(30);
  });

  it('resolves every per-function key through the same chain', () => {
    const raw: RawConfig = {
      stages: {
        dev: {
          lambda_functions: {
            worker: {
              manage_iam_role: false,
              iam_role_arn: 'arn:aws:iam::123456789012:role/r',
              autogen_policy: false,
              iam_policy_file: 'p.json',
              subnet_ids: ['subnet-1'],
              security_group_ids: ['sg-1'],
              log_retention_in_days: 14,
              lambda_timeout: 3,
            },
          },
        },
      },
    };
    expect(resolveConfig(raw, 'dev', ['worker']).functions.worker).to.deep.include({
      manageIamRole: false,
      iamRoleArn: 'arn:aws:iam::123456789012:role/r',
      autogenPolicy: false,
      iamPolicyFile: 'p.json',
      subnetIds: ['subnet-1'],
      securityGroupIds: ['sg-1'],
      logRetentionInDays: 14,
      lambdaTimeout: 3,
    });
  });
});

describe('resolveConfig: stage-level keys', () => {
  it('stage beats top level, which beats defaults', () => {
    const raw: RawConfig = {
      api_gateway_stage: 'v1',
      minimum_compression_size: 0,
      stages: { prod: { api_gateway_stage: 'v2' } },
    };
    expect(resolveConfig(raw, 'prod')).to.deep.include({ apiGatewayStage: 'v2', minimumCompressionSize: 0 });
    expect(resolveConfig(raw, 'dev').apiGatewayStage).to.equal('v1');
  });

  it('wraps a single VPC endpoint id in a list', () => {
    const raw: RawConfig = { api_gateway_endpoint_type: 'PRIVATE', api_gateway_endpoint_vpce: 'vpce-1' };
    expect(resolveConfig(raw).apiGatewayEndpointVpce).to.deep.equal(['vpce-1']);
  });

  it('reads endpoint type, policy file and bundle_aws_sdk per stage', () => {
    const raw: RawConfig = {
      stages: {
        dev: { api_gateway_endpoint_type: 'PRIVATE', api_gateway_policy_file: 'api.json', bundle_aws_sdk: true },
      },
    };
    expect(resolveConfig(raw)).to.deep.include({
      apiGatewayEndpointType: 'PRIVATE',
      apiGatewayPolicyFile: 'api.json',
      bundleAwsSdk: true,
    });
  });
});

describe('resolveConfig: environment_variables and tags merge (as in Chalice)', () => {
  const raw: RawConfig = {
    environment_variables: { A: 'top', B: 'top', C: 'top', D: 'top' },
    lambda_functions: { worker: { environment_variables: { B: 'topfn', E: 'topfn' } } },
    stages: {
      prod: {
        environment_variables: { C: 'stage', B: 'stage' },
        lambda_functions: { worker: { environment_variables: { D: 'stagefn' } } },
      },
    },
  };

  it('merges key by key: top < top-level function < stage < stage function', () => {
    expect(resolveConfig(raw, 'prod', ['worker']).functions.worker.environmentVariables).to.deep.equal({
      A: 'top',
      B: 'stage',
      C: 'stage',
      D: 'stagefn',
      E: 'topfn',
    });
  });

  it("merges the top-level lambda_functions entry, which Chalice ignores (appc's choice)", () => {
    expect(resolveConfig(raw, 'dev', ['worker']).functions.worker.environmentVariables).to.deep.equal({
      A: 'top',
      B: 'topfn',
      C: 'top',
      D: 'top',
      E: 'topfn',
    });
  });

  it('keeps the first position of an overridden key', () => {
    expect(Object.keys(resolveConfig(raw, 'prod', ['worker']).functions.worker.environmentVariables)).to.deep.equal([
      'A',
      'B',
      'C',
      'D',
      'E',
    ]);
  });

  it("does not give one function another function's values", () => {
    expect(resolveConfig(raw, 'prod', ['other']).functions.other.environmentVariables).to.deep.equal({
      A: 'top',
      B: 'stage',
      C: 'stage',
      D: 'top',
    });
  });

  it('merges tags the same way', () => {
    const tags: RawConfig = {
      tags: { team: 'a', cost: 'x' },
      stages: { dev: { tags: { team: 'b' }, lambda_functions: { api_handler: { tags: { tier: 'web' } } } } },
    };
    expect(resolveConfig(tags).functions.api_handler.tags).to.deep.equal({ team: 'b', cost: 'x', tier: 'web' });
  });

  it('skips a null dict', () => {
    expect(
      resolveConfig({ environment_variables: { A: 'x' }, stages: { dev: { environment_variables: null } } }).functions
        .api_handler.environmentVariables,
    ).to.deep.equal({ A: 'x' });
  });
});

describe('resolveConfig: the result', () => {
  it('is deeply frozen', () => {
    const resolved = resolveConfig({
      environment_variables: { A: 'x' },
      layers: ['arn:aws:lambda:us-east-1:123456789012:layer:a:1'],
    });
    expect(Object.isFrozen(resolved)).to.equal(true);
    expect(Object.isFrozen(resolved.functions)).to.equal(true);
    expect(Object.isFrozen(resolved.functions.api_handler.environmentVariables)).to.equal(true);
    expect(Object.isFrozen(resolved.functions.api_handler.layers)).to.equal(true);
  });

  it('leaves the raw config mutable and unchanged', () => {
    const raw: RawConfig = { layers: ['arn:aws:lambda:us-east-1:123456789012:layer:a:1'] };
    resolveConfig(raw);
    expect(Object.isFrozen(raw.layers)).to.equal(false);
  });

  it("functionConfig gives a name without an entry the stage's settings", () => {
    const resolved = resolveConfig({ lambda_timeout: 9, lambda_functions: { api_handler: { lambda_timeout: 1 } } });
    expect(functionConfig(resolved, 'unknown').lambdaTimeout).to.equal(9);
    expect(functionConfig(resolved, 'api_handler').lambdaTimeout).to.equal(1);
  });

  it('treats names like constructor and __proto__ as plain names', () => {
    const raw = JSON.parse('{"lambda_functions": {"__proto__": {"lambda_timeout": 7}}}') as RawConfig;
    const resolved = resolveConfig(raw, 'dev', ['constructor', '__proto__']);
    expect(functionConfig(resolved, 'constructor').lambdaTimeout).to.equal(60);
    expect(functionConfig(resolved, '__proto__').lambdaTimeout).to.equal(7);
  });
});

describe('resolveConfig: api_gateway_custom_domain', () => {
  const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/abc';
  const domainOf = (urlPrefix?: string) =>
    resolveConfig({
      api_gateway_custom_domain: { domain_name: 'api.example.com', certificate_arn: CERT, url_prefix: urlPrefix },
    }).apiGatewayCustomDomain;

  it("defaults the base path to API Gateway's (none) and the TLS policy to TLS_1_2, as Chalice does", () => {
    expect(domainOf()).to.deep.equal({
      domainName: 'api.example.com',
      certificateArn: CERT,
      basePath: '(none)',
      tlsVersion: 'TLS_1_2',
      tags: {},
    });
    expect(domainOf('/')?.basePath).to.equal('(none)');
  });

  it('drops the slashes around url_prefix, which BasePath does not take', () => {
    expect(['v1', '/v1', '/v1/', 'api/v1'].map((p) => domainOf(p)?.basePath)).to.deep.equal([
      'v1',
      'v1',
      'v1',
      'api/v1',
    ]);
  });

  it('is per stage: the stage block replaces the top-level domain whole, and is absent when none is set', () => {
    const raw: RawConfig = {
      api_gateway_custom_domain: { domain_name: 'api.example.com', certificate_arn: CERT, tags: { a: '1' } },
      stages: { prod: { api_gateway_custom_domain: { domain_name: 'prod.example.com', certificate_arn: CERT } } },
    };
    expect(resolveConfig(raw, 'prod').apiGatewayCustomDomain).to.include({ domainName: 'prod.example.com' });
    expect(resolveConfig(raw, 'prod').apiGatewayCustomDomain?.tags).to.deep.equal({});
    expect(resolveConfig(raw, 'dev').apiGatewayCustomDomain?.tags).to.deep.equal({ a: '1' });
    expect(resolveConfig({}).apiGatewayCustomDomain).to.equal(undefined);
  });
});

describe('resolveConfig: automatic_layer', () => {
  it('is off by default and per stage, stage over top level', () => {
    expect(resolveConfig({}).automaticLayer).to.equal(false);
    const raw: RawConfig = { automatic_layer: true, stages: { prod: { automatic_layer: false } } };
    expect([resolveConfig(raw, 'dev').automaticLayer, resolveConfig(raw, 'prod').automaticLayer]).to.deep.equal([
      true,
      false,
    ]);
  });
});

describe('resolveConfig: lambda_source_maps', () => {
  it('is off by default and per stage, stage over top level', () => {
    expect(resolveConfig({}).lambdaSourceMaps).to.equal(false);
    const raw: RawConfig = { lambda_source_maps: true, stages: { prod: { lambda_source_maps: false }, dev: {} } };
    expect([resolveConfig(raw, 'dev').lambdaSourceMaps, resolveConfig(raw, 'prod').lambdaSourceMaps]).to.deep.equal([
      true,
      false,
    ]);
  });
});

describe('resolveConfig: websocket_api_custom_domain', () => {
  const CERT = 'arn:aws:acm:eu-west-1:123456789012:certificate/abc';

  it('resolves as the REST domain does, per stage, and apart from it', () => {
    const raw: RawConfig = {
      api_gateway_custom_domain: { domain_name: 'api.example.com', certificate_arn: CERT },
      websocket_api_custom_domain: { domain_name: 'ws.example.com', certificate_arn: CERT, url_prefix: '/chat/v1/' },
      stages: { prod: { websocket_api_custom_domain: null } },
    };
    expect(resolveConfig(raw).websocketApiCustomDomain).to.deep.equal({
      domainName: 'ws.example.com',
      certificateArn: CERT,
      basePath: 'chat/v1',
      tlsVersion: 'TLS_1_2',
      tags: {},
    });
    expect(resolveConfig(raw).apiGatewayCustomDomain?.domainName).to.equal('api.example.com');
    // A JSON null counts as unset: the top-level domain applies (Chalice's lookup).
    expect(resolveConfig(raw, 'prod').websocketApiCustomDomain?.domainName).to.equal('ws.example.com');
    expect(resolveConfig({}).websocketApiCustomDomain).to.equal(undefined);
  });
});
