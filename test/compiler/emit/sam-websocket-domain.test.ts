import { expect } from 'chai';
import type { CustomDomain } from '../../../src/compiler/config/resolved-config';
import { appModel, resolvedConfig, route, websocketFn } from './builders';
import { samFor } from './sam-helpers';

const CERT = 'arn:aws:acm:eu-west-1:123456789012:certificate/abc';
const domain = (extra: Partial<CustomDomain> = {}): CustomDomain => ({
  domainName: 'ws.example.com',
  certificateArn: CERT,
  basePath: '(none)',
  tlsVersion: 'TLS_1_2',
  tags: {},
  ...extra,
});

describe('emitSam: websocket_api_custom_domain', () => {
  const model = appModel({ routes: [route('/')], functions: [websocketFn('ws-connect'), websocketFn('ws-message')] });

  it('adds a REGIONAL ApiGatewayV2 domain and its root mapping after the websocket stage, as Chalice does', () => {
    const sam = samFor(model, resolvedConfig(model, { websocketApiCustomDomain: domain() }));
    expect(Object.keys(sam.Resources).slice(-3)).to.deep.equal([
      'WebsocketAPIStage',
      'WebsocketApiCustomDomain',
      'WebsocketApiCustomDomainMapping',
    ]);
    expect(sam.Resources.WebsocketApiCustomDomain).to.deep.equal({
      Type: 'AWS::ApiGatewayV2::DomainName',
      Properties: {
        DomainName: 'ws.example.com',
        DomainNameConfigurations: [{ CertificateArn: CERT, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' }],
      },
    });
    // The root mapping has no key (Chalice writes the REST API's "(none)" there).
    expect(sam.Resources.WebsocketApiCustomDomainMapping).to.deep.equal({
      Type: 'AWS::ApiGatewayV2::ApiMapping',
      Properties: {
        DomainName: { Ref: 'WebsocketApiCustomDomain' },
        ApiId: { Ref: 'WebsocketAPI' },
        Stage: { Ref: 'WebsocketAPIStage' },
      },
    });
    expect(Object.keys(sam.Outputs).slice(-2)).to.deep.equal(['WebsocketAliasDomainName', 'WebsocketHostedZoneId']);
    expect(sam.Outputs.WebsocketAliasDomainName.Value).to.deep.equal({
      'Fn::GetAtt': ['WebsocketApiCustomDomain', 'RegionalDomainName'],
    });
    expect(sam.Outputs.WebsocketHostedZoneId.Value).to.deep.equal({
      'Fn::GetAtt': ['WebsocketApiCustomDomain', 'RegionalHostedZoneId'],
    });
  });

  it('maps a path as its key and gives the tags as a map sorted by key, whatever the REST endpoint type', () => {
    const config = resolvedConfig(model, {
      apiGatewayEndpointType: 'EDGE',
      websocketApiCustomDomain: domain({ basePath: 'chat/v1', tags: { b: '2', a: '1' } }),
    });
    const sam = samFor(model, config);
    expect(sam.Resources.WebsocketApiCustomDomain.Properties.DomainNameConfigurations[0].EndpointType).to.equal(
      'REGIONAL',
    );
    expect(JSON.stringify(sam.Resources.WebsocketApiCustomDomain.Properties.Tags)).to.equal('{"a":"1","b":"2"}');
    expect(sam.Resources.WebsocketApiCustomDomainMapping.Properties.ApiMappingKey).to.equal('chat/v1');
  });

  it('emits nothing without websocket handlers, and no domain outputs without a domain', () => {
    const restOnly = appModel({ routes: [route('/')] });
    const sam = samFor(restOnly, resolvedConfig(restOnly, { websocketApiCustomDomain: domain() }));
    expect(sam.Resources).to.not.have.property('WebsocketApiCustomDomain');
    expect(sam.Outputs).to.not.have.property('WebsocketAliasDomainName');
    expect(samFor(model).Outputs).to.not.have.property('WebsocketAliasDomainName');
    expect(samFor(model).Resources).to.not.have.property('WebsocketApiCustomDomainMapping');
  });
});
