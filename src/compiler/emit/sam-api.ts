/**
 * The REST API's resources (as in `chalice package`): `RestAPI` with the
 * swagger as its body and the stage's settings, the invoke permissions API Gateway needs, and the Outputs.
 */
import type { ResolvedConfig } from '../config/resolved-config';
import { API_HANDLER_ID } from '../model/names';
import { apiStageProperties } from './sam-api-stage';
import { getAtt, ref, sub, type Json, type JsonObject, type ResourceEntry } from './cfn';
import { aliasRef, invokedArn } from './invoke-target';

export const REST_API_ID = 'RestAPI';

/**
 * `api_handler`'s X-Ray setting also turns on tracing in API Gateway, as Chalice's `xray`
 * does. The endpoint type is written in SAM's object form (`{"Type": "EDGE"}`): SAM's
 * translator still takes Chalice's bare string, but SAM's published schema accepts only
 * the object (see aws/chalice#1764).
 */
export function restApiResource(config: ResolvedConfig, swagger: JsonObject, tracing: boolean): ResourceEntry {
  const properties: JsonObject = {
    EndpointConfiguration: { Type: config.apiGatewayEndpointType },
    StageName: config.apiGatewayStage,
    DefinitionBody: swagger,
  };
  if (config.minimumCompressionSize !== undefined) properties.MinimumCompressionSize = config.minimumCompressionSize;
  if (tracing) properties.TracingEnabled = true;
  Object.assign(properties, apiStageProperties(config));
  return { id: REST_API_ID, resource: { Type: 'AWS::Serverless::Api', Properties: properties } };
}

/** Lets API Gateway invoke the function: the API handler by `Ref`, authorizers by ARN. */
export function invokePermission(id: string, functionName: Json): ResourceEntry {
  return {
    id,
    resource: {
      Type: 'AWS::Lambda::Permission',
      Properties: {
        FunctionName: functionName,
        Action: 'lambda:InvokeFunction',
        Principal: 'apigateway.amazonaws.com',
        SourceArn: sub('arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${RestAPIId}/*', {
          RestAPIId: ref(REST_API_ID),
        }),
      },
    },
  };
}

/** With an alias the permission is the alias's: a function's own permission does not cover its aliases. */
export function apiHandlerPermission(alias: string | undefined): ResourceEntry {
  const target = alias === undefined ? ref(API_HANDLER_ID) : aliasRef(API_HANDLER_ID);
  return invokePermission(`${API_HANDLER_ID}InvokePermission`, target);
}

export function authorizerPermission(authorizerId: string, alias: string | undefined): ResourceEntry {
  return invokePermission(`${authorizerId}InvokePermission`, invokedArn(authorizerId, alias));
}

export function restApiOutputs(config: ResolvedConfig): JsonObject {
  return {
    RestAPIId: { Value: ref(REST_API_ID) },
    APIHandlerName: { Value: ref(API_HANDLER_ID) },
    APIHandlerArn: { Value: getAtt(API_HANDLER_ID, 'Arn') },
    EndpointURL: {
      Value: sub(
        `https://\${${REST_API_ID}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/${config.apiGatewayStage}/`,
      ),
    },
  };
}
