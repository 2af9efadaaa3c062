import { expect } from 'chai';
import { emitSwagger } from '../../../src/compiler/emit/swagger';
import { BAD_REQUEST_TEMPLATE } from '../../../src/compiler/emit/swagger-models';
import type { AppModel, RouteModel } from '../../../src/compiler/model/app-model';
import { appModel, cors, resolvedConfig, route } from './builders';
import type { Doc } from './sam-helpers';

const TODO = {
  type: 'object',
  properties: {
    title: { type: 'string', minLength: 1 },
    tags: { type: 'array', items: { type: 'string' }, maxItems: 3 },
  },
  required: ['title'],
  additionalProperties: false,
} as const;

const swaggerOf = (options: Partial<AppModel>): Doc => {
  const model = appModel({ models: { definitions: { Todo: structuredClone(TODO) as never } }, ...options });
  return emitSwagger(model, resolvedConfig(model));
};

const ref = { $ref: '#/definitions/Todo' };
const post = (schemas: RouteModel['schemas'], options: Partial<RouteModel> = {}) =>
  route('/todos/{id}', { methods: ['POST'], schemas, ...options });

describe('emitSwagger: models (README "Models")', () => {
  it('adds the gateway view of each model to definitions, after Empty', () => {
    const doc = swaggerOf({ routes: [post({ response: ref })] });
    expect(doc.definitions).to.deep.equal({
      Empty: { type: 'object', title: 'Empty Schema' },
      Todo: {
        type: 'object',
        properties: { title: { type: 'string', minLength: 1 }, tags: { type: 'array', items: { type: 'string' } } },
        required: ['title'],
      },
    });
  });

  it('gives a modelled operation its body and query parameters after the path ones, its response schema and validator', () => {
    const doc = swaggerOf({
      routes: [
        post({
          body: { schema: ref, required: true },
          query: [
            { name: 'owner', required: true, schema: { description: 'Who.', type: 'string', pattern: '^[a-z]+$' } },
            { name: 'limit', required: false, schema: { type: 'number', minimum: 1, exclusiveMinimum: true } },
            { name: 'tag', required: false, schema: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } } },
            { name: 'level', required: false, schema: { enum: [1, 2] } },
            { name: 'any', required: false, schema: {} },
          ],
          response: ref,
        }),
      ],
    });
    const op = doc.paths['/todos/{id}'].post;
    expect(op.responses).to.deep.equal({ '200': { description: '200 response', schema: ref } });
    expect(op['x-amazon-apigateway-request-validator']).to.equal('all');
    expect(op.parameters).to.deep.equal([
      { name: 'id', in: 'path', required: true, type: 'string' },
      { name: 'owner', in: 'query', required: true, description: 'Who.', type: 'string', pattern: '^[a-z]+$' },
      { name: 'limit', in: 'query', required: false, type: 'number', minimum: 1 },
      {
        name: 'tag',
        in: 'query',
        required: false,
        type: 'array',
        items: { type: 'string', enum: ['a', 'b'] },
        collectionFormat: 'multi',
      },
      { name: 'level', in: 'query', required: false, type: 'number', enum: [1, 2] },
      { name: 'any', in: 'query', required: false, type: 'string' },
      { in: 'body', name: 'body', required: true, schema: ref },
    ]);
  });

  it('validates what the gateway can: a required body, the presence of required query parameters', () => {
    const doc = swaggerOf({
      routes: [
        route('/a', { methods: ['POST'], schemas: { body: { schema: ref, required: true } } }),
        route('/b', { schemas: { query: [{ name: 'q', required: true, schema: { type: 'string' } }] } }),
        route('/c', { methods: ['PATCH'], schemas: { body: { schema: ref, required: false } } }),
        route('/d', {
          schemas: { query: [{ name: 'q', required: false, schema: { type: 'string' } }], response: ref },
        }),
      ],
    });
    const validator = (path: string, method: string) =>
      doc.paths[path][method]['x-amazon-apigateway-request-validator'];
    expect([
      validator('/a', 'post'),
      validator('/b', 'get'),
      validator('/c', 'patch'),
      validator('/d', 'get'),
    ]).to.deep.equal(['body-only', 'params-only', undefined, undefined]);
    expect(doc['x-amazon-apigateway-request-validators']).to.deep.equal({
      'body-only': { validateRequestBody: true, validateRequestParameters: false },
      'params-only': { validateRequestBody: false, validateRequestParameters: true },
    });
  });

  it("answers failed validations in appc's error shape, with the CORS headers of a CORS API", () => {
    const plain = swaggerOf({ routes: [post({ body: { schema: ref, required: true } })] });
    const response = { statusCode: '400', responseTemplates: { 'application/json': BAD_REQUEST_TEMPLATE } };
    expect(plain['x-amazon-apigateway-gateway-responses']).to.deep.equal({
      BAD_REQUEST_BODY: response,
      BAD_REQUEST_PARAMETERS: response,
    });
    // Substituted as API Gateway does (plain text in place of the variable), the body is JSON in appc's error shape.
    const message = 'Missing required request parameters: [owner]';
    expect(JSON.parse(BAD_REQUEST_TEMPLATE.replace('$context.error.validationErrorString', message))).to.deep.equal({
      Code: 'BadRequestError',
      Message: message,
    });
    const withCors = swaggerOf({
      routes: [post({ body: { schema: ref, required: true } }, { cors: cors({ allowOrigin: 'https://a.example' }) })],
    });
    expect(withCors['x-amazon-apigateway-gateway-responses'].BAD_REQUEST_BODY.responseParameters).to.deep.equal({
      'gatewayresponse.header.Access-Control-Allow-Origin': "'https://a.example'",
      'gatewayresponse.header.Access-Control-Allow-Headers':
        "'Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Api-Key'",
    });
  });

  it('adds nothing to an app without models, or to routes without schemas', () => {
    const model = appModel({ routes: [route('/')] });
    const doc = emitSwagger(model, resolvedConfig(model)) as Doc;
    expect(Object.keys(doc)).to.not.include.members([
      'x-amazon-apigateway-request-validators',
      'x-amazon-apigateway-gateway-responses',
    ]);
    expect(doc.definitions).to.deep.equal({ Empty: { type: 'object', title: 'Empty Schema' } });
    expect(Object.keys(doc.paths['/'].get)).to.not.include('parameters');
  });
});
