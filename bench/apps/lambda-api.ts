// The three benchmark routes in lambda-api (it parses JSON bodies itself).
import createAPI, { type Request, type Response } from 'lambda-api';

const api = createAPI();

api.get('/', (_req: Request, res: Response) => res.json({ hello: 'world' }));

api.get('/cities/:city', (req: Request, res: Response) => res.json({ city: req.params.city }));

api.put('/objects/:key', (req: Request, res: Response) => res.json({ key: req.params.key, value: req.body }));

export const handler = (event: Parameters<typeof api.run>[0], context: Parameters<typeof api.run>[1]) =>
  api.run(event, context);
