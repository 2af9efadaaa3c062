import type { APIGatewayTokenAuthorizerEvent, AuthorizerResult, IAMPolicyStatement } from './events';

/** Any authorizer a route can name in `{ authorizer }`. */
export type Authorizer = IAMAuthorizer | CognitoUserPoolAuthorizer | CustomAuthorizer | BuiltinAuthorizer;

/** API Gateway's SigV4 authorizer (swagger security name `sigv4`). */
export class IAMAuthorizer {
  readonly kind = 'iam' as const;
  readonly name = 'sigv4';
  readonly scopes: readonly string[] = [];
}

export interface CognitoUserPoolAuthorizerOptions {
  providerArns: string[];
  header?: string;
  scopes?: string[];
}

/** A Cognito user pool authorizer: `new CognitoUserPoolAuthorizer('MyPool', { providerArns: [poolArn] })`. */
export class CognitoUserPoolAuthorizer {
  readonly kind = 'cognito' as const;
  readonly providerArns: readonly string[];
  readonly header: string;
  readonly scopes: readonly string[];

  constructor(
    readonly name: string,
    options: CognitoUserPoolAuthorizerOptions,
  ) {
    this.providerArns = options.providerArns;
    this.header = options.header ?? 'Authorization';
    this.scopes = options.scopes ?? [];
  }

  /** The same authorizer requiring these OAuth scopes on one route. */
  withScopes(scopes: string[]): CognitoUserPoolAuthorizer {
    return new CognitoUserPoolAuthorizer(this.name, {
      providerArns: [...this.providerArns],
      header: this.header,
      scopes,
    });
  }
}

export interface CustomAuthorizerOptions {
  authorizerUri: string;
  ttlSeconds?: number;
  header?: string;
  invokeRoleArn?: string;
  scopes?: string[];
}

/** A TOKEN authorizer Lambda deployed elsewhere, named by its invocation URI. */
export class CustomAuthorizer {
  readonly kind = 'custom' as const;
  readonly authorizerUri: string;
  readonly ttlSeconds: number;
  readonly header: string;
  readonly invokeRoleArn: string | undefined;
  readonly scopes: readonly string[];

  constructor(
    readonly name: string,
    options: CustomAuthorizerOptions,
  ) {
    this.authorizerUri = options.authorizerUri;
    this.ttlSeconds = options.ttlSeconds ?? 300;
    this.header = options.header ?? 'Authorization';
    this.invokeRoleArn = options.invokeRoleArn;
    this.scopes = options.scopes ?? [];
  }

  withScopes(scopes: string[]): CustomAuthorizer {
    const { authorizerUri, ttlSeconds, header, invokeRoleArn } = this;
    return new CustomAuthorizer(this.name, { authorizerUri, ttlSeconds, header, invokeRoleArn, scopes });
  }
}

export interface BuiltinAuthorizerOptions {
  name?: string;
  ttlSeconds?: number;
  executionRole?: string;
  header?: string;
}

export type AuthorizerHandler = (
  auth: AuthRequest,
) => AuthResponse | AuthorizerResult | Promise<AuthResponse | AuthorizerResult>;

/** What `app.authorizer(...)` returns: a TOKEN authorizer whose code is part of this app. */
export class BuiltinAuthorizer {
  readonly kind = 'builtin' as const;

  constructor(
    readonly name: string,
    readonly handler: AuthorizerHandler,
    readonly options: Readonly<BuiltinAuthorizerOptions> = {},
    readonly scopes: readonly string[] = [],
  ) {}

  get header(): string {
    return this.options.header ?? 'Authorization';
  }

  withScopes(scopes: string[]): BuiltinAuthorizer {
    return new BuiltinAuthorizer(this.name, this.handler, this.options, scopes);
  }
}

/** The TOKEN authorizer event, as a built-in authorizer's handler sees it. */
export class AuthRequest {
  constructor(
    readonly authType: string,
    readonly token: string,
    readonly methodArn: string,
  ) {}

  static fromEvent(event: APIGatewayTokenAuthorizerEvent): AuthRequest {
    return new AuthRequest(event.type, event.authorizationToken, event.methodArn);
  }
}

/** One allowed path (as the client requests it, e.g. `/users/42`) with its methods. */
export class AuthRoute {
  constructor(
    readonly path: string,
    readonly methods: string[],
  ) {}
}

export interface AuthResponseInit {
  routes: Array<string | AuthRoute>;
  principalId: string;
  context?: Record<string, string | number | boolean>;
}

/**
 * A built-in authorizer's decision: the routes the caller may invoke. A string route
 * allows every method, `'*'` allows every route, and an empty list denies everything.
 */
export class AuthResponse {
  readonly routes: Array<string | AuthRoute>;
  readonly principalId: string;
  readonly context: Record<string, string | number | boolean> | undefined;

  constructor(init: AuthResponseInit) {
    this.routes = init.routes;
    this.principalId = init.principalId;
    this.context = init.context;
  }

  /** The policy API Gateway expects, one statement per allowed route and method. */
  toDict(request: AuthRequest): AuthorizerResult {
    const statements: IAMPolicyStatement[] = [];
    for (const route of this.routes) {
      const [path, methods] = typeof route === 'string' ? [route, ['*']] : [route.path, route.methods];
      for (const method of methods) {
        statements.push({
          Action: 'execute-api:Invoke',
          Effect: 'Allow',
          Resource: [routeArn(request.methodArn, method, path)],
        });
      }
    }
    if (statements.length === 0) {
      statements.push({ Action: 'execute-api:Invoke', Effect: 'Deny', Resource: [request.methodArn] });
    }
    const result: AuthorizerResult = {
      principalId: this.principalId,
      policyDocument: { Version: '2012-10-17', Statement: statements },
    };
    if (this.context !== undefined) result.context = this.context;
    return result;
  }
}

/**
 * The execute-api ARN of `method` on `path`, in the API and stage of `methodArn`
 * (`arn:aws:execute-api:region:account:apiId/stage/VERB/resource/path`).
 * `'*'` as path means every resource.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-control-access-using-iam-policies-to-invoke-api.html
 */
export function routeArn(methodArn: string, method: string, path: string): string {
  const colon = nthIndexOf(methodArn, ':', 5);
  const prefix = methodArn.slice(0, colon + 1);
  const [apiId, stage] = methodArn.slice(colon + 1).split('/', 2);
  const resource = path === '*' ? '*' : path.replace(/^\//, '');
  return `${prefix}${apiId}/${stage}/${method.toUpperCase()}/${resource}`;
}

function nthIndexOf(text: string, char: string, n: number): number {
  let index = -1;
  for (let i = 0; i < n; i++) index = text.indexOf(char, index + 1);
  return index;
}
