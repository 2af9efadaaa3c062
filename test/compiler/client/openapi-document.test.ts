import SwaggerParser from '@apidevtools/swagger-parser';
import { expect } from 'chai';
import { openApiDocument } from '../../../src/compiler/client/openapi-document';
import { sdkOperations } from '../../../src/compiler/client/sdk-operations';
import type { JsonDoc } from '../../support/json-doc';
import { appModel, cors, resolvedConfig, route } from '../emit/builders';
import { todoModel } from './todo-model';

function document(model = todoModel(), stage = 'api'): JsonDoc {
  const config = resolvedConfig(model, { apiGatewayStage: stage });
  return openApiDocument(model, config, sdkOperations(model)) as JsonDoc;
}

describe('generate-sdk: the OpenAPI 3.1 document', () => {
  it('validates as OpenAPI 3.1', async () => {
    await SwaggerParser.validate(structuredClone(document()) as never);
  });

  it("names the stage's EndpointURL as its server", () => {
    expect(document(todoModel(), 'v2').servers[0].url).to.equal(
      'https://{restApiId}.execute-api.{region}.{urlSuffix}/v2',
    );
  });

  it('names the custom domain first when the stage has one', () => {
    const model = todoModel();
    const apiGatewayCustomDomain = {
      domainName: 'api.example.com',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
      basePath: 'v1',
      tlsVersion: 'TLS_1_2' as const,
      tags: {},
    };
    const config = resolvedConfig(model, { apiGatewayCustomDomain });
    const servers = (openApiDocument(model, config, sdkOperations(model)) as JsonDoc).servers;
    expect(servers.map((s: JsonDoc) => s.url)).to.deep.equal([
      'https://api.example.com/v1',
      'https://{restApiId}.execute-api.{region}.{urlSuffix}/api',
    ]);
    const root = resolvedConfig(model, { apiGatewayCustomDomain: { ...apiGatewayCustomDomain, basePath: '(none)' } });
    expect((openApiDocument(model, root, []) as JsonDoc).servers[0].url).to.equal('https://api.example.com');
  });

  it('has the declared body, query parameters and response, and a 400 for modelled operations', () => {
    const { paths } = document();
    const create = paths['/todos'].post;
    expect(create.operationId).to.equal('createTodo');
    expect(create.requestBody).to.deep.equal({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/NewTodo' } } },
    });
    expect(create.responses['200'].content['application/json'].schema).to.deep.equal({
      $ref: '#/components/schemas/Todo',
    });
    expect(Object.keys(create.responses)).to.deep.equal(['200', '400', 'default']);
    const list = paths['/todos'].get;
    expect(list.parameters.map((p: JsonDoc) => [p.name, p.in, p.required, p.schema])).to.deep.equal([
      ['owner', 'query', true, { type: 'string', pattern: '^[a-z]+$' }],
      ['limit', 'query', false, { type: 'integer', minimum: 1 }],
      ['tag', 'query', false, { type: 'array', items: { type: 'string' } }],
    ]);
    expect(paths['/todos/{id}'].patch.requestBody.required).to.equal(false);
    expect(paths['/todos/{id}'].get.requestBody).to.equal(undefined);
  });

  it('converts the definitions to JSON Schema 2020-12 under components/schemas', () => {
    const { schemas } = document().components;
    expect(schemas.TodoPatch.properties.score).to.deep.equal({ type: 'number', exclusiveMinimum: 0, examples: [1.5] });
    expect(schemas.Todo.allOf[0]).to.deep.equal({ $ref: '#/components/schemas/NewTodo' });
    expect(Object.keys(schemas)).to.deep.equal(['NewTodo', 'PageTodo', 'Promise', 'Todo', 'TodoPatch', 'appc.Error']);
  });

  it('requires an API key and an authorizer together, in one security requirement', () => {
    const doc = document();
    expect(doc.paths['/todos/{id}'].patch.security).to.deep.equal([{ auth: [] }]);
    expect(doc.paths['/todos/{id}'].delete.security).to.deep.equal([{ api_key: [] }]);
    expect(doc.components.securitySchemes.auth).to.include({ type: 'apiKey', in: 'header', name: 'X-Token' });
    const both = appModel({
      routes: [route('/x', { apiKeyRequired: true, authorizer: { kind: 'iam' } })],
    });
    expect(document(both).paths['/x'].get.security).to.deep.equal([{ api_key: [], sigv4: [] }]);
  });

  it('documents the CORS preflight API Gateway answers, with its header values', () => {
    const model = appModel({ routes: [route('/items/{id}', { methods: ['GET', 'PUT'], cors: cors() })] });
    const preflight = document(model).paths['/items/{id}'].options;
    expect(preflight.operationId).to.equal(undefined);
    expect(preflight.parameters.map((p: JsonDoc) => p.name)).to.deep.equal(['id']);
    expect(preflight.responses['200'].headers['Access-Control-Allow-Methods']).to.deep.equal({
      schema: { type: 'string', const: 'GET,PUT,OPTIONS' },
    });
  });
});
