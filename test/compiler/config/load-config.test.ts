import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { loadConfig, parseConfig } from '../../../src/compiler/config/load-config';
import { formatDiagnostic } from '../../../src/compiler/diagnostics/format';

/** `code line:col message` of each diagnostic, for compact assertions. */
function problems(text: string, stage?: string): string[] {
  return parseConfig(text, { stage }).diagnostics.map(
    (d) => `${d.code} ${d.location?.line}:${d.location?.column} ${d.message}`,
  );
}

function only(text: string, stage?: string) {
  const { diagnostics } = parseConfig(text, { stage });
  expect(diagnostics, JSON.stringify(diagnostics)).to.have.length(1);
  return diagnostics[0];
}

describe('parseConfig: syntax (APPC101)', () => {
  const cases: Array<[string, string, string]> = [
    ['a trailing comma in an object', '{\n  "a": 1,\n}', 'APPC101 2:9 invalid JSON: trailing comma'],
    ['a trailing comma in an array', '{"layers": [1,\n]}', 'APPC101 1:14 invalid JSON: trailing comma'],
    ['a comment', '{\n  // note\n  "a": 1\n}', 'APPC101 2:3 invalid JSON: comments are not allowed'],
    ['a missing comma', '{"a": 1\n "b": 2}', "APPC101 2:2 invalid JSON: expected ',' or '}' after property value"],
    ['a missing value', '{"a": }', 'APPC101 1:7 invalid JSON: value expected'],
  ];
  for (const [what, text, expected] of cases) {
    it(`reports ${what} at its position`, () => {
      expect(problems(text)).to.deep.equal([expected]);
    });
  }

  it('reports NaN and single quotes, which TypeScript would accept', () => {
    expect(problems('{"a": NaN}')[0]).to.match(/^APPC101 1:7 /);
    expect(problems("{'a': 1}")[0]).to.match(/^APPC101 1:2 /);
  });

  it('reports an empty file', () => {
    expect(problems('')).to.deep.equal(['APPC101 1:1 invalid JSON: unexpected end of JSON input']);
  });

  it('accepts a byte-order mark', () => {
    expect(problems('\ufeff{"version": "2.0"}')).to.deep.equal([]);
  });
});

describe('parseConfig: schema problems', () => {
  it('formats a range error with path, rule, code frame and remedy', () => {
    const text = '{\n  "stages": {\n    "prod": {\n      "lambda_memory_size": 64\n    }\n  }\n}';
    expect(formatDiagnostic(only(text), { color: false, readSource: () => text })).to.equal(
      [
        '.appc/config.json:4:29 - error APPC103: stages.prod.lambda_memory_size must be >= 128',
        '  4 |       "lambda_memory_size": 64',
        '    |                             ^^',
        '  Use a whole number from 128 to 10240.',
      ].join('\n'),
    );
  });

  it('points at the key of an unknown key and suggests the closest known key (APPC102)', () => {
    const d = only('{"lambda_memmory_size": 256}');
    expect([d.code, d.message, d.remedy, d.location?.column, d.location?.length]).to.deep.equal([
      'APPC102',
      'unknown key lambda_memmory_size',
      'Did you mean "lambda_memory_size"?',
      2,
      21,
    ]);
  });

  it('suggests snake_case for a camelCase key', () => {
    expect(only('{"lambdaTimeout": 3}').remedy).to.equal('Did you mean "lambda_timeout"?');
  });

  it('says when a key sits at the wrong level', () => {
    expect(only('{"stages": {"dev": {"app_name": "x"}}}').message).to.equal(
      'stages.dev.app_name is not allowed: app_name can only be set at the top level',
    );
    expect(only('{"lambda_functions": {"w": {"minimum_compression_size": 1}}}').message).to.equal(
      'lambda_functions.w.minimum_compression_size is not allowed: minimum_compression_size cannot be set per function',
    );
  });

  it('points at the value of a wrong type and says how to write it (APPC103)', () => {
    const d = only('{"environment_variables": {"COUNT": 3}}');
    expect([d.message, d.remedy, d.location?.column]).to.deep.equal([
      'environment_variables.COUNT must be a string',
      'Write it as a string: "3".',
      37,
    ]);
  });

  it('reports one problem per value, the type first', () => {
    expect(problems('{"api_gateway_endpoint_type": 5}')).to.deep.equal([
      'APPC103 1:31 api_gateway_endpoint_type must be a string',
    ]);
  });

  it('suggests the enum value a string was meant to be', () => {
    expect(only('{"api_gateway_endpoint_type": "Regional"}').remedy).to.equal('Did you mean "REGIONAL"?');
  });

  it('names array elements and odd keys in the path', () => {
    expect(only('{"subnet_ids": ["sg-1"]}').message).to.equal('subnet_ids[0] must be a subnet id (subnet-...)');
    expect(only('{"lambda_functions": {"my fn": {"xray": 1}}}').message).to.equal(
      'lambda_functions["my fn"].xray must be true or false',
    );
  });

  it('reports a version newer than 2.0 with its own code (APPC104)', () => {
    expect(problems('{"version": "3.0"}')).to.deep.equal([
      'APPC104 1:13 config version "3.0" is newer than this appc supports (2.0)',
    ]);
  });

  it('reports every problem of the file, not only the first', () => {
    expect(problems('{"a": 1, "lambda_timeout": 0, "stages": {"dev": {"b": 2}}}')).to.have.length(3);
  });

  it('warns about a duplicate key (APPC110)', () => {
    const d = only('{"xray": true, "xray": false}');
    expect([d.code, d.severity, d.location?.column]).to.deep.equal(['APPC110', 'warning', 16]);
  });

  it('returns {} as raw config when the file has errors, the settings when it has none', () => {
    expect(parseConfig('{"lambda_timeout": 0}').raw).to.deep.equal({});
    expect(parseConfig('{"lambda_timeout": 5}').raw).to.deep.equal({ lambda_timeout: 5 });
  });
});

describe('parseConfig: cross-field rules', () => {
  it('manage_iam_role false without iam_role_arn (APPC105), resolved per stage', () => {
    const text =
      '{\n  "manage_iam_role": false,\n  "stages": {"dev": {}, "prod": {"iam_role_arn": "arn:aws:iam::123456789012:role/r"}}\n}';
    expect(problems(text)).to.deep.equal([
      'APPC105 2:3 manage_iam_role is false but no iam_role_arn is set (stage "dev")',
    ]);
  });

  it('is satisfied by an iam_role_arn at a less specific level', () => {
    expect(
      problems(
        '{"iam_role_arn": "arn:aws:iam::123456789012:role/r", "lambda_functions": {"w": {"manage_iam_role": false}}}',
      ),
    ).to.deep.equal([]);
  });

  it('names the function scope when only a function breaks the rule', () => {
    expect(problems('{"stages": {"dev": {"lambda_functions": {"w": {"manage_iam_role": false}}}}}')).to.deep.equal([
      'APPC105 1:48 stages.dev.lambda_functions.w.manage_iam_role is false but no iam_role_arn is set (function "w" in stage "dev")',
    ]);
  });

  it('checks the packaged stage even when the file has no block for it', () => {
    const text = '{"manage_iam_role": false, "stages": {"prod": {"iam_role_arn": "arn:aws:iam::123456789012:role/r"}}}';
    expect(problems(text, 'prod')).to.deep.equal([]);
    expect(problems(text, 'qa').map((p) => p.split(' ')[0])).to.deep.equal(['APPC105', 'APPC119']);
  });

  it('half a VPC config (APPC106), either half', () => {
    expect(problems('{"subnet_ids": ["subnet-1"]}')).to.deep.equal([
      'APPC106 1:2 subnet_ids is set but security_group_ids is not (stage "dev")',
    ]);
    expect(problems('{"security_group_ids": ["sg-1"], "subnet_ids": []}')).to.deep.equal([
      'APPC106 1:2 security_group_ids is set but subnet_ids is not (stage "dev")',
    ]);
    expect(problems('{"security_group_ids": ["sg-1"], "subnet_ids": ["subnet-1"]}')).to.deep.equal([]);
  });

  it('a VPC endpoint on a non-private API (APPC107)', () => {
    expect(problems('{"api_gateway_endpoint_vpce": "vpce-1"}')).to.deep.equal([
      'APPC107 1:2 api_gateway_endpoint_vpce is set but the endpoint type is the default, EDGE (stage "dev")',
    ]);
  });

  it('a private API without a resource policy (APPC108) or with two (APPC109)', () => {
    expect(problems('{"api_gateway_endpoint_type": "PRIVATE"}')[0]).to.match(/^APPC108 1:2 /);
    expect(
      problems(
        '{"api_gateway_endpoint_type": "PRIVATE", "api_gateway_policy_file": "p.json", "api_gateway_endpoint_vpce": "vpce-1"}',
      )[0],
    ).to.match(/^APPC109 1:42 api_gateway_policy_file and api_gateway_endpoint_vpce are both set/);
    expect(problems('{"api_gateway_endpoint_type": "PRIVATE", "api_gateway_endpoint_vpce": ["vpce-1"]}')).to.deep.equal(
      [],
    );
  });

  it('reports one diagnostic for a value that breaks the rule in several stages', () => {
    expect(problems('{"subnet_ids": ["subnet-1"], "stages": {"dev": {}, "prod": {}}}')).to.deep.equal([
      'APPC106 1:2 subnet_ids is set but security_group_ids is not (stages "dev", "prod")',
    ]);
  });
});

describe('loadConfig', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-config-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives defaults without a diagnostic when the file is absent', () => {
    expect(loadConfig(dir)).to.deep.equal({ raw: {}, diagnostics: [] });
  });

  it('reads .appc/config.json', () => {
    fs.mkdirSync(path.join(dir, '.appc'));
    fs.writeFileSync(path.join(dir, '.appc/config.json'), '{"app_name": "demo", "stages": {"dev": {}}}');
    expect(loadConfig(dir).raw).to.deep.equal({ app_name: 'demo', stages: { dev: {} } });
  });

  it('reports a config path it cannot read (APPC101)', () => {
    fs.mkdirSync(path.join(dir, '.appc/config.json'), { recursive: true });
    const { diagnostics } = loadConfig(dir);
    expect(diagnostics.map((d) => [d.code, d.message])).to.deep.equal([
      ['APPC101', 'cannot read .appc/config.json: EISDIR'],
    ]);
  });
});

describe('parseConfig: api_gateway_custom_domain', () => {
  const CERT_EAST = 'arn:aws:acm:us-east-1:123456789012:certificate/abc';
  const CERT_WEST = 'arn:aws:acm:eu-west-1:123456789012:certificate/abc';
  const domain = (fields: Record<string, unknown>) => JSON.stringify({ api_gateway_custom_domain: fields });

  it('accepts Chalice keys, at the top level and per stage', () => {
    const full = {
      domain_name: 'api.example.com',
      certificate_arn: CERT_EAST,
      url_prefix: 'v1',
      tls_version: 'TLS_1_0',
      tags: { a: 'b' },
    };
    expect(problems(domain(full))).to.deep.equal([]);
    const staged = {
      stages: {
        prod: {
          api_gateway_endpoint_type: 'REGIONAL',
          api_gateway_custom_domain: { ...full, certificate_arn: CERT_WEST },
        },
      },
    };
    expect(problems(JSON.stringify(staged))).to.deep.equal([]);
  });

  it('needs domain_name and certificate_arn, and checks their form (APPC103)', () => {
    expect(only(domain({ domain_name: 'api.example.com' })).message).to.equal(
      "api_gateway_custom_domain must have required property 'certificate_arn'",
    );
    expect(only(domain({ domain_name: 'API.example.com', certificate_arn: CERT_EAST })).message).to.equal(
      'api_gateway_custom_domain.domain_name must be a lower-case host name such as api.example.com',
    );
    expect(only(domain({ domain_name: 'api.example.com', certificate_arn: 'arn:aws:iam::1:x' })).code).to.equal(
      'APPC103',
    );
    expect(
      only(domain({ domain_name: 'a.example.com', certificate_arn: CERT_EAST, tls_version: 'TLS_1_3' })).message,
    ).to.equal('api_gateway_custom_domain.tls_version must be one of "TLS_1_0", "TLS_1_2"');
  });

  it("suggests the domain's own keys for a misspelt one (APPC102)", () => {
    const d = only(domain({ domain_name: 'a.example.com', certificate_arn: CERT_EAST, urlprefix: 'v1' }));
    expect([d.code, d.message, d.remedy]).to.deep.equal([
      'APPC102',
      'unknown key api_gateway_custom_domain.urlprefix',
      'Did you mean "url_prefix"?',
    ]);
  });

  it('rejects a certificate outside us-east-1 for an EDGE API, at the certificate (APPC121)', () => {
    const d = only(domain({ domain_name: 'a.example.com', certificate_arn: CERT_WEST }));
    expect([d.code, d.message, d.location?.line]).to.deep.equal([
      'APPC121',
      'api_gateway_custom_domain.certificate_arn is in eu-west-1, but the API\'s endpoint type is the default, EDGE (stage "dev")',
      1,
    ]);
    const regional = {
      api_gateway_endpoint_type: 'REGIONAL',
      api_gateway_custom_domain: { domain_name: 'a.example.com', certificate_arn: CERT_WEST },
    };
    expect(problems(JSON.stringify(regional))).to.deep.equal([]);
  });
});

describe('parseConfig: websocket_api_custom_domain', () => {
  const WS = { domain_name: 'ws.example.com', certificate_arn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc' };

  it("takes the REST domain's keys at the top level and per stage, with TLS 1.2 only (APPC103)", () => {
    const staged = { websocket_api_custom_domain: WS, stages: { prod: { websocket_api_custom_domain: null } } };
    expect(problems(JSON.stringify(staged))).to.deep.equal([]);
    const full = { ...WS, url_prefix: '/chat/v1/', tls_version: 'TLS_1_2', tags: { a: '1' } };
    expect(problems(JSON.stringify({ stages: { dev: { websocket_api_custom_domain: full } } }))).to.deep.equal([]);
    const old = JSON.stringify({ websocket_api_custom_domain: { ...WS, tls_version: 'TLS_1_0' } });
    expect(only(old).message).to.equal('websocket_api_custom_domain.tls_version must be one of "TLS_1_2"');
    expect(only('{"websocket_api_custom_domain": {}}').message).to.equal(
      "websocket_api_custom_domain must have required property 'domain_name'",
    );
  });

  it('warns that the domain is REGIONAL when api_gateway_endpoint_type is given as EDGE (APPC126)', () => {
    const text = JSON.stringify({ api_gateway_endpoint_type: 'EDGE', websocket_api_custom_domain: WS });
    const d = only(text);
    expect([d.code, d.severity, d.message]).to.deep.equal([
      'APPC126',
      'warning',
      'websocket_api_custom_domain is a REGIONAL domain, although api_gateway_endpoint_type is EDGE: API Gateway has no edge-optimized websocket APIs (stage "dev")',
    ]);
    // Left to the default, the endpoint type is the REST API's business: nothing to say.
    expect(problems(JSON.stringify({ websocket_api_custom_domain: WS }))).to.deep.equal([]);
  });

  it("rejects the REST API's domain name, at the websocket one (APPC127)", () => {
    const text = JSON.stringify({
      api_gateway_endpoint_type: 'REGIONAL',
      api_gateway_custom_domain: { ...WS },
      stages: { prod: { websocket_api_custom_domain: { ...WS } } },
    });
    const column = text.lastIndexOf('"domain_name"') + 1;
    expect(problems(text, 'prod')).to.deep.equal([
      `APPC127 1:${column} stages.prod.websocket_api_custom_domain.domain_name is also api_gateway_custom_domain.domain_name (stage "prod")`,
    ]);
  });
});

describe('parseConfig: a stage not in stages (APPC119)', () => {
  const text = '{\n  "stages": {\n    "dev": {},\n    "prod": { "lambda_memory_size": 1024 }\n  }\n}';

  it('warns at stages, listing the configured stages and suggesting the nearest', () => {
    const diagnostic = only(text, 'prdo');
    expect(formatDiagnostic(diagnostic, { color: false, readSource: () => undefined })).to.equal(
      [
        ".appc/config.json:2:3 - warning APPC119: stage 'prdo' is not in stages ('dev', 'prod'); it gets the top-level settings only",
        "  Did you mean --stage prod? Otherwise add 'prdo' to stages.",
      ].join('\n'),
    );
    expect(parseConfig(text, { stage: 'prdo' }).raw.stages).to.have.keys('dev', 'prod');
  });

  it('lists the stages when none is near; nothing for a configured stage, the default stage or no stages', () => {
    expect(only(text, 'staging').remedy).to.equal("Pass one of 'dev', 'prod' to --stage, or add 'staging' to stages.");
    expect(problems(text, 'prod')).to.deep.equal([]);
    expect(problems(text)).to.deep.equal([]);
    expect(problems('{"lambda_timeout": 5}', 'beta')).to.deep.equal([]);
    expect(problems('{"stages": {}}', 'beta')).to.deep.equal([]);
    expect(problems('{"stages": {"prod": {}}}')).to.deep.equal([]);
    expect(problems('{"stages": {"prod": {}}}', 'dev')).to.deep.equal([]);
  });
});
