/**
 * The test client (`import { TestClient } from 'appc/test'`), Chalice's `chalice.test.Client`
 * for TypeScript: it runs the App a test imported, in the test's process, the way Lambda and
 * API Gateway would, with the stage's settings from `.appc/config.json`.
 */
import * as path from 'node:path';
import type { ResolvedConfig } from '../compiler/config/resolved-config';
import { DEFAULT_STAGE } from '../compiler/config/raw-config';
import type { App } from '../runtime/app';
import { TestHttpClient } from './http-client';
import { inProcessHost, type InProcessHost } from './in-process-host';
import { TestLambdaClient } from './lambda-client';
import { loadStageConfig, StageEnvironment } from './stage-environment';
import { TEST_EVENTS, type TestEvents } from './test-events';

export interface TestClientOptions {
  /** The stage whose settings apply (default `dev`). */
  stage?: string;
  /** The project holding `.appc/config.json` (default: the current directory). */
  projectDir?: string;
  /** Hears what API Gateway would only log (a handler that failed, a bad authorizer answer); default: stderr. */
  log?: (line: string) => void;
}

/**
 * @example
 * const client = new TestClient(app, { stage: 'dev' });
 * const response = await client.http.get('/hello/world');
 * assert.deepEqual(response.json(), { hello: 'world' });
 * client.close();
 */
export class TestClient {
  /** Requests to the app's routes: `await client.http.post('/users', { body: { name: 'a' } })`. */
  readonly http: TestHttpClient;
  /** Invocations of the app's functions: `await client.lambda.invoke('worker', payload)`. */
  readonly lambda: TestLambdaClient;
  /** Builders of the events event sources send: `client.events.sqs(['a message'])`. */
  readonly events: TestEvents = TEST_EVENTS;
  /** The stage's resolved settings. */
  readonly config: ResolvedConfig;
  private readonly environment: StageEnvironment;
  private readonly host: InProcessHost;
  private closed = false;

  /** Reads the stage's config and sets its environment variables in `process.env` until `close()`. */
  constructor(app: App, options: TestClientOptions = {}) {
    const projectDir = path.resolve(options.projectDir ?? '.');
    this.config = loadStageConfig(projectDir, options.stage ?? DEFAULT_STAGE, [...app.functions.keys()]);
    this.environment = new StageEnvironment(this.config.defaultFunction.environmentVariables);
    this.host = inProcessHost(app, this.config, this.environment);
    const log = options.log ?? ((line: string) => process.stderr.write(`appc/test: ${line}\n`));
    this.http = new TestHttpClient(() => this.open(), log);
    this.lambda = new TestLambdaClient(() => this.open());
  }

  /** Puts `process.env` back as it was before the client was created. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.environment.restore();
  }

  private open(): InProcessHost {
    if (this.closed) throw new Error('appc/test: this TestClient is closed');
    return this.host;
  }
}
