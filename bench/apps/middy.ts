// The three benchmark routes in middy + @middy/http-router, with no extra middlewares:
// each route parses its JSON body and serializes its answer itself.
import middy from '@middy/core';
import httpRouterHandler from '@middy/http-router';

const json = (body: unknown) => ({
  statusCode: 200,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/** The parts of the REST proxy event the routes read. */
interface RouteEvent {
  pathParameters: Record<string, string>;
  body: string;
}

const routes = [
  { method: 'GET' as const, path: '/', handler: () => json({ hello: 'world' }) },
  {
    method: 'GET' as const,
    path: '/cities/{city}',
    handler: (event: RouteEvent) => json({ city: event.pathParameters.city }),
  },
  {
    method: 'PUT' as const,
    path: '/objects/{key}',
    handler: (event: RouteEvent) => json({ key: event.pathParameters.key, value: JSON.parse(event.body) }),
  },
];

export const handler = middy().handler(httpRouterHandler(routes));
