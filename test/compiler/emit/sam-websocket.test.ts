import { expect } from 'chai';
import { appModel, pureFn, resolvedConfig, websocketFn } from './builders';
import { samFor, type Doc } from './sam-helpers';

const api = { Ref: 'WebsocketAPI' };

describe('emitSam: the websocket API (as chalice package emits it)', () => {
  describe('an app with only a message handler', () => {
    const model = appModel({ functions: [websocketFn('ws-message')] });
    const sam = samFor(model, resolvedConfig(model, { stage: 'prod', apiGatewayStage: 'v1' }));

    it('emits the function, then the API, its integration and permission, the route, deployment and stage', () => {
      expect(Object.keys(sam.Resources)).to.deep.equal([
        'DefaultRole',
        'WebsocketMessage',
        'WebsocketAPI',
        'WebsocketMessageAPIIntegration',
        'WebsocketMessageInvokePermission',
        'WebsocketMessageRoute',
        'WebsocketAPIDeployment',
        'WebsocketAPIStage',
      ]);
    });

    it('names the API after the app and stage, routes $default, and deploys after the routes present only', () => {
      expect(sam.Resources.WebsocketAPI).to.deep.equal({
        Type: 'AWS::ApiGatewayV2::Api',
        Properties: {
          Name: 'testapp-prod-websocket-api',
          RouteSelectionExpression: '$request.body.action',
          ProtocolType: 'WEBSOCKET',
        },
      });
      expect(sam.Resources.WebsocketMessageRoute).to.deep.equal({
        Type: 'AWS::ApiGatewayV2::Route',
        Properties: {
          ApiId: api,
          RouteKey: '$default',
          Target: { 'Fn::Join': ['/', ['integrations', { Ref: 'WebsocketMessageAPIIntegration' }]] },
        },
      });
      expect(sam.Resources.WebsocketAPIDeployment).to.deep.equal({
        Type: 'AWS::ApiGatewayV2::Deployment',
        DependsOn: ['WebsocketMessageRoute'],
        Properties: { ApiId: api },
      });
      expect(sam.Resources.WebsocketAPIStage).to.deep.equal({
        Type: 'AWS::ApiGatewayV2::Stage',
        Properties: { ApiId: api, DeploymentId: { Ref: 'WebsocketAPIDeployment' }, StageName: 'v1' },
      });
    });

    it('outputs the API id, the present handler, and the wss:// URL of the API Gateway stage', () => {
      expect(sam.Outputs).to.deep.equal({
        WebsocketAPIId: { Value: api },
        WebsocketMessageHandlerArn: { Value: { 'Fn::GetAtt': ['WebsocketMessage', 'Arn'] } },
        WebsocketMessageHandlerName: { Value: { Ref: 'WebsocketMessage' } },
        WebsocketConnectEndpointURL: {
          Value: { 'Fn::Sub': 'wss://${WebsocketAPI}.execute-api.${AWS::Region}.${AWS::URLSuffix}/v1/' },
        },
      });
    });

    it('allows the shared role to manage connections, after the logs statement', () => {
      const role = sam.Resources.DefaultRole as { Properties: { Policies: Array<{ PolicyDocument: Doc }> } };
      const statements = role.Properties.Policies[0].PolicyDocument.Statement as unknown[];
      expect(statements.at(-1)).to.deep.equal({
        Effect: 'Allow',
        Action: ['execute-api:ManageConnections'],
        Resource: 'arn:*:execute-api:*:*:*/@connections/*',
      });
    });
  });

  it('lists routes in registration order, integrations in connect-message-disconnect order', () => {
    const model = appModel({
      functions: [websocketFn('ws-disconnect'), pureFn('worker'), websocketFn('ws-connect'), websocketFn('ws-message')],
    });
    const ids = Object.keys(samFor(model).Resources);
    expect(ids).to.deep.equal([
      'DefaultRole',
      'Worker',
      'WebsocketConnect',
      'WebsocketMessage',
      'WebsocketDisconnect',
      'WebsocketAPI',
      'WebsocketConnectAPIIntegration',
      'WebsocketConnectInvokePermission',
      'WebsocketMessageAPIIntegration',
      'WebsocketMessageInvokePermission',
      'WebsocketDisconnectAPIIntegration',
      'WebsocketDisconnectInvokePermission',
      'WebsocketDisconnectRoute',
      'WebsocketConnectRoute',
      'WebsocketMessageRoute',
      'WebsocketAPIDeployment',
      'WebsocketAPIStage',
    ]);
  });

  it('adds no websocket resource, output or policy statement to an app without websocket handlers', () => {
    const sam = samFor(appModel({ functions: [pureFn('worker')] }));
    expect(JSON.stringify(sam)).to.not.match(/Websocket|ManageConnections/);
  });
});
