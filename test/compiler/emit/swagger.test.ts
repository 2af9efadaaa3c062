import { expect } from 'chai';
import { emitSwagger } from '../../../src/compiler/emit/swagger';
import { DEFAULT_BINARY_TYPES } from '../../../src/runtime/binary';
import { appModel, handler, resolvedConfig, route } from './builders';
import type { Doc } from './sam-helpers';

const swaggerOf = (...routes: ReturnType<typeof route>[]): Doc => {
  const model = appModel({ routes });
  return emitSwagger(model, resolvedConfig(model));
};

const INTEGRATION = {
  responses: { default: { statusCode: '200' } },
  uri: {
    'Fn::Sub':
      'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${APIHandler.Arn}/invocations',
  },
  passthroughBehavior: 'when_no_match',
  httpMethod: 'POST',
  contentHandling: 'CONVERT_TO_TEXT',
  type: 'aws_proxy',
};

describe('emitSwagger: document and operations', () => {
  it('writes the top-level keys in Chalice order with the app name as title', () => {
    const doc = swaggerOf(route('/'));
    expect(Object.keys(doc)).to.deep.equal([
      'swagger',
      'info',
      'schemes',
      'paths',
      'definitions',
      'x-amazon-apigateway-binary-media-types',
    ]);
    expect(doc.swagger).to.equal('2.0');
    expect(doc.info).to.deep.equal({ version: '1.0', title: 'testapp' });
    expect(doc.schemes).to.deep.equal(['https']);
    expect(doc.definitions).to.deep.equal({ Empty: { type: 'object', title: 'Empty Schema' } });
  });

  it('emits the default GET operation exactly', () => {
    expect(swaggerOf(route('/')).paths['/'].get).to.deep.equal({
      consumes: ['application/json'],
      produces: ['application/json'],
      responses: { '200': { description: '200 response', schema: { $ref: '#/definitions/Empty' } } },
      'x-amazon-apigateway-integration': INTEGRATION,
    });
  });

  it('keeps paths in first-registration order and methods lower-cased in registration order', () => {
    const doc = swaggerOf(
      route('/b', { methods: ['PUT'] }),
      route('/a', { methods: ['POST', 'GET'] }),
      route('/b', { methods: ['DELETE'] }),
    );
    expect(Object.keys(doc.paths)).to.deep.equal(['/b', '/a']);
    expect(Object.keys(doc.paths['/b'])).to.deep.equal(['put', 'delete']);
    expect(Object.keys(doc.paths['/a'])).to.deep.equal(['post', 'get']);
  });

  it('uses the route content types as consumes, including an empty list', () => {
    const doc = swaggerOf(
      route('/img', { contentTypes: ['image/png', 'image/jpeg'] }),
      route('/none', { contentTypes: [] }),
    );
    expect(doc.paths['/img'].get.consumes).to.deep.equal(['image/png', 'image/jpeg']);
    expect(doc.paths['/none'].get.consumes).to.deep.equal([]);
  });

  it('declares a path parameter per capture, greedy ones by their bare name', () => {
    const doc = swaggerOf(route('/users/{id}/files/{proxy+}'));
    const op = doc.paths['/users/{id}/files/{proxy+}'].get;
    expect(op.parameters).to.deep.equal([
      { name: 'id', in: 'path', required: true, type: 'string' },
      { name: 'proxy', in: 'path', required: true, type: 'string' },
    ]);
    expect(Object.keys(op).at(-1)).to.equal('parameters');
  });

  it('declares the path parameters on the CORS preflight too (Swagger 2.0 requires it)', () => {
    const doc = swaggerOf(route('/users/{id}', { cors: { allowOrigin: '*', allowHeaders: [] } }));
    const options = doc.paths['/users/{id}'].options;
    expect(options.parameters).to.deep.equal([{ name: 'id', in: 'path', required: true, type: 'string' }]);
    expect(Object.keys(options).at(-1)).to.equal('parameters');
  });

  it('gives each operation parameter objects of its own', () => {
    const cors = { allowOrigin: '*', allowHeaders: [] };
    const item = swaggerOf(route('/users/{id}', { methods: ['GET', 'PUT'], cors })).paths['/users/{id}'];
    const parameters = [item.get.parameters, item.put.parameters, item.options.parameters];
    expect(parameters[1]).to.deep.equal(parameters[0]).and.to.deep.equal(parameters[2]);
    const objects = parameters.flatMap((list) => [list, ...list]);
    expect(new Set(objects).size).to.equal(objects.length);
  });

  it('writes summary and description from the handler docs after the integration', () => {
    const docs = { summary: 'List users.', description: 'Pages with ?page=.\n  Indented line.' };
    const op = swaggerOf(route('/u', { handler: handler(docs) })).paths['/u'].get;
    expect(op.summary).to.equal('List users.');
    expect(op.description).to.equal('Pages with ?page=.\n  Indented line.');
    expect(Object.keys(op).slice(3)).to.deep.equal(['x-amazon-apigateway-integration', 'summary', 'description']);
  });

  it('leaves summary and description out when the handler has no docs', () => {
    const op = swaggerOf(route('/u', { handler: handler({ summary: 'Only.' }) })).paths['/u'].get;
    expect(op.summary).to.equal('Only.');
    expect(op).not.to.have.property('description');
  });

  it('lists the binary media types in model order', () => {
    const model = appModel({
      routes: [route('/')],
      binaryTypes: ['application/my-binary', ...DEFAULT_BINARY_TYPES.slice(0, 2)],
    });
    const doc = emitSwagger(model, resolvedConfig(model));
    expect(doc['x-amazon-apigateway-binary-media-types']).to.deep.equal([
      'application/my-binary',
      'application/octet-stream',
      'application/x-tar',
    ]);
  });

  it('gives every operation of a binary route the same proxy integration', () => {
    const doc = swaggerOf(route('/bin', { contentTypes: ['application/octet-stream'], methods: ['POST'] }));
    expect(doc.paths['/bin'].post['x-amazon-apigateway-integration']).to.deep.equal(INTEGRATION);
  });

  it('does not share arrays between the model and the document', () => {
    const model = appModel({ routes: [route('/')] });
    const doc: Doc = emitSwagger(model, resolvedConfig(model));
    doc.paths['/'].get.consumes.push('text/plain');
    expect(model.routes[0].contentTypes).to.deep.equal(['application/json']);
  });
});

describe('emitSwagger: endpoint policies', () => {
  const model = appModel({ routes: [route('/')] });

  it('adds the default PRIVATE policy and the endpoint configuration', () => {
    const config = resolvedConfig(model, { apiGatewayEndpointType: 'PRIVATE', apiGatewayEndpointVpce: ['vpce-123'] });
    const doc = emitSwagger(model, config);
    expect(doc['x-amazon-apigateway-policy']).to.deep.equal({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 'execute-api:Invoke',
          Resource: 'arn:*:execute-api:*:*:*',
          Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-123' } },
        },
      ],
    });
    expect(doc['x-amazon-apigateway-endpoint-configuration']).to.deep.equal({ vpcEndpointIds: ['vpce-123'] });
    expect(Object.keys(doc).slice(-2)).to.deep.equal([
      'x-amazon-apigateway-policy',
      'x-amazon-apigateway-endpoint-configuration',
    ]);
  });

  it('keeps several VPC endpoints as a list in the condition', () => {
    const config = resolvedConfig(model, {
      apiGatewayEndpointType: 'PRIVATE',
      apiGatewayEndpointVpce: ['vpce-1', 'vpce-2'],
    });
    const doc: Doc = emitSwagger(model, config);
    expect(doc['x-amazon-apigateway-policy'].Statement[0].Condition.StringEquals['aws:SourceVpce']).to.deep.equal([
      'vpce-1',
      'vpce-2',
    ]);
  });

  it('uses the policy file document when one is configured', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' }],
    };
    const config = resolvedConfig(model, { apiGatewayEndpointType: 'PRIVATE', apiGatewayPolicyFile: 'policy.json' });
    expect(emitSwagger(model, config, { resourcePolicy: policy })['x-amazon-apigateway-policy']).to.deep.equal(policy);
    expect(() => emitSwagger(model, config)).to.throw(/policy\.json/);
  });

  it('adds no policy to EDGE and REGIONAL endpoints', () => {
    const doc = emitSwagger(model, resolvedConfig(model, { apiGatewayEndpointType: 'REGIONAL' }));
    expect(doc).not.to.have.property('x-amazon-apigateway-policy');
    expect(doc).not.to.have.property('x-amazon-apigateway-endpoint-configuration');
  });
});
