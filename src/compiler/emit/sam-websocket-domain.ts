/**
 * `websocket_api_custom_domain`: the websocket API's `WebsocketApiCustomDomain`
 * (AWS::ApiGatewayV2::DomainName) and `WebsocketApiCustomDomainMapping` (its API mapping), as Chalice's
 * `_add_websocket_domain_name` (chalice/package.py) emits them, plus the two values DNS needs as Outputs.
 */
import type { CustomDomain } from '../config/resolved-config';
import { getAtt, ref, type JsonObject, type ResourceEntry } from './cfn';

export const WEBSOCKET_DOMAIN_ID = 'WebsocketApiCustomDomain';

/**
 * The domain is always REGIONAL: API Gateway has no edge-optimized websocket APIs. Unlike Chalice, the
 * configuration carries `SecurityPolicy` (TLS 1.2, the only policy websocket domains take) and the root
 * mapping leaves `ApiMappingKey` out, as the API mapping reference says for the root, where Chalice writes
 * the REST API's `(none)`.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigatewayv2-apimapping.html
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-mappings.html
 * @example websocketDomainEntries(domain, ref('WebsocketAPI'), ref('WebsocketAPIStage'))
 */
export function websocketDomainEntries(domain: CustomDomain, api: JsonObject, stage: JsonObject): ResourceEntry[] {
  const properties: JsonObject = {
    DomainName: domain.domainName,
    DomainNameConfigurations: [
      { CertificateArn: domain.certificateArn, EndpointType: 'REGIONAL', SecurityPolicy: domain.tlsVersion },
    ],
  };
  const tags = Object.keys(domain.tags).sort();
  if (tags.length > 0) properties.Tags = Object.fromEntries(tags.map((key) => [key, domain.tags[key]]));
  const mappingKey: JsonObject = domain.basePath === '(none)' ? {} : { ApiMappingKey: domain.basePath };
  return [
    { id: WEBSOCKET_DOMAIN_ID, resource: { Type: 'AWS::ApiGatewayV2::DomainName', Properties: properties } },
    {
      id: `${WEBSOCKET_DOMAIN_ID}Mapping`,
      resource: {
        Type: 'AWS::ApiGatewayV2::ApiMapping',
        Properties: { DomainName: ref(WEBSOCKET_DOMAIN_ID), ApiId: api, ...mappingKey, Stage: stage },
      },
    },
  ];
}

/**
 * The alias target of the domain's DNS record, as the REST API's domain has them (`AliasDomainName`, `HostedZoneId`).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigatewayv2-domainname.html#aws-resource-apigatewayv2-domainname-return-values
 */
export function websocketDomainOutputs(): JsonObject {
  return {
    WebsocketAliasDomainName: { Value: getAtt(WEBSOCKET_DOMAIN_ID, 'RegionalDomainName') },
    WebsocketHostedZoneId: { Value: getAtt(WEBSOCKET_DOMAIN_ID, 'RegionalHostedZoneId') },
  };
}
