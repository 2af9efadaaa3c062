/**
 * A built-in (TOKEN) authorizer in front of a route, as API Gateway runs it: no token in its
 * header is 401 without calling it; otherwise it gets `{ type: 'TOKEN', authorizationToken,
 * methodArn }`, its policy is cached by token for its TTL and evaluated against the request's
 * method ARN (403 when denied), and its `context`, with `principalId`, becomes
 * `requestContext.authorizer`. An authorizer that throws `Unauthorized` gives 401, any
 * other failure 500, as API Gateway answers.
 */
import { methodArn } from '../events/proxy-event';
import type { APIGatewayProxyEvent, APIGatewayTokenAuthorizerEvent } from '../runtime/events';
import { headerValue } from '../runtime/request';
import type { LocalAuthorizer } from './api-gateway';
import { evaluatePolicy } from './evaluate-policy';
import type { GatewayHost } from './handle-request';
import { accessDenied, authorizerConfigurationError, unauthorized, type HttpAnswer } from './http-answer';

export type AuthOutcome = { context: Record<string, unknown> } | { answer: HttpAnswer };

interface AuthorizerResult {
  principalId: string;
  policyDocument: unknown;
  context?: Record<string, unknown>;
}

/** Runs `authorizer` for `event`; `log` hears why a request failed when the authorizer is at fault. */
export async function authorize(
  app: GatewayHost,
  authorizer: LocalAuthorizer,
  event: APIGatewayProxyEvent,
  log: (line: string) => void,
): Promise<AuthOutcome> {
  const token = headerValue(event.headers, authorizer.header.toLowerCase());
  if (token === undefined || token === '') return { answer: unauthorized() };
  const arn = methodArn(app.api, event.httpMethod, event.path);
  const started = Date.now();
  const cacheKey = `${authorizer.name}\n${token}`;
  let result = cached(app, cacheKey);
  if (result === undefined) {
    const request: APIGatewayTokenAuthorizerEvent = { type: 'TOKEN', authorizationToken: token, methodArn: arn };
    const outcome = await app.invoke(authorizer.name, authorizer.exportName, request);
    if ('timeout' in outcome) {
      log(`authorizer ${authorizer.name} timed out`);
      return { answer: authorizerConfigurationError() };
    }
    if ('error' in outcome) {
      if (outcome.error instanceof Error && outcome.error.message === 'Unauthorized') return { answer: unauthorized() };
      log(`authorizer ${authorizer.name} failed: ${describe(outcome.error)}`);
      return { answer: authorizerConfigurationError() };
    }
    if (!isAuthorizerResult(outcome.value)) {
      log(
        `authorizer ${authorizer.name} returned ${JSON.stringify(outcome.value)}, which is not {principalId, policyDocument}`,
      );
      return { answer: authorizerConfigurationError() };
    }
    result = outcome.value;
    if (authorizer.ttlSeconds > 0)
      app.authorizerCache.set(cacheKey, { result, expires: Date.now() + authorizer.ttlSeconds * 1000 });
  }
  const decision = evaluatePolicy(result.policyDocument, arn);
  if (decision !== 'allow') return { answer: accessDenied(decision === 'explicit-deny') };
  return { context: { ...result.context, principalId: result.principalId, integrationLatency: Date.now() - started } };
}

function cached(app: GatewayHost, key: string): AuthorizerResult | undefined {
  const entry = app.authorizerCache.get(key);
  if (entry === undefined) return undefined;
  if (entry.expires > Date.now()) return entry.result as AuthorizerResult;
  app.authorizerCache.delete(key);
  return undefined;
}

function isAuthorizerResult(value: unknown): value is AuthorizerResult {
  if (typeof value !== 'object' || value === null) return false;
  const { principalId, policyDocument, context } = value as Partial<AuthorizerResult>;
  return (
    typeof principalId === 'string' &&
    typeof policyDocument === 'object' &&
    policyDocument !== null &&
    (context === undefined || (typeof context === 'object' && context !== null))
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
