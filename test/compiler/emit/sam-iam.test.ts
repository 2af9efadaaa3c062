import { expect } from 'chai';
import { appModel, pureFn, resolvedConfig, route, sqsFn } from './builders';
import { samFor } from './sam-helpers';
import type { JsonDoc } from '../../support/json-doc';

describe('emitSam: the generated policy (autogen)', () => {
  it('gives every function the shared DefaultRole with the document it is given, as is', () => {
    const model = appModel({ routes: [route('/')], functions: [pureFn('worker'), sqsFn('on_q', { queue: 'jobs' })] });
    const statement = { Sid: 'Mine', Effect: 'Allow', Action: 's3:*', Resource: '*' };
    const document = { Version: '2012-10-17', Statement: [statement] };
    const sam = samFor(model, undefined, { policy: { mode: 'autogen', document } });
    const policies = sam.Resources.DefaultRole.Properties.Policies;
    expect(policies).to.deep.equal([{ PolicyDocument: document, PolicyName: 'DefaultRolePolicy' }]);
    const roles = ['APIHandler', 'Worker', 'OnQ'].map((id) => sam.Resources[id].Properties.Role);
    expect(roles).to.deep.equal(Array(3).fill({ 'Fn::GetAtt': ['DefaultRole', 'Arn'] }));
    expect(Object.values(sam.Resources).filter((r: JsonDoc) => r.Type === 'AWS::IAM::Role')).to.have.length(1);
  });
});

describe('emitSam: policy files and existing roles', () => {
  const model = appModel({ routes: [route('/')], functions: [sqsFn('on_q', { queue: 'jobs' })] });
  const apiDoc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] };
  const workerDoc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }] };

  it('gives each function its own role with the file document as is', () => {
    const sam = samFor(model, undefined, {
      policy: { mode: 'file', documents: { api_handler: apiDoc, on_q: workerDoc } },
    });
    expect(Object.keys(sam.Resources)).to.deep.equal([
      'OnQRole',
      'OnQ',
      'ApiHandlerRole',
      'RestAPI',
      'APIHandler',
      'APIHandlerInvokePermission',
    ]);
    expect(sam.Resources.ApiHandlerRole.Properties.Policies).to.deep.equal([
      { PolicyDocument: apiDoc, PolicyName: 'ApiHandlerRolePolicy' },
    ]);
    expect(sam.Resources.OnQRole.Properties.Policies[0].PolicyDocument).to.deep.equal(workerDoc);
    expect(sam.Resources.OnQ.Properties.Role).to.deep.equal({ 'Fn::GetAtt': ['OnQRole', 'Arn'] });
    expect(sam.Resources.APIHandler.Properties.Role).to.deep.equal({ 'Fn::GetAtt': ['ApiHandlerRole', 'Arn'] });
  });

  it('fails loudly when a function has no policy document', () => {
    expect(() => samFor(model, undefined, { policy: { mode: 'file', documents: { api_handler: apiDoc } } })).to.throw(
      /on_q/,
    );
  });

  it('uses each function iam_role_arn and makes no role when roles are not managed', () => {
    const config = resolvedConfig(model, {
      all: { manageIamRole: false, iamRoleArn: 'arn:aws:iam::123:role/shared' },
      functions: { on_q: { manageIamRole: false, iamRoleArn: 'arn:aws:iam::123:role/worker' } },
    });
    const sam = samFor(model, config, { policy: { mode: 'none' } });
    expect(Object.values(sam.Resources).map((r: JsonDoc) => r.Type)).not.to.include('AWS::IAM::Role');
    expect(sam.Resources.APIHandler.Properties.Role).to.equal('arn:aws:iam::123:role/shared');
    expect(sam.Resources.OnQ.Properties.Role).to.equal('arn:aws:iam::123:role/worker');
  });
});
