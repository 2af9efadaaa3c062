import type { AppModel, RouteSchemas } from '../../src/compiler/model/app-model';
import type { SchemaDefinitions } from '../../src/compiler/model/json-schema';

/**
 * The schemas the analyzer writes for test/local/fixtures/models/app.ts (README "Models"), by hand, plus
 * `additionalProperties: false` on NewTodo (a keyword only the runtime checks): the packaging and gateway
 * tests check what the runtime and `appc local` do with a model, whatever produced it.
 */
export const DEFINITIONS: SchemaDefinitions = {
  NewTodo: {
    description: 'A todo to create.',
    type: 'object',
    properties: {
      title: { type: 'string', minLength: 1, maxLength: 20 },
      priority: { type: 'string', enum: ['low', 'high'] },
      tags: { type: 'array', items: { type: 'string' }, minItems: 1 },
    },
    required: ['title', 'priority'],
    additionalProperties: false,
  },
};

const SCHEMAS: Record<string, RouteSchemas> = {
  'POST /todos': { body: { schema: { $ref: '#/definitions/NewTodo' }, required: true } },
  'GET /todos': {
    query: [
      { name: 'owner', required: true, schema: { type: 'string', pattern: '^[a-z]+$' } },
      { name: 'limit', required: false, schema: { type: 'number', minimum: 1 } },
      { name: 'done', required: false, schema: { type: 'boolean' } },
      { name: 'status', required: false, schema: { type: 'string', enum: ['open', 'closed'] } },
      { name: 'tag', required: false, schema: { type: 'array', items: { type: 'string' } } },
    ],
  },
};

/** `model` (app.ts as analysed) with the routes' schemas and definitions set. */
export function withSchemas(model: AppModel): AppModel {
  return {
    ...model,
    routes: model.routes.map((route) => {
      const schemas = SCHEMAS[`${route.methods.join(',')} ${route.path}`];
      return schemas === undefined ? route : { ...route, schemas };
    }),
    models: { definitions: DEFINITIONS },
  };
}
