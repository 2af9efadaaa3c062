// The three benchmark routes in appc: the runtime API plus the API handler's Lambda entry point.
import { App } from '../../src/runtime';
import { apiHandler } from '../../src/runtime/handler-factories';

const app = new App({ appName: 'bench' });

app.route('/', () => ({ hello: 'world' }));

app.route('/cities/{city}', ({ city }) => ({ city }));

app.route('/objects/{key}', { methods: ['PUT'] }, ({ key }, request) => ({ key, value: request.jsonBody }));

// The API handler's factory only, as `appc package` generates for an app with routes and nothing else.
export const handler = apiHandler(app);
