/**
 * `api_gateway_custom_domain` (as in `chalice package`): the REST API's `ApiGatewayCustomDomain`
 * (AWS::ApiGateway::DomainName) and `ApiGatewayCustomDomainMapping` (its base path mapping), as
 * `chalice package` emits them, plus the two values DNS needs as Outputs.
 */
import type { CustomDomain, ResolvedConfig } from '../config/resolved-config';
import { getAtt, ref, type JsonObject, type ResourceEntry } from './cfn';
import { REST_API_ID } from './sam-api';

export const CUSTOM_DOMAIN_ID = 'ApiGatewayCustomDomain';

/**
 * An EDGE domain takes its certificate as `CertificateArn`, a REGIONAL one as
 * `RegionalCertificateArn`; tags are a Key/Value list sorted by key. The mapping's `Stage` is
 * `RestAPI.Stage`, the stage SAM generates, rather than Chalice's stage-name string: the
 * reference makes CloudFormation create the stage before the mapping that names it.
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-generated-resources-api.html
 */
export function customDomainEntries(domain: CustomDomain, config: ResolvedConfig): ResourceEntry[] {
  const type = config.apiGatewayEndpointType;
  const properties: JsonObject = {
    DomainName: domain.domainName,
    EndpointConfiguration: { Types: [type] },
    [type === 'EDGE' ? 'CertificateArn' : 'RegionalCertificateArn']: domain.certificateArn,
    SecurityPolicy: domain.tlsVersion,
  };
  const tags = Object.keys(domain.tags).sort();
  if (tags.length > 0) properties.Tags = tags.map((key) => ({ Key: key, Value: domain.tags[key] }));
  return [
    { id: CUSTOM_DOMAIN_ID, resource: { Type: 'AWS::ApiGateway::DomainName', Properties: properties } },
    {
      id: `${CUSTOM_DOMAIN_ID}Mapping`,
      resource: {
        Type: 'AWS::ApiGateway::BasePathMapping',
        Properties: {
          DomainName: ref(CUSTOM_DOMAIN_ID),
          RestApiId: ref(REST_API_ID),
          BasePath: domain.basePath,
          Stage: ref(`${REST_API_ID}.Stage`),
        },
      },
    },
  ];
}

/**
 * The alias target of the domain's DNS record: what `chalice deploy` reports as the domain's
 * `alias_domain_name` and `hosted_zone_id` (CloudFront's for EDGE, the region's for REGIONAL).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigateway-domainname.html#aws-resource-apigateway-domainname-return-values
 */
export function customDomainOutputs(config: ResolvedConfig): JsonObject {
  const edge = config.apiGatewayEndpointType === 'EDGE';
  return {
    AliasDomainName: { Value: getAtt(CUSTOM_DOMAIN_ID, edge ? 'DistributionDomainName' : 'RegionalDomainName') },
    HostedZoneId: { Value: getAtt(CUSTOM_DOMAIN_ID, edge ? 'DistributionHostedZoneId' : 'RegionalHostedZoneId') },
  };
}
