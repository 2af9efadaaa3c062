import { expect } from 'chai';
import type { CustomDomain } from '../../../src/compiler/config/resolved-config';
import { appModel, authorizerFn, resolvedConfig, route } from './builders';
import { samFor } from './sam-helpers';

const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/abc';
const domain = (extra: Partial<CustomDomain> = {}): CustomDomain => ({
  domainName: 'api.example.com',
  certificateArn: CERT,
  basePath: '(none)',
  tlsVersion: 'TLS_1_2',
  tags: {},
  ...extra,
});

describe('emitSam: api_gateway_custom_domain', () => {
  const model = appModel({
    routes: [route('/', { authorizer: { kind: 'builtin', name: 'gate', scopes: [] } })],
    functions: [authorizerFn('gate')],
  });

  it("adds the domain and its mapping after the API's permissions, as chalice package orders them", () => {
    const sam = samFor(model, resolvedConfig(model, { apiGatewayCustomDomain: domain() }));
    expect(Object.keys(sam.Resources).slice(-4)).to.deep.equal([
      'APIHandlerInvokePermission',
      'GateInvokePermission',
      'ApiGatewayCustomDomain',
      'ApiGatewayCustomDomainMapping',
    ]);
  });

  it('gives an EDGE domain CertificateArn, the TLS policy, and maps the API stage SAM generates', () => {
    const sam = samFor(model, resolvedConfig(model, { apiGatewayCustomDomain: domain() }));
    expect(sam.Resources.ApiGatewayCustomDomain).to.deep.equal({
      Type: 'AWS::ApiGateway::DomainName',
      Properties: {
        DomainName: 'api.example.com',
        EndpointConfiguration: { Types: ['EDGE'] },
        CertificateArn: CERT,
        SecurityPolicy: 'TLS_1_2',
      },
    });
    expect(sam.Resources.ApiGatewayCustomDomainMapping).to.deep.equal({
      Type: 'AWS::ApiGateway::BasePathMapping',
      Properties: {
        DomainName: { Ref: 'ApiGatewayCustomDomain' },
        RestApiId: { Ref: 'RestAPI' },
        BasePath: '(none)',
        Stage: { Ref: 'RestAPI.Stage' },
      },
    });
    expect(sam.Outputs.AliasDomainName).to.deep.equal({
      Value: { 'Fn::GetAtt': ['ApiGatewayCustomDomain', 'DistributionDomainName'] },
    });
    expect(sam.Outputs.HostedZoneId).to.deep.equal({
      Value: { 'Fn::GetAtt': ['ApiGatewayCustomDomain', 'DistributionHostedZoneId'] },
    });
  });

  it("gives a REGIONAL domain RegionalCertificateArn, sorted Key/Value tags and the region's alias target", () => {
    const config = resolvedConfig(model, {
      apiGatewayEndpointType: 'REGIONAL',
      apiGatewayCustomDomain: domain({ basePath: 'v1', tlsVersion: 'TLS_1_0', tags: { b: '2', a: '1' } }),
    });
    const sam = samFor(model, config);
    expect(sam.Resources.ApiGatewayCustomDomain.Properties).to.deep.equal({
      DomainName: 'api.example.com',
      EndpointConfiguration: { Types: ['REGIONAL'] },
      RegionalCertificateArn: CERT,
      SecurityPolicy: 'TLS_1_0',
      Tags: [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' },
      ],
    });
    expect(sam.Resources.ApiGatewayCustomDomainMapping.Properties.BasePath).to.equal('v1');
    expect(sam.Outputs.AliasDomainName.Value).to.deep.equal({
      'Fn::GetAtt': ['ApiGatewayCustomDomain', 'RegionalDomainName'],
    });
    expect(sam.Outputs.HostedZoneId.Value).to.deep.equal({
      'Fn::GetAtt': ['ApiGatewayCustomDomain', 'RegionalHostedZoneId'],
    });
  });

  it('emits nothing for a domain without a REST API, and no domain outputs without a domain', () => {
    const noRoutes = appModel({ functions: [authorizerFn('gate')] });
    const sam = samFor(noRoutes, resolvedConfig(noRoutes, { apiGatewayCustomDomain: domain() }));
    expect(sam.Resources).to.not.have.property('ApiGatewayCustomDomain');
    expect(sam.Outputs).to.deep.equal({});
    expect(Object.keys(samFor(model).Outputs)).to.deep.equal([
      'RestAPIId',
      'APIHandlerName',
      'APIHandlerArn',
      'EndpointURL',
    ]);
  });
});
