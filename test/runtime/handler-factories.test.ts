import { expect } from 'chai';
import { App, AuthResponse, Rate, lambdaHandler } from '../../src/runtime';
import * as factories from '../../src/runtime/handler-factories';
import { HANDLER_FACTORIES } from '../../src/runtime/handler-factory-names';

/** One app with a function of every kind, named for its kind. */
function appOfEveryKind(): App {
  const app = new App({ appName: 'kinds' });
  app.authorizer({ name: 'authorizer' }, () => new AuthResponse({ routes: [], principalId: 'p' }));
  app.schedule(new Rate(1, Rate.MINUTES), { name: 'schedule' }, () => 'schedule');
  app.onCWEvent({ name: 'cw-event', eventPattern: { source: ['x'] } }, () => 'cw-event');
  app.lambdaFunction({ name: 'lambda' }, () => 'lambda');
  app.onSnsMessage({ name: 'sns', topic: 't' }, () => 'sns');
  app.onSqsMessage({ name: 'sqs', queue: 'q' }, () => 'sqs');
  app.onKinesisRecord({ name: 'kinesis', stream: 's' }, () => 'kinesis');
  app.onDynamoDBRecord({ name: 'dynamodb', streamArn: 'arn' }, () => 'dynamodb');
  app.onS3Event({ name: 's3', bucket: 'b' }, () => 's3');
  app.onWsConnect(() => undefined);
  return app;
}

describe('handler factories (the entry module appc package generates calls them)', () => {
  it('name a factory for every kind, and each answers for the functions of its kind', () => {
    const app = appOfEveryKind();
    for (const fn of app.functions.values()) {
      const factory = factories[HANDLER_FACTORIES[fn.kind]];
      expect(factory(app, fn.name), fn.kind).to.be.a('function');
    }
    const kinds = new Set([...app.functions.values()].map((fn) => fn.kind));
    expect([...kinds].sort()).to.deep.equal(
      Object.keys(HANDLER_FACTORIES)
        .filter((kind) => !['ws-message', 'ws-disconnect'].includes(kind))
        .sort(),
    );
  });

  it('run the same handler lambdaHandler does', async () => {
    const app = appOfEveryKind();
    const event = { Records: [{ Sns: { Message: 'm' } }] };
    expect(await factories.sqsHandler(app, 'sqs')(event, {})).to.equal('sqs');
    expect(await lambdaHandler(app, 'sqs')(event, {})).to.equal('sqs');
    expect(await factories.pureLambdaHandler(app, 'lambda')(null, {})).to.equal('lambda');
  });

  it('refuse a function of another kind, and an unknown name as lambdaHandler does', () => {
    const app = appOfEveryKind();
    expect(() => factories.sqsHandler(app, 'sns')).to.throw("app kinds's function sns is a sns function, not sqs");
    expect(() => factories.websocketHandler(app, 'lambda')).to.throw(
      'is a lambda function, not ws-connect or ws-message or ws-disconnect',
    );
    const message = 'app kinds has no Lambda function named nope (it has: api_handler, authorizer, schedule,';
    expect(() => factories.s3Handler(app, 'nope')).to.throw(message);
    expect(() => lambdaHandler(app, 'nope')).to.throw(message);
  });
});
