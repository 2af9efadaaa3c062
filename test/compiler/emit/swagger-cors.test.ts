import { expect } from 'chai';
import type { AppModel, RouteModel } from '../../../src/compiler/model/app-model';
import { emitSwagger } from '../../../src/compiler/emit/swagger';
import { preflightHeaders } from '../../../src/runtime/cors';
import { appModel, cors, resolvedConfig, route } from './builders';
import type { Doc } from './sam-helpers';

const swaggerOf = (routes: RouteModel[], options: Partial<AppModel> = {}): Doc => {
  const model = appModel({ routes, ...options });
  return emitSwagger(model, resolvedConfig(model));
};

describe('emitSwagger: CORS preflight', () => {
  it('adds the mock OPTIONS method exactly as Chalice does', () => {
    const options = swaggerOf([route('/c', { cors: cors() })]).paths['/c'].options;
    const allowHeaders = 'Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Api-Key';
    expect(options).to.deep.equal({
      consumes: ['application/json'],
      produces: ['application/json'],
      responses: {
        '200': {
          description: '200 response',
          schema: { $ref: '#/definitions/Empty' },
          headers: {
            'Access-Control-Allow-Methods': { type: 'string' },
            'Access-Control-Allow-Origin': { type: 'string' },
            'Access-Control-Allow-Headers': { type: 'string' },
          },
        },
      },
      'x-amazon-apigateway-integration': {
        responses: {
          default: {
            statusCode: '200',
            responseParameters: {
              'method.response.header.Access-Control-Allow-Methods': "'GET,OPTIONS'",
              'method.response.header.Access-Control-Allow-Origin': "'*'",
              'method.response.header.Access-Control-Allow-Headers': `'${allowHeaders}'`,
            },
          },
        },
        requestTemplates: { 'application/json': '{"statusCode": 200}' },
        passthroughBehavior: 'when_no_match',
        type: 'mock',
        contentHandling: 'CONVERT_TO_TEXT',
      },
    });
  });

  it('sends the same headers the runtime answers a preflight with', () => {
    const config = cors({
      allowOrigin: 'https://a.example',
      allowHeaders: ['X-Custom'],
      exposeHeaders: ['X-E1', 'X-E2'],
      maxAge: 0,
      allowCredentials: true,
    });
    const options = swaggerOf([route('/c', { methods: ['GET', 'PUT'], cors: config })]).paths['/c'].options;
    const params = options['x-amazon-apigateway-integration'].responses.default.responseParameters;
    const expected = preflightHeaders(config, ['GET', 'PUT']);
    expect(Object.keys(params)).to.deep.equal(Object.keys(expected).map((h) => `method.response.header.${h}`));
    for (const [header, value] of Object.entries(expected)) {
      expect(params[`method.response.header.${header}`]).to.equal(`'${value}'`);
    }
    expect(params['method.response.header.Access-Control-Max-Age']).to.equal("'0'");
  });

  it('allows only the CORS methods of a path and places OPTIONS last', () => {
    const doc = swaggerOf([
      route('/p', { methods: ['GET'], cors: cors() }),
      route('/p', { methods: ['POST'], cors: false }),
      route('/p', { methods: ['PUT'], cors: cors() }),
    ]);
    expect(Object.keys(doc.paths['/p'])).to.deep.equal(['get', 'post', 'put', 'options']);
    const params = doc.paths['/p'].options['x-amazon-apigateway-integration'].responses.default.responseParameters;
    expect(params['method.response.header.Access-Control-Allow-Methods']).to.equal("'GET,PUT,OPTIONS'");
  });

  it('applies the app default to routes that do not set cors, and cors: false opts out', () => {
    const doc = swaggerOf([route('/on'), route('/off', { cors: false })], {
      cors: cors({ allowOrigin: 'https://app.example' }),
    });
    const params = doc.paths['/on'].options['x-amazon-apigateway-integration'].responses.default.responseParameters;
    expect(params['method.response.header.Access-Control-Allow-Origin']).to.equal("'https://app.example'");
    expect(doc.paths['/off']).not.to.have.property('options');
  });

  it('uses the settings of the last CORS route of the path', () => {
    const doc = swaggerOf([
      route('/p', { methods: ['GET'], cors: cors({ allowOrigin: 'https://first.example' }) }),
      route('/p', { methods: ['PUT'], cors: cors({ allowOrigin: 'https://last.example' }) }),
    ]);
    const params = doc.paths['/p'].options['x-amazon-apigateway-integration'].responses.default.responseParameters;
    expect(params['method.response.header.Access-Control-Allow-Origin']).to.equal("'https://last.example'");
  });

  it('adds no OPTIONS method without CORS', () => {
    expect(Object.keys(swaggerOf([route('/n')]).paths['/n'])).to.deep.equal(['get']);
  });
});
