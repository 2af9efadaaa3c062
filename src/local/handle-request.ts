/**
 * One request through the emulated API Gateway, in API Gateway's order:
 *   match      method + path -> resource + pathParameters   (none: 403 Missing Authentication Token)
 *   preflight  OPTIONS of a CORS resource: the swagger's mock answer
 *   event      request -> REST proxy v1 event
 *   authorize  built-in authorizer, if any         (401 / 403 / 500 as API Gateway)
 *   validate   the request validator of a modelled route (400 BadRequestError, as the gateway response)
 *   invoke     the bundle's APIHandler              (fails or times out: 502 / 504)
 *   answer     proxy result -> HTTP                  (not a proxy result: 502)
 */
import { functionConfig } from '../compiler/config/resolve-config';
import type { ResolvedConfig } from '../compiler/config/resolved-config';
import { API_HANDLER_ID, API_HANDLER_NAME } from '../compiler/model/names';
import { splitUrl, toProxyEvent, type ApiIdentity, type IncomingRequest } from '../events/proxy-event';
import type { APIGatewayProxyEvent } from '../runtime/events';
import type { ApiGateway } from './api-gateway';
import { authorize } from './authorize';
import { gatewayRejection } from './gateway-validation';
import {
  badGateway,
  fromProxyResult,
  integrationTimeout,
  missingAuthenticationToken,
  preflightAnswer,
  type HttpAnswer,
} from './http-answer';
import type { InvokeOutcome } from './invoke-function';

/**
 * What answering requests needs from the app behind the gateway: `appc local` runs its functions
 * in worker threads (LocalApp), `appc/test`'s client in its own process.
 */
export interface GatewayHost {
  readonly gateway: ApiGateway;
  readonly api: ApiIdentity;
  readonly config: ResolvedConfig;
  /** Policies of built-in authorizers by authorizer and token, while their TTL lasts. */
  readonly authorizerCache: Map<string, { result: unknown; expires: number }>;
  /** Runs function `name` (`api_handler`, an authorizer's name), whose bundle export is `exportName`. */
  invoke(name: string, exportName: string, event: unknown): Promise<InvokeOutcome>;
}

/** The answer to `request`; `log` hears about failures API Gateway would only log. */
export async function handleRequest(
  app: GatewayHost,
  request: IncomingRequest,
  log: (line: string) => void,
): Promise<HttpAnswer> {
  const match = app.gateway.matcher.match(request.method, splitUrl(request.url).path);
  const resource = match && app.gateway.resources.get(match.resource);
  if (!match || !resource) return missingAuthenticationToken();
  const method = resource.methods.get(request.method);
  if (!method) return resource.preflight ? preflightAnswer(resource.preflight) : missingAuthenticationToken();
  const event = toProxyEvent(request, match, app.api, app.gateway.binaryTypes);
  if (method.authorizer?.kind === 'builtin') {
    const auth = await authorize(app, method.authorizer, event, log);
    if ('answer' in auth) return auth.answer;
    event.requestContext.authorizer = auth.context;
  }
  return gatewayRejection(app.gateway.validations, event) ?? invokeApi(app, event, log);
}

async function invokeApi(
  app: GatewayHost,
  event: APIGatewayProxyEvent,
  log: (line: string) => void,
): Promise<HttpAnswer> {
  const outcome = await app.invoke(API_HANDLER_NAME, API_HANDLER_ID, event);
  if ('timeout' in outcome) {
    // The Lambda stops with an error (API Gateway answers 502), or API Gateway stops waiting (504).
    // https://repost.aws/knowledge-center/malformed-502-api-gateway
    const { lambdaTimeout } = functionConfig(app.config, API_HANDLER_NAME);
    log(
      outcome.timeout === 'function'
        ? `${event.httpMethod} ${event.path}: the API handler timed out (lambda_timeout ${lambdaTimeout} s)`
        : `${event.httpMethod} ${event.path}: no answer within API Gateway's 29 s integration timeout`,
    );
    return outcome.timeout === 'function' ? badGateway() : integrationTimeout();
  }
  if ('error' in outcome) {
    log(
      `${event.httpMethod} ${event.path}: the API handler failed: ${outcome.error instanceof Error ? outcome.error.stack : String(outcome.error)}`,
    );
    return badGateway();
  }
  const answer = fromProxyResult(outcome.value);
  if (answer) return answer;
  log(
    `${event.httpMethod} ${event.path}: the API handler's answer is not a proxy result: ${JSON.stringify(outcome.value)}`,
  );
  return badGateway();
}
