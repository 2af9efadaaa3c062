import { expect } from 'chai';
import { VALIDATION_CODES, validateApp } from '../../../src/compiler/validate';
import type { CorsModel } from '../../../src/compiler/model/app-model';
import { app, brief, config, fn, functionConfig, handler, route } from './builders';

const CORS: CorsModel = { allowOrigin: '*', allowHeaders: ['X-Custom'] };

/** A correct app using every kind of registration. */
function goodApp() {
  return app({
    cors: CORS,
    routes: [
      route('/', 3),
      route('/cities/{city}', 4, {
        handler: handler(4, ['city']),
        authorizer: { kind: 'builtin', name: 'auth', scopes: [] },
      }),
      route('/cities/{city}', 5, { methods: ['PUT', 'DELETE'], cors: false }),
      route('/files/{proxy+}', 6, { contentTypes: ['image/png'] }),
    ],
    functions: [
      fn('authorizer', 'auth', 8),
      fn('schedule', 'every_hour', 9),
      fn('lambda', 'worker', 10),
      fn('sns', 'onTopic', 11),
      fn('sqs', 'onQueue', 12),
      fn('cw-event', 'onEvent', 13),
      fn('kinesis', 'onStream', 14),
      fn('dynamodb', 'onTable', 15),
    ],
  });
}

/** One broken app that triggers every rule. */
function brokenApp() {
  return app({
    routes: [
      route('', 3),
      route('users', 4),
      route('/trailing/', 5),
      route('/a b', 6),
      route('/v{id}', 7),
      route('/{foo-bar}', 8),
      route('/{id}/{id}', 9),
      route('/{p+}/x', 10),
      route('/c/{city}', 11, { handler: handler(11, ['cty']) }),
      route('/dup', 12),
      route('/dup', 13),
      route('/m', 14, { methods: ['FETCH'] }),
      route('/cors', 15, { cors: CORS }),
      route('/cors', 16, { methods: ['POST'], cors: { ...CORS, maxAge: 1 } }),
      route('/cors', 17, { methods: ['OPTIONS'] }),
      route('/bin', 18, { contentTypes: ['image/png', 'text/plain'] }),
      route('/opt', 19, { unknownOptions: ['metods'] }),
      route('/auth', 20, { authorizer: { kind: 'builtin', name: 'nope', scopes: [] } }),
      route('/pool', 21, {
        authorizer: { kind: 'cognito', name: 'P', providerArns: [], header: 'Authorization', scopes: [] },
      }),
      route('/../etc', 22),
    ],
    functions: [
      fn('lambda', null, 30),
      fn('lambda', 'same', 31),
      fn('lambda', 'same', 32),
      fn('lambda', 'foo_bar', 33),
      fn('lambda', 'foo__bar', 34),
      fn('lambda', 'api_handler', 35),
      fn('lambda', '__', 36),
      fn('sqs', 'q1', 37, { queue: 'https://sqs/jobs', unknownOptions: ['queue_url'] }),
      fn('sqs', 'q2', 38, { queue: undefined, queueArn: 'jobs' }),
      fn('sqs', 'q3', 39, { queue: undefined, batchSize: 0, maximumBatchingWindowInSeconds: 400 }),
      fn('s3', 'onUpload', 40),
      fn('schedule', 'tick', 41, { expression: 'rate(1 hours)' }),
    ],
  });
}

describe('validateApp', () => {
  it('reports nothing for a correct app', () => {
    expect(
      validateApp(
        goodApp(),
        config({ api_handler: functionConfig(), worker: functionConfig({ lambdaMemorySize: 512 }) }),
      ),
    ).to.deep.equal([]);
  });

  it('reports every problem of a broken app, one rule not hiding another', () => {
    const diagnostics = validateApp(brokenApp(), {
      ...config({
        api_handler: functionConfig({
          environmentVariables: { BIG: 'x'.repeat(5000) },
          tags: Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`t${i}`, 'v'])),
        }),
        wroker: functionConfig(),
      }),
      appName: 'other',
    });
    const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
    // An app with registrations cannot also be empty (APPC333, tested below).
    expect(codes).to.deep.equal(
      Object.keys(VALIDATION_CODES)
        .filter((code) => code !== 'APPC333')
        .sort(),
    );
    expect(diagnostics.map((d) => [d.code, d.location?.line])).to.deep.equal([
      ['APPC301', 3],
      ['APPC302', 4],
      ['APPC303', 5],
      ['APPC304', 6],
      ['APPC305', 7],
      ['APPC306', 8],
      ['APPC307', 9],
      ['APPC308', 10],
      ['APPC341', 22],
      ['APPC309', 11],
      ['APPC311', 14],
      ['APPC310', 13],
      ['APPC312', 16],
      ['APPC313', 17],
      ['APPC314', 18],
      ['APPC315', 19],
      ['APPC316', 37],
      ['APPC317', 30],
      ['APPC318', 32],
      ['APPC321', 36],
      ['APPC319', 34],
      ['APPC320', 35],
      ['APPC322', 20],
      ['APPC323', 21],
      ['APPC324', 37],
      ['APPC325', 38],
      ['APPC326', 39],
      ['APPC327', 39],
      ['APPC328', 39],
      ['APPC329', 40],
      ['APPC330', 41],
      ['APPC331', undefined],
      ['APPC332', 1],
      ['APPC336', undefined],
      ['APPC337', undefined],
    ]);
  });

  it('gives each diagnostic a one-line message and a one-line remedy', () => {
    for (const d of validateApp(brokenApp(), config({ wroker: functionConfig() }))) {
      expect(d.message, d.code).to.match(/^[^\n]+$/);
      expect(d.remedy, d.code).to.match(/^[^\n]+$/);
    }
  });

  it('warns about configured lambda_functions that name no function (APPC331), ignoring api_handler', () => {
    const diagnostics = validateApp(
      goodApp(),
      config({ api_handler: functionConfig(), wroker: functionConfig(), gone: functionConfig() }),
    );
    expect(diagnostics.map(brief)).to.deep.equal([
      [
        'APPC331',
        ".appc/config.json configures lambda_functions 'wroker', which is not a function of this app; its settings are ignored",
        undefined,
      ],
      [
        'APPC331',
        ".appc/config.json configures lambda_functions 'gone', which is not a function of this app; its settings are ignored",
        undefined,
      ],
    ]);
    expect(diagnostics.map((d) => d.severity)).to.deep.equal(['warning', 'warning']);
    expect(diagnostics[0].remedy).to.equal("Did you mean 'worker'?");
    expect(diagnostics[1].remedy).to.match(/^Use one of 'api_handler', 'auth', 'every_hour', /);
  });

  it('rejects an app with no route and no function at new App(...) (APPC333): CloudFormation needs a resource', () => {
    const diagnostics = validateApp(app({ routes: [], functions: [] }), config({}));
    expect(diagnostics.map(brief)).to.deep.equal([
      [
        'APPC333',
        'the app registers no route and no function, so its template would have no resources, which CloudFormation rejects',
        1,
      ],
    ]);
    expect(validateApp(app({ routes: [], functions: [fn('lambda', 'worker', 3)] }), config({}))).to.deep.equal([]);
  });

  it('titles every code in one table, APPC3xx only', () => {
    for (const [code, title] of Object.entries(VALIDATION_CODES)) {
      expect(code).to.match(/^APPC3\d\d$/);
      expect(title).to.match(/^[^\n]{10,80}$/);
    }
  });
});
