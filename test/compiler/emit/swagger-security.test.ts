import { expect } from 'chai';
import type { AuthorizerUse, FunctionModel, RouteModel } from '../../../src/compiler/model/app-model';
import { emitSwagger } from '../../../src/compiler/emit/swagger';
import { appModel, authorizerFn, resolvedConfig, route } from './builders';
import type { Doc } from './sam-helpers';

const swaggerOf = (routes: RouteModel[], functions: FunctionModel[] = []): Doc => {
  const model = appModel({ routes, functions });
  return emitSwagger(model, resolvedConfig(model));
};

const poolArn = 'arn:aws:cognito-idp:us-west-2:123:userpool/us-west-2_abc';
const cognito: AuthorizerUse = {
  kind: 'cognito',
  name: 'MyPool',
  providerArns: [poolArn],
  header: 'Authorization',
  scopes: [],
};
const customUri =
  'arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123:function:auth/invocations';
const custom: AuthorizerUse = {
  kind: 'custom',
  name: 'MyCustom',
  authorizerUri: customUri,
  ttlSeconds: 300,
  header: 'X-Token',
  scopes: [],
};
const builtinUri = {
  'Fn::Sub':
    'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${MyAuth.Arn}/invocations',
};

describe('emitSwagger: security', () => {
  it('requires an API key with a security entry and its definition', () => {
    const doc = swaggerOf([route('/k', { apiKeyRequired: true })]);
    expect(doc.paths['/k'].get.security).to.deep.equal([{ api_key: [] }]);
    expect(doc.securityDefinitions).to.deep.equal({ api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' } });
    expect(Object.keys(doc).at(-1)).to.equal('securityDefinitions');
  });

  it('lists the API key before the authorizer, but defines the authorizer first', () => {
    const doc = swaggerOf([route('/k', { apiKeyRequired: true, authorizer: { kind: 'iam' } })]);
    expect(doc.paths['/k'].get.security).to.deep.equal([{ api_key: [] }, { sigv4: [] }]);
    expect(Object.keys(doc.securityDefinitions)).to.deep.equal(['sigv4', 'api_key']);
  });

  it('defines IAM authorization as sigv4', () => {
    const doc = swaggerOf([route('/iam', { authorizer: { kind: 'iam' } })]);
    expect(doc.securityDefinitions.sigv4).to.deep.equal({
      in: 'header',
      type: 'apiKey',
      name: 'Authorization',
      'x-amazon-apigateway-authtype': 'awsSigv4',
    });
  });

  it('defines a Cognito user pool authorizer and puts scopes only on the route', () => {
    const doc = swaggerOf([route('/c', { authorizer: { ...cognito, scopes: ['read', 'write'] } })]);
    expect(doc.paths['/c'].get.security).to.deep.equal([{ MyPool: ['read', 'write'] }]);
    expect(doc.securityDefinitions.MyPool).to.deep.equal({
      in: 'header',
      type: 'apiKey',
      name: 'Authorization',
      'x-amazon-apigateway-authtype': 'cognito_user_pools',
      'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: [poolArn] },
    });
  });

  it('defines a custom authorizer with its TTL, then its invoke role', () => {
    const withRole = { ...custom, invokeRoleArn: 'arn:aws:iam::123:role/invoke' } as AuthorizerUse;
    const doc = swaggerOf([route('/c', { authorizer: withRole })]);
    expect(doc.securityDefinitions.MyCustom).to.deep.equal({
      in: 'header',
      type: 'apiKey',
      name: 'X-Token',
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': {
        type: 'token',
        authorizerUri: customUri,
        authorizerResultTtlInSeconds: 300,
        authorizerCredentials: 'arn:aws:iam::123:role/invoke',
      },
    });
  });

  it('leaves a built-in authorizer TTL out when unset', () => {
    const doc = swaggerOf(
      [route('/b', { authorizer: { kind: 'builtin', name: 'my_auth', scopes: [] } })],
      [authorizerFn('my_auth')],
    );
    expect(doc.securityDefinitions.my_auth).to.deep.equal({
      in: 'header',
      type: 'apiKey',
      name: 'Authorization',
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': { type: 'token', authorizerUri: builtinUri },
    });
  });

  it('keeps a built-in TTL of 0 and writes credentials before the TTL', () => {
    const fn = authorizerFn('my_auth', {
      ttlSeconds: 0,
      executionRole: 'arn:aws:iam::123:role/auth',
      header: 'X-Auth',
    });
    const doc = swaggerOf([route('/b', { authorizer: { kind: 'builtin', name: 'my_auth', scopes: ['s1'] } })], [fn]);
    const definition = doc.securityDefinitions.my_auth;
    expect(definition.name).to.equal('X-Auth');
    expect(definition['x-amazon-apigateway-authorizer']).to.deep.equal({
      type: 'token',
      authorizerUri: builtinUri,
      authorizerCredentials: 'arn:aws:iam::123:role/auth',
      authorizerResultTtlInSeconds: 0,
    });
    expect(doc.paths['/b'].get.security).to.deep.equal([{ my_auth: ['s1'] }]);
  });

  it('defines an authorizer used by several routes once, scopes per route', () => {
    const doc = swaggerOf([
      route('/a', { authorizer: { ...cognito, scopes: ['a'] } }),
      route('/b', { authorizer: { ...cognito, scopes: [] } }),
    ]);
    expect(Object.keys(doc.securityDefinitions)).to.deep.equal(['MyPool']);
    expect(doc.paths['/a'].get.security).to.deep.equal([{ MyPool: ['a'] }]);
    expect(doc.paths['/b'].get.security).to.deep.equal([{ MyPool: [] }]);
  });

  it('orders definitions by first use across paths', () => {
    const doc = swaggerOf([
      route('/x', { authorizer: custom }),
      route('/y', { authorizer: { kind: 'iam' }, apiKeyRequired: true }),
      route('/z', { authorizer: cognito }),
    ]);
    expect(Object.keys(doc.securityDefinitions)).to.deep.equal(['MyCustom', 'sigv4', 'api_key', 'MyPool']);
  });

  it('fails loudly when a route names a built-in authorizer the model lacks', () => {
    expect(() => swaggerOf([route('/b', { authorizer: { kind: 'builtin', name: 'ghost', scopes: [] } })])).to.throw(
      /ghost/,
    );
  });
});
