import * as fs from 'node:fs';
import { expect } from 'chai';
import { CONFIG_SCHEMA_PATH, configSchemaValidator, knownKeys } from '../../../src/compiler/config/config-schema';

const accepts = (config: unknown) => configSchemaValidator()(config) === true;

const ROLE = 'arn:aws:iam::123456789012:role/demo';
const LAYER = 'arn:aws:lambda:us-east-1:123456789012:layer:deps:3';

/** Every key at every level it is allowed. */
const FULL = {
  $schema: '../node_modules/appc/schemas/config.schema.json',
  version: '2.0',
  app_name: 'demo',
  api_gateway_stage: 'api',
  api_gateway_endpoint_type: 'PRIVATE',
  api_gateway_endpoint_vpce: ['vpce-0a1b'],
  minimum_compression_size: 0,
  bundle_aws_sdk: true,
  manage_iam_role: false,
  iam_role_arn: ROLE,
  autogen_policy: false,
  iam_policy_file: 'policy.json',
  environment_variables: { TABLE: 'users' },
  tags: { team: 'web' },
  lambda_timeout: 900,
  lambda_memory_size: 10240,
  reserved_concurrency: 0,
  layers: [LAYER],
  subnet_ids: ['subnet-0a'],
  security_group_ids: ['sg-0a'],
  xray: true,
  log_retention_in_days: 3653,
  lambda_runtime: 'nodejs24.x',
  lambda_architecture: 'arm64',
  lambda_functions: {
    worker: {
      lambda_runtime: 'nodejs22.x',
      lambda_architecture: 'x86_64',
      lambda_timeout: 1,
      lambda_memory_size: 128,
      environment_variables: {},
      tags: {},
      xray: null,
    },
  },
  stages: {
    prod: {
      api_gateway_stage: 'v1',
      api_gateway_endpoint_type: 'REGIONAL',
      api_gateway_endpoint_vpce: null,
      api_gateway_policy_file: 'api.json',
      minimum_compression_size: 10485760,
      lambda_functions: { api_handler: { iam_role_arn: ROLE, manage_iam_role: false } },
      environment_variables: { STAGE: 'prod' },
      log_retention_in_days: 1,
      lambda_runtime: 'nodejs22.x',
      lambda_architecture: 'x86_64',
    },
  },
};

describe('config schema', () => {
  it('is a draft-07 schema with a description on every key', () => {
    const schema = JSON.parse(fs.readFileSync(CONFIG_SCHEMA_PATH, 'utf8'));
    expect(schema.$schema).to.equal('http://json-schema.org/draft-07/schema#');
    const undocumented = Object.entries(schema.definitions as Record<string, { description?: string }>).filter(
      ([, d]) => !d.description,
    );
    expect(undocumented.map(([k]) => k)).to.deep.equal([]);
    expect(schema.properties.$schema.description).to.be.a('string');
  });

  it('accepts an empty file and a file using every key', () => {
    expect(accepts({})).to.equal(true);
    expect(accepts(FULL)).to.equal(true);
  });

  it('accepts null for any setting (unset, as in Chalice)', () => {
    expect(
      accepts({
        lambda_timeout: null,
        stages: null,
        lambda_functions: null,
        tags: null,
        api_gateway_endpoint_type: null,
      }),
    ).to.equal(true);
  });

  it('knows the keys of each level', () => {
    const keys = knownKeys();
    expect(keys.top).to.include.members(['version', 'app_name', 'stages', '$schema', ...keys.stage]);
    expect(keys.stage).to.include.members(['api_gateway_stage', 'lambda_functions', ...keys.function]);
    expect(keys.stage).to.not.include.members(['version']);
    expect(keys.function).to.not.include('api_gateway_stage');
  });

  const rejected: Array<[string, unknown]> = [
    ['an unknown top-level key', { lamda_timeout: 3 }],
    ['an unknown stage key', { stages: { dev: { foo: 1 } } }],
    ['a top-level-only key in a stage', { stages: { dev: { version: '2.0' } } }],
    ['a stage key in a function', { lambda_functions: { w: { api_gateway_stage: 'x' } } }],
    ['stages in a stage', { stages: { dev: { stages: {} } } }],
    ['version 3.0', { version: '3.0' }],
    ['a numeric version', { version: 2 }],
    ['a non-object root', []],
    ['a stage that is not an object', { stages: { dev: 'x' } }],
    ['timeout 0', { lambda_timeout: 0 }],
    ['timeout 901', { lambda_timeout: 901 }],
    ['a fractional timeout', { lambda_timeout: 1.5 }],
    ['memory 127', { lambda_memory_size: 127 }],
    ['memory 10241', { lambda_memory_size: 10241 }],
    ['compression size -1', { minimum_compression_size: -1 }],
    ['compression size over 10 MiB', { minimum_compression_size: 10485761 }],
    ['an unknown endpoint type', { api_gateway_endpoint_type: 'edge' }],
    ['a log retention CloudWatch does not offer', { log_retention_in_days: 2 }],
    ['a runtime that is not Node.js', { lambda_runtime: 'python3.13' }],
    ['a Node version instead of a runtime identifier', { lambda_runtime: '24' }],
    ['an architecture SAM does not spell so', { lambda_architecture: 'aarch64' }],
    ['a list of architectures', { lambda_functions: { w: { lambda_architecture: ['arm64'] } } }],
    ['a non-string env value', { environment_variables: { COUNT: 3 } }],
    ['a bad env name', { environment_variables: { '1X': 'a' } }],
    ['a non-string tag value', { tags: { n: 1 } }],
    ['the appc tag', { tags: { appc: 'x' } }],
    ['an aws: tag', { tags: { 'aws:x': 'y' } }],
    ['negative reserved concurrency', { reserved_concurrency: -1 }],
    ['a role name instead of an ARN', { iam_role_arn: 'demo' }],
    ['six layers', { layers: Array(6).fill(LAYER) }],
    ['a subnet id in security_group_ids', { security_group_ids: ['subnet-1'] }],
    ['a string xray', { xray: 'true' }],
    ['an empty vpce list', { api_gateway_endpoint_vpce: [] }],
    ['an empty app name', { app_name: '' }],
    ['a bad API Gateway stage name', { api_gateway_stage: 'a b' }],
  ];
  for (const [what, config] of rejected) {
    it(`rejects ${what}`, () => {
      expect(accepts(config)).to.equal(false);
    });
  }
});
