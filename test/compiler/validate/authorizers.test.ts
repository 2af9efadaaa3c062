import { expect } from 'chai';
import { validateApp } from '../../../src/compiler/validate';
import type { AuthorizerUse } from '../../../src/compiler/model/app-model';
import { app, brief, config, fn, route } from './builders';

const cognito = (providerArns: string[]): AuthorizerUse => ({
  kind: 'cognito',
  name: 'Pool',
  providerArns,
  header: 'Authorization',
  scopes: [],
});
const builtin = (name: string): AuthorizerUse => ({ kind: 'builtin', name, scopes: [] });

describe('validate: route authorizers', () => {
  it('accepts built-in authorizers the app defines, IAM, custom and Cognito with ARNs', () => {
    const routes = [
      route('/a', 3, { authorizer: builtin('myAuth') }),
      route('/b', 4, { authorizer: { kind: 'iam' } }),
      route('/c', 5, { authorizer: cognito(['arn:aws:cognito-idp:us-east-1:1:userpool/x']) }),
    ];
    expect(validateApp(app({ routes, functions: [fn('authorizer', 'myAuth', 9)] }), config())).to.deep.equal([]);
  });

  it('rejects a built-in authorizer the app does not define (APPC322), suggesting a close one', () => {
    const routes = [
      route('/a', 3, { authorizer: builtin('myAtuh') }),
      route('/b', 5, { authorizer: builtin('worker') }),
    ];
    const functions = [fn('authorizer', 'myAuth', 9), fn('lambda', 'worker', 11)];
    const diagnostics = validateApp(app({ routes, functions }), config());
    expect(diagnostics.map(brief)).to.deep.equal([
      ['APPC322', "route '/a' uses authorizer 'myAtuh', which is not an authorizer of this app", 3],
      ['APPC322', "route '/b' uses authorizer 'worker', which is not an authorizer of this app", 5],
    ]);
    expect(diagnostics.map((d) => d.remedy)).to.deep.equal([
      "Did you mean 'myAuth'? Use the value app.authorizer(...) returns.",
      "Use the value app.authorizer(...) returns; the app defines 'myAuth'.",
    ]);
  });

  it('says how to define one when the app has no authorizer', () => {
    const [d] = validateApp(app({ routes: [route('/a', 3, { authorizer: builtin('auth') })] }), config());
    expect(d.remedy).to.equal(
      'Define it with app.authorizer(...) in a module of the app and use the value it returns.',
    );
  });

  it('rejects a Cognito authorizer without provider ARNs (APPC323)', () => {
    const routes = [route('/a', 3, { authorizer: cognito([]) })];
    expect(validateApp(app({ routes }), config()).map(brief)).to.deep.equal([
      ['APPC323', "Cognito authorizer 'Pool' of route '/a' has no providerArns", 3],
    ]);
  });
});
