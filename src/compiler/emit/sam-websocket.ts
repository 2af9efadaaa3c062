/**
 * The websocket API's resources (as in `chalice package`), as Chalice's `_generate_websocketapi`
 * writes them: the `AWS::ApiGatewayV2::Api`, an integration and invoke permission per function, a route
 * per route key in registration order, the deployment (after every route), the stage and the custom domain
 * (sam-websocket-domain.ts); and the Outputs.
 */
import type { ResolvedConfig } from '../config/resolved-config';
import type { WebsocketFunction } from '../model/app-model';
import { WEBSOCKET_KINDS } from '../model/template-functions';
import { getAtt, ref, sub, type JsonObject, type ResourceEntry } from './cfn';
import { aliasRef } from './invoke-target';
import { websocketDomainEntries, websocketDomainOutputs } from './sam-websocket-domain';

export const WEBSOCKET_API_ID = 'WebsocketAPI';

type WebsocketKind = WebsocketFunction['kind'];

/** Each function's logical ID (Chalice's `websocket_connect` ... through `to_cfn_resource_name`) and route key. */
const ROUTES: Readonly<Record<WebsocketKind, { id: string; routeKey: string }>> = {
  'ws-connect': { id: 'WebsocketConnect', routeKey: '$connect' },
  'ws-message': { id: 'WebsocketMessage', routeKey: '$default' },
  'ws-disconnect': { id: 'WebsocketDisconnect', routeKey: '$disconnect' },
};

/**
 * Every resource after the functions themselves; `kinds` in registration order (the routes' order).
 * @example websocketApiEntries(['ws-message'], config, 'chat') // WebsocketAPI, WebsocketMessageAPIIntegration, ...
 */
export function websocketApiEntries(
  kinds: readonly WebsocketKind[],
  config: ResolvedConfig,
  appName: string,
): ResourceEntry[] {
  const api = ref(WEBSOCKET_API_ID);
  const present = WEBSOCKET_KINDS.filter((kind) => kinds.includes(kind));
  const routes = kinds.map((kind) => routeEntry(kind, api));
  const domain = config.websocketApiCustomDomain;
  const stage = ref(`${WEBSOCKET_API_ID}Stage`);
  return [
    apiEntry(`${appName}-${config.stage}-websocket-api`),
    ...present.flatMap((kind) => [
      integrationEntry(ROUTES[kind].id, api, config.lambdaAlias),
      permissionEntry(ROUTES[kind].id, api, config.lambdaAlias),
    ]),
    ...routes,
    {
      id: `${WEBSOCKET_API_ID}Deployment`,
      resource: {
        Type: 'AWS::ApiGatewayV2::Deployment',
        DependsOn: routes.map((route) => route.id),
        Properties: { ApiId: api },
      },
    },
    {
      id: `${WEBSOCKET_API_ID}Stage`,
      resource: {
        Type: 'AWS::ApiGatewayV2::Stage',
        Properties: {
          ApiId: api,
          DeploymentId: ref(`${WEBSOCKET_API_ID}Deployment`),
          StageName: config.apiGatewayStage,
        },
      },
    },
    ...(domain ? websocketDomainEntries(domain, api, stage) : []),
  ];
}

function apiEntry(name: string): ResourceEntry {
  return {
    id: WEBSOCKET_API_ID,
    resource: {
      Type: 'AWS::ApiGatewayV2::Api',
      Properties: { Name: name, RouteSelectionExpression: '$request.body.action', ProtocolType: 'WEBSOCKET' },
    },
  };
}

/** With `lambda_alias` the integration invokes the alias, by its ARN (invoke-target.ts). */
function integrationEntry(functionId: string, api: JsonObject, alias: string | undefined): ResourceEntry {
  const functions = 'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/';
  const uri =
    alias === undefined
      ? `${functions}arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:\${WebsocketHandler}/invocations`
      : `${functions}\${WebsocketHandler}/invocations`;
  const handler = alias === undefined ? ref(functionId) : aliasRef(functionId);
  return {
    id: `${functionId}APIIntegration`,
    resource: {
      Type: 'AWS::ApiGatewayV2::Integration',
      Properties: {
        ApiId: api,
        ConnectionType: 'INTERNET',
        ContentHandlingStrategy: 'CONVERT_TO_TEXT',
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: sub(uri, { WebsocketHandler: handler }),
      },
    },
  };
}

function permissionEntry(functionId: string, api: JsonObject, alias: string | undefined): ResourceEntry {
  return {
    id: `${functionId}InvokePermission`,
    resource: {
      Type: 'AWS::Lambda::Permission',
      Properties: {
        FunctionName: alias === undefined ? ref(functionId) : aliasRef(functionId),
        Action: 'lambda:InvokeFunction',
        Principal: 'apigateway.amazonaws.com',
        SourceArn: sub('arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${WebsocketAPIId}/*', {
          WebsocketAPIId: api,
        }),
      },
    },
  };
}

/** Chalice names the `$default` route `WebsocketMessageRoute`, after its function. */
function routeEntry(kind: WebsocketKind, api: JsonObject): ResourceEntry {
  const { id, routeKey } = ROUTES[kind];
  return {
    id: `${id}Route`,
    resource: {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: {
        ApiId: api,
        RouteKey: routeKey,
        Target: { 'Fn::Join': ['/', ['integrations', ref(`${id}APIIntegration`)]] },
      },
    },
  };
}

/** `WebsocketAPIId`, each present function's ARN and name, and the `wss://` URL clients connect to. */
export function websocketApiOutputs(kinds: readonly WebsocketKind[], config: ResolvedConfig): JsonObject {
  const outputs: JsonObject = { WebsocketAPIId: { Value: ref(WEBSOCKET_API_ID) } };
  for (const kind of WEBSOCKET_KINDS.filter((k) => kinds.includes(k))) {
    const { id } = ROUTES[kind];
    outputs[`${id}HandlerArn`] = { Value: getAtt(id, 'Arn') };
    outputs[`${id}HandlerName`] = { Value: ref(id) };
  }
  outputs.WebsocketConnectEndpointURL = {
    Value: sub(
      `wss://\${${WEBSOCKET_API_ID}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/${config.apiGatewayStage}/`,
    ),
  };
  return config.websocketApiCustomDomain ? { ...outputs, ...websocketDomainOutputs() } : outputs;
}
