// The floor (issue 18): the three benchmark routes as one hand-written Lambda handler, with no
// framework: dispatch on API Gateway's (resource, httpMethod), parse the JSON body, answer JSON.
const json = (body: unknown) => ({
  statusCode: 200,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

interface ProxyEvent {
  httpMethod: string;
  resource: string;
  pathParameters: Record<string, string> | null;
  body: string | null;
}

export const handler = async (event: ProxyEvent) => {
  switch (`${event.httpMethod} ${event.resource}`) {
    case 'GET /':
      return json({ hello: 'world' });
    case 'GET /cities/{city}':
      return json({ city: event.pathParameters!.city });
    case 'PUT /objects/{key}':
      return json({ key: event.pathParameters!.key, value: JSON.parse(event.body!) });
    default:
      return { statusCode: 404, body: '{"message":"Not Found"}' };
  }
};
