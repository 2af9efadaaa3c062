import { expect } from 'chai';
import { validateApp } from '../../../src/compiler/validate';
import type { FunctionModel } from '../../../src/compiler/model/app-model';
import type { ResolvedConfig } from '../../../src/compiler/config/resolved-config';
import { app, brief, config, fn, functionConfig } from './builders';

const check = (functions: FunctionModel[], resolved: ResolvedConfig = config()) =>
  validateApp(app({ functions }), resolved);

describe('validate: function names', () => {
  it('accepts distinct names of every kind', () => {
    const functions = [
      fn('authorizer', 'auth', 3),
      fn('schedule', 'every_hour', 4),
      fn('lambda', 'worker', 5),
      fn('sns', 'onTopic', 6),
      fn('sqs', 'onQueue', 7),
      fn('cw-event', 'onEvent', 8),
      fn('kinesis', 'onStream', 9),
      fn('dynamodb', 'onTable', 10),
    ];
    expect(check(functions)).to.deep.equal([]);
  });

  it('reports a name that cannot be derived (APPC317) with the three ways to add one', () => {
    const diagnostics = check([fn('schedule', null, 3), fn('lambda', null, 5)]);
    expect(diagnostics.map(brief)).to.deep.equal([
      ['APPC317', 'cannot derive a name for this schedule', 3],
      ['APPC317', 'cannot derive a name for this Lambda function', 5],
    ]);
    expect(diagnostics[0].remedy).to.equal(
      "Pass { name: '...' } in its options, pass a named function (function worker() {...}), or assign the registration to a const.",
    );
  });

  it('reports duplicate names across kinds (APPC318) at each later one, once', () => {
    const diagnostics = check([fn('lambda', 'same', 3), fn('schedule', 'same', 5), fn('authorizer', 'same', 7)]);
    expect(diagnostics.map(brief)).to.deep.equal([
      ['APPC318', "duplicate function name 'same': names must be unique across all Lambda functions of the app", 5],
      ['APPC318', "duplicate function name 'same': names must be unique across all Lambda functions of the app", 7],
    ]);
    expect(diagnostics[0].remedy).to.equal('Rename this one or the one at app.ts:3 (options.name).');
  });

  it('reports two names giving one logical ID (APPC319)', () => {
    expect(
      check([fn('lambda', 'foo_bar', 3), fn('lambda', 'foo__bar', 5), fn('lambda', 'fooBar', 7)]).map(brief),
    ).to.deep.equal([
      ['APPC319', "function names 'foo_bar' and 'foo__bar' both give the logical ID 'FooBar'", 5],
      ['APPC319', "function names 'foo_bar' and 'fooBar' both give the logical ID 'FooBar'", 7],
    ]);
  });

  it("reports a logical ID that is one of appc's own (APPC320)", () => {
    expect(check([fn('lambda', 'api_handler', 3), fn('lambda', 'rest-a-p-i', 5)]).map(brief)).to.deep.equal([
      [
        'APPC320',
        "function name 'api_handler' gives the logical ID 'ApiHandler', which appc also uses for appc's own resources",
        3,
      ],
      [
        'APPC320',
        "function name 'rest-a-p-i' gives the logical ID 'RestAPI', which appc also uses for appc's own resources",
        5,
      ],
    ]);
  });

  it('reports a logical ID equal to an event or permission ID derived from another function (APPC320)', () => {
    const functions = [
      fn('lambda', 'tick_event', 3),
      fn('schedule', 'tick', 5),
      fn('authorizer', 'auth', 7),
      fn('sqs', 'authInvokePermission', 9),
    ];
    expect(check(functions).map(brief)).to.deep.equal([
      [
        'APPC320',
        "function name 'tick_event' gives the logical ID 'TickEvent', which appc also uses for the event of 'tick'",
        3,
      ],
      [
        'APPC320',
        "function name 'authInvokePermission' gives the logical ID 'AuthInvokePermission', which appc also uses for the invoke permission of 'auth'",
        9,
      ],
    ]);
  });

  it('derives role IDs only without autogen policy (with a managed role), and log group IDs only with retention', () => {
    const functions = [fn('lambda', 'worker', 3), fn('lambda', 'worker_role', 5), fn('lambda', 'worker_log_group', 7)];
    expect(check(functions)).to.deep.equal([]);
    const unmanaged = config({ worker: functionConfig({ autogenPolicy: false, manageIamRole: false }) });
    expect(check(functions, unmanaged)).to.deep.equal([]);
    const resolved = config({
      worker: functionConfig({ autogenPolicy: false, logRetentionInDays: 7 }),
      api_handler: functionConfig(),
    });
    expect(check(functions, resolved).map(brief)).to.deep.equal([
      [
        'APPC320',
        "function name 'worker_role' gives the logical ID 'WorkerRole', which appc also uses for the IAM role of 'worker'",
        5,
      ],
      [
        'APPC320',
        "function name 'worker_log_group' gives the logical ID 'WorkerLogGroup', which appc also uses for the log group of 'worker'",
        7,
      ],
    ]);
  });

  it('uses the stage-wide settings for functions the config does not list', () => {
    const functions = [fn('lambda', 'worker', 3), fn('lambda', 'worker_role', 5)];
    const resolved = config({ api_handler: functionConfig() }, functionConfig({ autogenPolicy: false }));
    expect(check(functions, resolved).map((d) => d.code)).to.deep.equal(['APPC320']);
  });

  it('reports a name whose logical ID is empty (APPC321), and nothing else for it', () => {
    expect(check([fn('lambda', '__', 3), fn('lambda', '.-', 5)]).map(brief)).to.deep.equal([
      ['APPC321', "function name '__' gives an empty CloudFormation logical ID", 3],
      ['APPC321', "function name '.-' gives an empty CloudFormation logical ID", 5],
    ]);
  });
});
