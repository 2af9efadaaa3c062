/**
 * The real Lambda event samples in ../shared/reference/events, read at test time (never
 * copied into the repo), and helpers that vary them per test case.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  App,
  lambdaHandler,
  type APIGatewayProxyEvent,
  type APIGatewayProxyResult,
  type LambdaContext,
} from '../../../src/runtime';
import type { JsonDoc } from '../../support/json-doc';

/** `../shared/reference/events` next to the repository (test/runtime/support -> repo -> ..). */
export const EVENTS_DIR = path.resolve(__dirname, '../../../../shared/reference/events');

/**
 * Call inside a `describe`: its tests are skipped, with a message saying why, when the
 * reference events are missing. They never pass silently.
 */
export function needsReferenceEvents(): void {
  before(function () {
    if (!fs.existsSync(EVENTS_DIR)) {
      console.log(`    reference events missing at ${EVENTS_DIR}`);
      this.skip();
    }
  });
}

/** A fresh copy of one sample, e.g. `readEvent('aws-sam-cli/Sqs.json')`. */
export function readEvent<T = JsonDoc>(name: string): T {
  let text = texts.get(name);
  if (text === undefined) texts.set(name, (text = fs.readFileSync(path.join(EVENTS_DIR, name), 'utf8')));
  return JSON.parse(text) as T;
}
const texts = new Map<string, string>();

export interface ProxyEventInit {
  resource: string;
  path?: string;
  method?: string;
  pathParameters?: Record<string, string> | null;
  /** Replaces the sample's headers (multiValueHeaders follow). */
  headers?: Record<string, string>;
  query?: Record<string, string[]> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
}

/**
 * The REST proxy sample `aws-sam-cli/AwsProxy.json` (or `sample`) turned into a request
 * for `resource`: method, path, path parameters, headers, query and body replaced.
 * Without `headers` the sample's browser headers stay (its Accept admits `*` + `/*`).
 */
export function proxyEvent(init: ProxyEventInit, sample = 'aws-sam-cli/AwsProxy.json'): APIGatewayProxyEvent {
  const event = readEvent<APIGatewayProxyEvent>(sample);
  const method = init.method ?? 'GET';
  event.resource = init.resource;
  event.path = init.path ?? init.resource;
  event.httpMethod = method;
  event.requestContext.resourcePath = init.resource;
  event.requestContext.httpMethod = method;
  event.requestContext.path = `/${event.requestContext.stage}${event.path}`;
  event.pathParameters = init.pathParameters ?? null;
  if (init.headers) {
    event.headers = { ...init.headers };
    event.multiValueHeaders = Object.fromEntries(Object.entries(init.headers).map(([k, v]) => [k, [v]]));
  }
  if (init.query !== undefined) {
    event.multiValueQueryStringParameters = init.query;
    event.queryStringParameters =
      init.query && Object.fromEntries(Object.entries(init.query).map(([k, v]) => [k, v[v.length - 1]]));
  }
  event.body = init.body ?? null;
  event.isBase64Encoded = init.isBase64Encoded ?? false;
  return event;
}

/** Invoke `app`'s API handler as Lambda would. */
export function invokeApi(
  app: App,
  event: APIGatewayProxyEvent,
  context: LambdaContext = {},
): Promise<APIGatewayProxyResult> {
  return lambdaHandler(app, 'api_handler')(event, context) as Promise<APIGatewayProxyResult>;
}

/** Capture `app.log`'s lines instead of writing them to stdout. */
export function captureLog(app: App): string[] {
  const lines: string[] = [];
  app.log.write = (line) => lines.push(line);
  return lines;
}

/** A Lambda context like the one the Node.js runtime passes. */
export function lambdaContext(functionName = 'myapp-dev'): LambdaContext {
  return { functionName, awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef', getRemainingTimeInMillis: () => 3000 };
}
