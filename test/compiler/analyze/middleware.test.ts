import { expect } from 'chai';
import { analyzeFiles, appTs } from './analyze-files';

const BLUEPRINT = [
  "import { Blueprint } from 'appc';",
  'export const bp = new Blueprint();',
  "bp.middleware('sqs', (event, next) => next(event));",
  "bp.route('/', () => ({}));",
].join('\n');

describe('analyze: middleware', () => {
  it("records each middleware in registration order, a blueprint's where the app registers it", () => {
    const app = appTs(
      [
        "import { bp } from './bp';",
        "app.middleware('all', ConvertToMiddleware((handler) => handler));",
        'app.registerBlueprint(bp);',
        "app.middleware('http', async function auth(request, next) { return next(request); });",
        "app.route('/', () => ({}));",
      ].join('\n'),
      'App, ConvertToMiddleware',
    );
    const { model, diagnostics } = analyzeFiles({ 'app.ts': app, 'bp.ts': BLUEPRINT });
    expect(diagnostics).to.deep.equal([]);
    const middleware = model!.middleware!.map((m) => [m.kind, m.location.file, m.location.line, m.handler.ownName]);
    expect(middleware).to.deep.equal([
      ['all', 'app.ts', 4, null],
      ['sqs', 'bp.ts', 3, null],
      ['http', 'app.ts', 6, 'auth'],
    ]);
    // Middleware adds no Lambda function.
    expect(model!.functions).to.deep.equal([]);
  });

  it('leaves the model without a middleware list when the app registers none', () => {
    const { model } = analyzeFiles({ 'app.ts': appTs("app.route('/', () => ({}));") });
    expect(model).to.not.have.property('middleware');
  });

  it("accepts appc's ConvertToMiddleware through an alias, and no other function of that name", () => {
    const aliased = appTs(
      "import { ConvertToMiddleware as toMiddleware } from 'appc';\napp.middleware('sns', toMiddleware((h) => h));",
    );
    expect(analyzeFiles({ 'app.ts': aliased }).model!.middleware!.map((m) => m.kind)).to.deep.equal(['sns']);
    const own = appTs(
      [
        'function ConvertToMiddleware(wrapper: unknown) { return (event: unknown, next: (e: unknown) => unknown) => next(event); }',
        "app.middleware('sns', ConvertToMiddleware((h: unknown) => h));",
      ].join('\n'),
    );
    const { diagnostics } = analyzeFiles({ 'app.ts': own });
    expect(diagnostics.map((d) => `${d.code} ${d.location?.line}`)).to.deep.equal(['APPC207 4']);
  });

  it('warns about a blueprint middleware registered after the blueprint, which never runs', () => {
    const late = [
      "import { Blueprint } from 'appc';",
      'export const bp = new Blueprint();',
      "bp.route('/', () => ({}));",
    ].join('\n');
    const app = appTs(
      "import { bp } from './bp';\napp.registerBlueprint(bp);\nbp.middleware('http', (r, next) => next(r));",
    );
    const { diagnostics } = analyzeFiles({ 'app.ts': app, 'bp.ts': late });
    expect(diagnostics.map((d) => `${d.code} ${d.severity} ${d.location?.line}`)).to.deep.equal(['APPC214 warning 5']);
  });

  it('finds the AWS SDK calls a middleware, or the wrapper it converts, reaches', () => {
    const app = appTs(
      [
        "import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';",
        "import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';",
        'async function audit(event: unknown, next: (e: unknown) => Promise<unknown>) {',
        '  await new SQSClient({}).send(new SendMessageCommand({ QueueUrl: "q", MessageBody: "b" }));',
        '  return next(event);',
        '}',
        'const notify = (handler: (e: unknown, c: unknown) => Promise<unknown>) => async (e: unknown, c: unknown) => {',
        '  await new SNSClient({}).send(new PublishCommand({ Message: "m" }));',
        '  return handler(e, c);',
        '};',
        "app.middleware('all', audit);",
        "app.middleware('all', ConvertToMiddleware(notify));",
      ].join('\n'),
      'App, ConvertToMiddleware',
    );
    const { model } = analyzeFiles({ 'app.ts': app });
    expect(model!.sdk?.calls.map((c) => `${c.module} ${c.operation}`)).to.deep.equal([
      '@aws-sdk/client-sqs SendMessage',
      '@aws-sdk/client-sns Publish',
    ]);
  });
});
