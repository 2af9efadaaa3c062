// The three benchmark routes in hono, behind its API Gateway adapter.
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

const app = new Hono();

app.get('/', (c) => c.json({ hello: 'world' }));

app.get('/cities/:city', (c) => c.json({ city: c.req.param('city') }));

app.put('/objects/:key', async (c) => c.json({ key: c.req.param('key'), value: await c.req.json() }));

export const handler = handle(app);
