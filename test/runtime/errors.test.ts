import { expect } from 'chai';
import {
  App,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  MethodNotAllowedError,
  NotFoundError,
  RequestTimeoutError,
  TooManyRequestsError,
  UnauthorizedError,
  UnprocessableEntityError,
  ViewError,
} from '../../src/runtime';
import { captureLog, invokeApi, needsReferenceEvents, proxyEvent } from './support/events';

const JSON_HEADERS = { 'Content-Type': 'application/json' };
const INTERNAL = '{"Code":"InternalServerError","Message":"An internal server error occurred."}';

describe('errors: ViewError subclasses', () => {
  needsReferenceEvents();

  const table: Array<[typeof ViewError, number, string]> = [
    [BadRequestError, 400, 'BadRequestError'],
    [UnauthorizedError, 401, 'UnauthorizedError'],
    [ForbiddenError, 403, 'ForbiddenError'],
    [NotFoundError, 404, 'NotFoundError'],
    [MethodNotAllowedError, 405, 'MethodNotAllowedError'],
    [RequestTimeoutError, 408, 'RequestTimeoutError'],
    [ConflictError, 409, 'ConflictError'],
    [UnprocessableEntityError, 422, 'UnprocessableEntityError'],
    [TooManyRequestsError, 429, 'TooManyRequestsError'],
    [ViewError, 500, 'ViewError'],
  ];

  for (const [ErrorClass, status, code] of table) {
    it(`${code} answers ${status} with {"Code","Message"} and is not logged`, async () => {
      const app = new App({ appName: 'myapp' });
      const log = captureLog(app);
      app.route('/', () => {
        throw new ErrorClass(`bad ${code}`);
      });
      expect(await invokeApi(app, proxyEvent({ resource: '/' }))).to.deep.equal({
        statusCode: status,
        headers: JSON_HEADERS,
        multiValueHeaders: {},
        body: JSON.stringify({ Code: code, Message: `bad ${code}` }),
      });
      expect(log).to.deep.equal([]);
    });
  }

  it("uses a user subclass's name and status", async () => {
    class TeapotError extends ViewError {
      static readonly statusCode = 418;
    }
    class GoneMissing extends NotFoundError {}
    const app = new App({ appName: 'myapp' });
    app.route('/tea', () => {
      throw new TeapotError('short and stout');
    });
    app.route('/gone', async () => {
      throw new GoneMissing('where');
    });
    const tea = await invokeApi(app, proxyEvent({ resource: '/tea' }));
    expect([tea.statusCode, tea.body]).to.deep.equal([418, '{"Code":"TeapotError","Message":"short and stout"}']);
    const gone = await invokeApi(app, proxyEvent({ resource: '/gone' }));
    expect([gone.statusCode, gone.body]).to.deep.equal([404, '{"Code":"GoneMissing","Message":"where"}']);
  });

  it('names the error class in its stack', () => {
    expect(new ConflictError('x').stack).to.match(/^ConflictError: x/);
  });
});

describe('errors: unhandled errors', () => {
  needsReferenceEvents();

  function failingApp(debug: boolean): App {
    const app = new App({ appName: 'myapp', debug });
    app.route('/boom', () => {
      throw new Error('kaput');
    });
    app.route('/reject', async () => Promise.reject(new TypeError('async kaput')));
    app.route('/string', () => {
      throw 'just a string';
    });
    app.route('/bigint', () => ({ n: 10n }));
    return app;
  }
  const event = (resource: string) => proxyEvent({ resource, path: `${resource}/x` });

  it('answers 500 without the stack and logs the error', async () => {
    const app = failingApp(false);
    const log = captureLog(app);
    const result = await invokeApi(app, event('/boom'));
    expect(result).to.deep.equal({ statusCode: 500, headers: JSON_HEADERS, multiValueHeaders: {}, body: INTERNAL });
    expect(log).to.have.length(1);
    expect(log[0]).to.match(/^myapp - ERROR - Caught exception for GET \/boom\/x: Error: kaput\n {4}at /);
  });

  it('answers 500 for a rejected promise', async () => {
    const app = failingApp(false);
    const log = captureLog(app);
    expect((await invokeApi(app, event('/reject'))).body).to.equal(INTERNAL);
    expect(log[0]).to.match(/^myapp - ERROR - Caught exception for GET \/reject\/x: TypeError: async kaput/);
  });

  it('answers 500 for a thrown non-Error and logs its text', async () => {
    const app = failingApp(false);
    const log = captureLog(app);
    expect((await invokeApi(app, event('/string'))).statusCode).to.equal(500);
    expect(log).to.deep.equal(['myapp - ERROR - Caught exception for GET /string/x: just a string\n']);
  });

  it('answers 500 when the return value cannot be serialised', async () => {
    const app = failingApp(false);
    const log = captureLog(app);
    expect((await invokeApi(app, event('/bigint'))).body).to.equal(INTERNAL);
    expect(log[0]).to.match(/^myapp - ERROR - Caught exception for GET \/bigint\/x: TypeError: .*BigInt/);
  });

  it('puts the stack in the body only with debug', async () => {
    const app = failingApp(true);
    captureLog(app);
    const result = await invokeApi(app, event('/boom'));
    expect(result.statusCode).to.equal(500);
    expect(result.headers).to.deep.equal(JSON_HEADERS);
    const body = JSON.parse(result.body);
    expect(Object.keys(body)).to.deep.equal(['Code', 'Message', 'Stack']);
    expect(body.Code).to.equal('InternalServerError');
    expect(body.Stack).to.match(/^Error: kaput\n {4}at /);
  });

  it('follows app.debug set after construction', async () => {
    const app = failingApp(false);
    captureLog(app);
    app.debug = true;
    expect(JSON.parse((await invokeApi(app, event('/boom'))).body).Stack).to.match(/^Error: kaput/);
    app.debug = false;
    expect((await invokeApi(app, event('/boom'))).body).to.equal(INTERNAL);
  });
});
