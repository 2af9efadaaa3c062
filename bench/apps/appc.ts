// The three benchmark routes in appc: the runtime API plus its Lambda entry point.
import { App, lambdaHandler } from '../../src/runtime';

const app = new App({ appName: 'bench' });

app.route('/', () => ({ hello: 'world' }));

app.route('/cities/{city}', ({ city }) => ({ city }));

app.route('/objects/{key}', { methods: ['PUT'] }, ({ key }, request) => ({ key, value: request.jsonBody }));

export const handler = lambdaHandler(app, 'api_handler');
