// @ts-nocheck -- 'appc' resolves for the analyzer and the bundler, not for the repo's own tsc.
// bench/local.ts's second app: a handler that waits 20 ms (a database call, say) before answering.
import { App } from 'appc';

export const app = new App({ appName: 'localwait' });

app.route('/', async () => {
  await new Promise((resolve) => setTimeout(resolve, 20));
  return { hello: 'world' };
});
