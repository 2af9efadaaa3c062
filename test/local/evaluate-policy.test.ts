import { expect } from 'chai';
import { evaluatePolicy, wildcardMatch } from '../../src/local/evaluate-policy';
import { AuthRequest, AuthResponse, AuthRoute } from '../../src/runtime';

const ARN = 'arn:aws:execute-api:us-east-1:123456789012:local/api/GET/users/7';
const allow = (Resource: unknown, Action: unknown = 'execute-api:Invoke') => ({ Effect: 'Allow', Action, Resource });
const deny = (Resource: unknown) => ({ Effect: 'Deny', Action: 'execute-api:Invoke', Resource });
const policy = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });

describe('local: evaluating an authorizer policy against the method ARN', () => {
  it("matches IAM's wildcards: * across slashes, ? one character", () => {
    expect(wildcardMatch('arn:*:local/*/GET/users/*', ARN)).to.equal(true);
    expect(wildcardMatch('*', ARN)).to.equal(true);
    expect(wildcardMatch('arn:aws:execute-api:us-east-1:123456789012:local/api/GET/users/?', ARN)).to.equal(true);
    expect(wildcardMatch('arn:aws:execute-api:us-east-1:123456789012:local/api/GET/users/??', ARN)).to.equal(false);
    expect(wildcardMatch('arn:aws:execute-api:us-east-1:123456789012:local/api/POST/*', ARN)).to.equal(false);
    expect(wildcardMatch('arn:aws:execute-api:us-east-1:123456789012:local/api/get/users/7', ARN)).to.equal(false);
  });

  it('allows on a matching Allow; an explicit Deny wins; nothing matching is an implicit deny', () => {
    expect(evaluatePolicy(policy(allow(ARN)), ARN)).to.equal('allow');
    expect(evaluatePolicy(policy(allow([ARN.replace('7', '8'), ARN])), ARN)).to.equal('allow');
    expect(evaluatePolicy(policy(allow('*'), deny(ARN)), ARN)).to.equal('explicit-deny');
    expect(evaluatePolicy(policy(allow(ARN.replace('GET', 'PUT'))), ARN)).to.equal('implicit-deny');
    expect(evaluatePolicy(policy(), ARN)).to.equal('implicit-deny');
    expect(evaluatePolicy(undefined, ARN)).to.equal('implicit-deny');
  });

  it('reads one Statement object, actions case-insensitively and with wildcards, NotAction and NotResource', () => {
    expect(evaluatePolicy({ Statement: allow(ARN) }, ARN)).to.equal('allow');
    expect(evaluatePolicy(policy(allow(ARN, 'Execute-API:*')), ARN)).to.equal('allow');
    expect(evaluatePolicy(policy(allow(ARN, 's3:GetObject')), ARN)).to.equal('implicit-deny');
    expect(evaluatePolicy(policy({ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }), ARN)).to.equal('allow');
    expect(evaluatePolicy(policy({ Effect: 'Allow', Action: '*', NotResource: '*/POST/*' }), ARN)).to.equal('allow');
    expect(evaluatePolicy(policy({ Effect: 'Deny', Action: '*', NotResource: '*/POST/*' }), ARN)).to.equal(
      'explicit-deny',
    );
  });

  it("agrees with the runtime's AuthResponse policies", () => {
    const request = new AuthRequest('TOKEN', 't', ARN);
    const doc = (routes: Array<string | AuthRoute>) =>
      new AuthResponse({ routes, principalId: 'p' }).toDict(request).policyDocument;
    expect(evaluatePolicy(doc(['/users/7']), ARN)).to.equal('allow');
    expect(evaluatePolicy(doc([new AuthRoute('/users/7', ['GET'])]), ARN)).to.equal('allow');
    expect(evaluatePolicy(doc([new AuthRoute('/users/7', ['POST'])]), ARN)).to.equal('implicit-deny');
    expect(evaluatePolicy(doc(['*']), ARN)).to.equal('allow');
    expect(evaluatePolicy(doc(['/users/*']), ARN)).to.equal('allow');
    expect(evaluatePolicy(doc([]), ARN)).to.equal('explicit-deny');
  });
});
