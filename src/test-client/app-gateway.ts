/**
 * The API Gateway in front of an App the test has imported: the same gateway `appc local`
 * builds from the compiler's model (resources, methods, authorizers, CORS preflights), here
 * described from the App's own registrations, which the test has already run.
 */
import type { App } from '../runtime/app';
import type { Authorizer } from '../runtime/authorizers';
import { CORSConfig, type CORSOptions, type CorsSetting } from '../runtime/cors';
import {
  builtinAuthorizer,
  gatewayOf,
  type ApiGateway,
  type GatewayMethod,
  type GatewayRoute,
} from '../local/api-gateway';

/** The gateway serving `app`'s routes, in registration order. */
export function gatewayOfApp(app: App): ApiGateway {
  const routes: GatewayRoute[] = [];
  for (const [path, methods] of app.routes) {
    for (const entry of methods.values()) {
      routes.push({
        path,
        methods: [entry.method],
        authorizer: entry.authorizer && gatewayAuthorizer(entry.authorizer),
        apiKeyRequired: entry.apiKeyRequired,
        cors: corsOptions(entry.cors ?? app.api.cors),
      });
    }
  }
  return gatewayOf(routes, app.api.binaryTypes);
}

function gatewayAuthorizer(authorizer: Authorizer): GatewayMethod['authorizer'] {
  switch (authorizer.kind) {
    case 'builtin':
      return builtinAuthorizer(authorizer.name, authorizer.header, authorizer.options.ttlSeconds);
    case 'iam':
      return { kind: 'iam', name: 'sigv4' };
    case 'cognito':
    case 'custom':
      return { kind: authorizer.kind, name: authorizer.name };
  }
}

function corsOptions(setting: CorsSetting): CORSOptions | false {
  if (setting === false) return false;
  return setting === true ? new CORSConfig() : setting;
}
