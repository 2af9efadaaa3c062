import { expect } from 'chai';
import {
  App,
  AuthRequest,
  AuthResponse,
  AuthRoute,
  BuiltinAuthorizer,
  CognitoUserPoolAuthorizer,
  CustomAuthorizer,
  HANDLER_NAME,
  IAMAuthorizer,
  lambdaHandler,
  type APIGatewayTokenAuthorizerEvent,
  type AuthorizerResult,
} from '../../src/runtime';
import { lambdaContext, needsReferenceEvents, readEvent } from './support/events';

const GO_SAMPLE = 'aws-lambda-go/apigw-custom-auth-request.json'; // methodArn ...:ymy8tbxw7b/*/GET/
const SAM_SAMPLE = 'aws-sam-cli/ApiGatewayAuthorizer.json'; // methodArn ...:example/prod/POST/{proxy+}
const SAM_PREFIX = 'arn:aws:execute-api:us-east-1:123456789012:example/prod';

function allow(...resources: string[]) {
  return resources.map((resource) => ({ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: [resource] }));
}

describe('authorizers: built-in TOKEN authorizer as a Lambda function', () => {
  needsReferenceEvents();

  async function authorize(
    response: (auth: AuthRequest) => unknown,
    sample = SAM_SAMPLE,
    change?: (e: APIGatewayTokenAuthorizerEvent) => void,
  ) {
    const app = new App({ appName: 'myapp' });
    app.authorizer({ name: 'auth' }, response as never);
    const event = readEvent<APIGatewayTokenAuthorizerEvent>(sample);
    change?.(event);
    return (await lambdaHandler(app, 'auth')(event, lambdaContext())) as AuthorizerResult;
  }

  it('builds AuthRequest from the TOKEN event', async () => {
    const seen: AuthRequest[] = [];
    await authorize((auth) => (seen.push(auth), new AuthResponse({ routes: [], principalId: 'x' })), GO_SAMPLE);
    expect(seen[0]).to.be.instanceOf(AuthRequest);
    expect({ ...seen[0] }).to.deep.equal({
      authType: 'TOKEN',
      token: 'allow',
      methodArn: 'arn:aws:execute-api:us-west-2:123456789012:ymy8tbxw7b/*/GET/',
    });
  });

  it('turns routes into one statement per route and method, from methodArn', async () => {
    const result = await authorize(
      (auth) =>
        new AuthResponse({
          routes: ['/', new AuthRoute('/users/42', ['GET', 'PUT']), '/health'],
          principalId: `user-${auth.token}`,
        }),
    );
    expect(result).to.deep.equal({
      principalId: 'user-incoming-client-token',
      policyDocument: {
        Version: '2012-10-17',
        Statement: allow(
          `${SAM_PREFIX}/*/`,
          `${SAM_PREFIX}/GET/users/42`,
          `${SAM_PREFIX}/PUT/users/42`,
          `${SAM_PREFIX}/*/health`,
        ),
      },
    });
  });

  it('keeps the stage of the methodArn, including a wildcard stage', async () => {
    const result = await authorize(
      () => new AuthResponse({ routes: [new AuthRoute('/', ['GET'])], principalId: 'p' }),
      GO_SAMPLE,
    );
    expect(result.policyDocument.Statement).to.deep.equal(
      allow('arn:aws:execute-api:us-west-2:123456789012:ymy8tbxw7b/*/GET/'),
    );
  });

  it('allows everything with *', async () => {
    const result = await authorize(() => new AuthResponse({ routes: ['*'], principalId: 'p' }));
    expect(result.policyDocument.Statement).to.deep.equal(allow(`${SAM_PREFIX}/*/*`));
  });

  it('denies everything with no routes', async () => {
    const result = await authorize(() => new AuthResponse({ routes: [], principalId: 'p' }));
    expect(result.policyDocument.Statement).to.deep.equal([
      { Action: 'execute-api:Invoke', Effect: 'Deny', Resource: [`${SAM_PREFIX}/POST/{proxy+}`] },
    ]);
  });

  it('passes the context through, and leaves it out when not given', async () => {
    const context = { user: 'ann', admin: true, level: 3 };
    const withContext = await authorize(() => new AuthResponse({ routes: ['*'], principalId: 'p', context }));
    expect(withContext.context).to.deep.equal(context);
    const without = await authorize(() => new AuthResponse({ routes: ['*'], principalId: 'p' }));
    expect(Object.keys(without)).to.deep.equal(['principalId', 'policyDocument']);
  });

  it('passes a raw policy through unchanged', async () => {
    const raw: AuthorizerResult = {
      principalId: 'raw',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: '*' }],
      },
      context: { a: 'b' },
    };
    expect(await authorize(() => raw)).to.equal(raw);
  });

  it('waits for an async authorizer', async () => {
    const result = await authorize(async (auth) => new AuthResponse({ routes: ['/x'], principalId: auth.authType }));
    expect(result.principalId).to.equal('TOKEN');
    expect(result.policyDocument.Statement).to.deep.equal(allow(`${SAM_PREFIX}/*/x`));
  });

  it('varies with the methodArn of the event', async () => {
    const result = await authorize(
      () => new AuthResponse({ routes: [new AuthRoute('/a', ['DELETE'])], principalId: 'p' }),
      SAM_SAMPLE,
      (e) => {
        e.methodArn = 'arn:aws-cn:execute-api:cn-north-1:111122223333:abc123/dev/GET/a';
      },
    );
    expect(result.policyDocument.Statement).to.deep.equal(
      allow('arn:aws-cn:execute-api:cn-north-1:111122223333:abc123/dev/DELETE/a'),
    );
  });
});

describe('authorizers: registration and scopes', () => {
  const handler = () => new AuthResponse({ routes: ['*'], principalId: 'p' });

  it('names a built-in authorizer by options, function name or compiler marker', () => {
    const app = new App({ appName: 'myapp' });
    const named = app.authorizer(function checkToken() {
      return handler();
    });
    const optioned = app.authorizer(
      { name: 'fromOptions', ttlSeconds: 0, header: 'X-Token', executionRole: 'arn:aws:iam::1:role/r' },
      handler,
    );
    const marked = Object.assign(() => handler(), { [HANDLER_NAME]: 'fromConst' });
    const fromMarker = app.authorizer(marked);
    expect([named.name, optioned.name, fromMarker.name]).to.deep.equal(['checkToken', 'fromOptions', 'fromConst']);
    expect([named.header, optioned.header]).to.deep.equal(['Authorization', 'X-Token']);
    expect(optioned.options).to.deep.equal({
      name: 'fromOptions',
      ttlSeconds: 0,
      header: 'X-Token',
      executionRole: 'arn:aws:iam::1:role/r',
    });
    expect(named.options.ttlSeconds).to.equal(undefined);
    expect([...app.functions.keys()]).to.deep.equal(['checkToken', 'fromOptions', 'fromConst']);
    expect(app.functions.get('fromOptions')).to.deep.equal({
      kind: 'authorizer',
      name: 'fromOptions',
      authorizer: optioned,
    });
  });

  it('refuses an authorizer it cannot name', () => {
    const app = new App({ appName: 'myapp' });
    expect(() =>
      app.authorizer(
        {},
        (
          () => () =>
            handler()
        )(),
      ),
    ).to.throw(/cannot name this Lambda function/);
  });

  it('withScopes gives a copy with scopes on built-in, Cognito and custom authorizers', () => {
    const app = new App({ appName: 'myapp' });
    const builtin = app.authorizer({ name: 'auth', header: 'X-Auth' }, handler);
    const scoped = builtin.withScopes(['read', 'write']);
    expect(scoped).to.be.instanceOf(BuiltinAuthorizer);
    expect([scoped.name, scoped.handler, scoped.header, scoped.scopes]).to.deep.equal([
      'auth',
      handler,
      'X-Auth',
      ['read', 'write'],
    ]);
    expect(builtin.scopes).to.deep.equal([]);

    const pool = new CognitoUserPoolAuthorizer('MyPool', {
      providerArns: ['arn:aws:cognito-idp:us-east-1:1:userpool/p'],
    });
    const poolScoped = pool.withScopes(['email']);
    expect({ ...poolScoped }).to.deep.equal({
      kind: 'cognito',
      name: 'MyPool',
      providerArns: ['arn:aws:cognito-idp:us-east-1:1:userpool/p'],
      header: 'Authorization',
      scopes: ['email'],
    });
    expect(pool.scopes).to.deep.equal([]);

    const custom = new CustomAuthorizer('Ext', {
      authorizerUri: 'arn:aws:apigateway:x',
      header: 'X-Key',
      invokeRoleArn: 'arn:role',
    });
    expect({ ...custom.withScopes(['s']) }).to.deep.equal({
      kind: 'custom',
      name: 'Ext',
      authorizerUri: 'arn:aws:apigateway:x',
      ttlSeconds: 300,
      header: 'X-Key',
      invokeRoleArn: 'arn:role',
      scopes: ['s'],
    });
    expect({ ...new IAMAuthorizer() }).to.deep.equal({ kind: 'iam', name: 'sigv4', scopes: [] });
  });

  it('records the authorizer on the routes that name it', () => {
    const app = new App({ appName: 'myapp' });
    const auth = app.authorizer({ name: 'auth' }, handler);
    app.route('/secret', { authorizer: auth.withScopes(['admin']) }, () => 1);
    const entry = app.routes.get('/secret')?.get('GET');
    expect(entry?.authorizer).to.be.instanceOf(BuiltinAuthorizer);
    expect(entry?.authorizer?.scopes).to.deep.equal(['admin']);
  });
});
