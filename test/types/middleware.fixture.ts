/**
 * Type-level test of middleware, compiled by test/runtime/type-fixtures.test.ts (strict). Every
 * `@ts-expect-error` line must be an error; everything else must compile.
 * Excluded from the main tsconfig: its errors are the point.
 */
import {
  App,
  Blueprint,
  ConvertToMiddleware,
  LambdaFunctionEvent,
  Request,
  Response,
  SNSEvent,
  type LambdaContext,
  type Middleware,
  type MiddlewareEvent,
  type WebsocketEvent,
  type CloudWatchEvent,
} from '../../src/runtime';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

export type Checks = [
  Expect<Equal<MiddlewareEvent<'http'>, Request>>,
  Expect<Equal<MiddlewareEvent<'websocket'>, WebsocketEvent>>,
  Expect<Equal<MiddlewareEvent<'pure_lambda'>, LambdaFunctionEvent>>,
  Expect<Equal<MiddlewareEvent<'scheduled'>, CloudWatchEvent>>,
  Expect<Equal<MiddlewareEvent<'cloudwatch'>, CloudWatchEvent>>,
];

const app = new App({ appName: 'types' });
const bp = new Blueprint();

// Valid uses.
app.middleware('all', (event, next) => next(event));
app.middleware('http', async (request, next) => {
  const response: Response = await next(request);
  response.headers['X-Path'] = request.path;
  return response;
});
app.middleware('http', (request) => new Response({ statusCode: 401, body: request.method }));
app.middleware('sns', async (event, next) => ({ subject: event.subject, answer: await next(event) }));
app.middleware('pure_lambda', (event, next) => next(new LambdaFunctionEvent({ wrapped: event.event }, event.context)));
app.middleware('websocket', (event, next) => next(event).then(() => ({ statusCode: 200, id: event.connectionId })));
app.middleware('all', (event, next) => (event instanceof SNSEvent ? event.message : next(event)));
bp.middleware('sqs', (event, next) => next(event));
const wrapper = (handler: (event: unknown, context: LambdaContext) => Promise<unknown>) => handler;
app.middleware('all', ConvertToMiddleware(wrapper));
app.middleware('http', ConvertToMiddleware(wrapper));
bp.middleware('kinesis', ConvertToMiddleware((handler) => async (event, context) => handler(event, context)));
const typed: Middleware<'s3'> = (event, next) => next(event);
app.middleware('s3', typed);

// Errors.
// @ts-expect-error 'htpp' is not a middleware kind
app.middleware('htpp', (event, next) => next(event));
// @ts-expect-error an http middleware gets a Request, which has no `message`
app.middleware('http', (request, next) => next(request.message));
// @ts-expect-error an sns middleware passes on an SNSEvent, not a Request
app.middleware('sns', (_event, next) => next(app.currentRequest!));
// @ts-expect-error the middleware for `all` gets any kind's event: narrow it before reading a kind's field
app.middleware('all', (event, next) => next(event).then(() => event.subject));
// @ts-expect-error a Lambda wrapper takes a handler, not an event
app.middleware('all', ConvertToMiddleware((event: string) => event));
// @ts-expect-error next resolves to a Response for http: no `jsonBody` there
app.middleware('http', async (request, next) => (await next(request)).jsonBody);
