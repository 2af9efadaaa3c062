/**
 * appc local's play of API Gateway's request validators (README "Models"): what the deployed gateway
 * checks of a model, answered as the swagger's BAD_REQUEST_* gateway responses; what only the
 * runtime checks passes through to the handler.
 */
import { expect } from 'chai';
import * as path from 'node:path';
import { checkProject } from '../../src/compiler/compile';
import { gatewayRejection, gatewayValidations, type GatewayValidations } from '../../src/local/gateway-validation';
import { withSchemas } from '../support/model-schemas';
import { needsReferenceEvents, proxyEvent, type ProxyEventInit } from '../runtime/support/events';

const PROJECT = path.resolve(__dirname, 'fixtures/models');

describe('appc local: the gateway check of request models', () => {
  needsReferenceEvents();
  let validations: GatewayValidations;
  before(() => {
    const checked = checkProject({ projectDir: PROJECT, stage: 'dev' });
    if (!checked.model) throw new Error('fixtures/models does not analyse');
    validations = gatewayValidations(withSchemas(checked.model));
  });

  function answer(init: ProxyEventInit) {
    const rejected = gatewayRejection(
      validations,
      proxyEvent({ headers: { 'Content-Type': 'application/json' }, ...init }),
    );
    return (
      rejected && { status: rejected.statusCode, headers: rejected.headers, body: JSON.parse(rejected.body.toString()) }
    );
  }
  const post = (body: string) => answer({ resource: '/todos', method: 'POST', body });

  it("rejects a body the model rejects, in the gateway validator's words, with the API's CORS headers", () => {
    const rejected = post('{"title": "", "priority": "urgent", "tags": ["a", 2]}');
    expect(rejected?.status).to.equal(400);
    expect(rejected?.body).to.deep.equal({
      Code: 'BadRequestError',
      Message:
        '[string "" is too short (length: 0, required minimum: 1), ' +
        'instance value ("urgent") not found in enum (possible values: ["low","high"]), ' +
        'instance type (integer) does not match any allowed primitive type (allowed: ["string"])]',
    });
    expect(rejected?.headers).to.include({
      'x-amzn-ErrorType': 'BadRequestException',
      'Access-Control-Allow-Origin': '*',
    });
  });

  it('lists missing properties together, and answers a body that is not JSON', () => {
    expect(post('{}')?.body.Message).to.equal('[object has missing required properties (["title","priority"])]');
    expect(post('{"title":')?.body.Message).to.equal('[Unknown error parsing request body]');
    expect(answer({ resource: '/todos', method: 'POST' })?.body.Message).to.equal(
      '[Unknown error parsing request body]',
    );
  });

  it('passes what only the runtime checks: additionalProperties and minItems are not in the gateway model', () => {
    expect(post('{"title": "x", "priority": "low", "tags": [], "extra": 1}')).to.equal(undefined);
  });

  it('checks that required query parameters are present and not blank, never their type', () => {
    expect(answer({ resource: '/todos', query: { limit: ['x'] } })?.body).to.deep.equal({
      Code: 'BadRequestError',
      Message: 'Missing required request parameters: [owner]',
    });
    expect(answer({ resource: '/todos', query: { owner: [''] } })?.body.Message).to.equal(
      'Missing required request parameters: [owner]',
    );
    expect(answer({ resource: '/todos', query: { owner: ['Ann'], limit: ['x'] } })).to.equal(undefined);
  });

  it('leaves routes without a gateway model, and bodies of another content type, alone', () => {
    expect(answer({ resource: '/plain', method: 'POST', body: 'not json' })).to.equal(undefined);
    const text = { resource: '/todos', method: 'POST', body: 'x', headers: { 'Content-Type': 'text/plain' } };
    expect(answer(text)).to.equal(undefined);
  });
});
