/**
 * Request models in deployment.zip (README "Models"): the zip of an app whose routes declare a body and
 * a query type validates them before the handler, answering what breaks them with 400
 * BadRequestError; run from the unzipped zip in a clean `node`, with real API Gateway events.
 */
import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkProject } from '../../src/compiler/compile';
import type { AppModel } from '../../src/compiler/model/app-model';
import { buildDeploymentZip } from '../../src/compiler/package/build-deployment-zip';
import { unzipSync } from 'fflate';
import { extractZip, invokeHandler } from '../support/invoke-zip';
import { withSchemas } from '../support/model-schemas';
import { runtimeNode } from '../support/runtime-node';
import { needsReferenceEvents, proxyEvent, type ProxyEventInit } from '../runtime/support/events';

const PROJECT = path.resolve(__dirname, '../local/fixtures/models');

interface Answer {
  statusCode: number;
  headers: Record<string, string>;
  body: unknown;
}

describe('deployment.zip of an app with request models, run in a clean node', function () {
  this.timeout(120000);
  needsReferenceEvents();
  let dir: string;
  let node: string;
  let model: AppModel;

  before(async function () {
    const found = runtimeNode('nodejs24.x');
    if (found.kind !== 'ready') throw new Error(found.problem);
    node = found.node;
    const checked = checkProject({ projectDir: PROJECT, stage: 'dev' });
    if (!checked.model) throw new Error(checked.diagnostics.map((d) => d.message).join('\n'));
    model = withSchemas(checked.model);
    const built = await buildDeploymentZip({ projectDir: PROJECT, model, bundleAwsSdk: false });
    expect(built.diagnostics).to.deep.equal([]);
    dir = extractZip(built.zip);
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  function invoke(init: ProxyEventInit): Answer {
    const event = proxyEvent({ headers: { 'Content-Type': 'application/json' }, ...init });
    const { result } = invokeHandler(dir, { handler: 'app.APIHandler', event, environment: {}, node });
    const answer = result as { statusCode: number; headers: Record<string, string>; body: string };
    return { statusCode: answer.statusCode, headers: answer.headers, body: JSON.parse(answer.body) };
  }
  const post = (body: unknown) => invoke({ resource: '/todos', method: 'POST', body: JSON.stringify(body) });
  const list = (query: Record<string, string[]>) => invoke({ resource: '/todos', query });

  it('passes a valid body to the handler as request.jsonBody', () => {
    const todo = { title: 'buy milk', priority: 'low', tags: ['home'] };
    expect(post(todo)).to.deep.include({ statusCode: 200, body: { created: todo } });
  });

  it('answers a body that breaks the model with 400 BadRequestError, every problem with its JSON path', () => {
    const answer = post({ title: '', priority: 'urgent', tags: [], done: true });
    expect(answer.statusCode).to.equal(400);
    expect(answer.body).to.deep.equal({
      Code: 'BadRequestError',
      Message:
        '$.title: must have at least 1 character; $.priority: must be one of "low", "high"; ' +
        '$.tags: must have at least 1 item; $.done: is not allowed',
    });
    // The route's CORS headers, as on any error it answers.
    expect(answer.headers['Access-Control-Allow-Origin']).to.equal('*');
  });

  it('answers a missing body, a wrong element type and malformed JSON', () => {
    expect(invoke({ resource: '/todos', method: 'POST' }).body).to.deep.equal({
      Code: 'BadRequestError',
      Message: '$: a JSON request body is required',
    });
    expect(post({ title: 'x', priority: 'low', tags: ['a', 2] }).body).to.deep.include({
      Message: '$.tags[1]: must be a string',
    });
    expect(invoke({ resource: '/todos', method: 'POST', body: '{"title":' }).body).to.deep.equal({
      Code: 'BadRequestError',
      Message: 'Error Parsing JSON',
    });
  });

  it('converts the query to the declared types in request.query, and keeps queryParams raw', () => {
    const answer = list({ owner: ['ann'], limit: ['5'], done: ['true'], status: ['open'], tag: ['a', 'b'] });
    expect(answer.statusCode).to.equal(200);
    expect(answer.body).to.deep.equal({
      query: { owner: 'ann', limit: 5, done: true, status: 'open', tag: ['a', 'b'] },
      raw: { owner: 'ann', limit: '5', done: 'true', status: 'open', tag: 'b' },
    });
  });

  it('answers a query that breaks the model with 400, naming the parameters', () => {
    const answer = list({ owner: ['Ann'], limit: ['0'], done: ['yes'], status: ['gone'] });
    expect(answer.statusCode).to.equal(400);
    expect(answer.body).to.deep.equal({
      Code: 'BadRequestError',
      Message:
        'query.owner: must match the pattern ^[a-z]+$; query.limit: must be >= 1; query.done: must be a boolean; ' +
        'query.status: must be one of "open", "closed"',
    });
    expect(list({ limit: ['x'] }).body).to.deep.include({
      Message: 'query.owner: is required; query.limit: must be a number',
    });
  });

  it('leaves a route without a model alone', () => {
    const answer = invoke({ resource: '/plain', method: 'POST', body: '{"anything": [1]}' });
    expect(answer).to.deep.include({ statusCode: 200, body: { body: { anything: [1] } } });
  });

  it('ships the checks in app.js only: no validator library, no runtime dependency', () => {
    const zip = fs.readdirSync(dir);
    expect(zip).to.deep.equal(['app.js']);
    const code = fs.readFileSync(path.join(dir, 'app.js'), 'utf8');
    expect(code).to.include('must match the pattern');
    expect(code).not.to.match(/require\("ajv/);
  });

  it('bundles no check for an app without models (the runtime hook is left out)', async () => {
    const plain: AppModel = { ...model, routes: model.routes.map(({ schemas: _, ...route }) => route) };
    delete (plain as { models?: unknown }).models;
    const built = await buildDeploymentZip({ projectDir: PROJECT, model: plain, bundleAwsSdk: false });
    const code = Buffer.from(unzipSync(built.zip)['app.js']).toString('utf8');
    expect(code).not.to.include('must match the pattern');
    expect(code).not.to.include('request models name a route');
  });
});
