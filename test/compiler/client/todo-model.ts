/** An AppModel with declared types (README "Models"'s todo example), built by hand for the SDK tests. */
import type { AppModel } from '../../../src/compiler/model/app-model';
import { appModel, authorizerFn, handler, route } from '../emit/builders';

export function todoModel(): AppModel {
  return appModel({
    appName: 'todos',
    routes: [
      route('/todos', {
        methods: ['POST'],
        name: 'createTodo',
        handler: handler({ summary: 'Create a todo.' }),
        schemas: { body: { schema: { $ref: '#/definitions/NewTodo' }, required: true }, response: ref('Todo') },
      }),
      route('/todos', {
        name: 'listTodos',
        schemas: {
          query: [
            { name: 'owner', required: true, schema: { type: 'string', pattern: '^[a-z]+$' } },
            { name: 'limit', required: false, schema: { type: 'integer', minimum: 1 } },
            { name: 'tag', required: false, schema: { type: 'array', items: { type: 'string' } } },
          ],
          response: { type: 'array', items: ref('Todo') },
        },
      }),
      route('/todos/{id}', { schemas: { response: ref('Todo') } }),
      route('/todos/{id}', {
        methods: ['PATCH'],
        name: 'update_todo',
        authorizer: { kind: 'builtin', name: 'auth', scopes: [] },
        schemas: { body: { schema: ref('TodoPatch'), required: false }, response: ref('Todo') },
      }),
      route('/todos/{id}', { methods: ['DELETE'], apiKeyRequired: true }),
      route('/pages', { name: 'pages', schemas: { response: ref('PageTodo') } }),
    ],
    functions: [authorizerFn('auth', { header: 'X-Token' })],
    models: { definitions: DEFINITIONS },
  });
}

const ref = (name: string) => ({ $ref: `#/definitions/${name}` });

const DEFINITIONS = {
  NewTodo: {
    description: 'A todo to create.',
    type: 'object' as const,
    properties: {
      title: { description: 'What to do.', type: 'string' as const, minLength: 1, maxLength: 200 },
      due: { type: 'string' as const, format: 'date-time' },
      priority: { type: 'string' as const, enum: ['low', 'high'] },
      tags: { type: 'array' as const, items: { type: 'string' as const } },
    },
    required: ['title', 'priority'],
    additionalProperties: false,
  },
  Todo: {
    allOf: [
      ref('NewTodo'),
      {
        type: 'object' as const,
        properties: { id: { type: 'string' as const }, done: { type: 'boolean' as const } },
        required: ['id', 'done'],
      },
    ],
  },
  TodoPatch: {
    type: 'object' as const,
    properties: {
      done: { type: 'boolean' as const },
      note: { type: ['string' as const, 'null' as const] },
      score: { type: 'number' as const, minimum: 0, exclusiveMinimum: true, example: 1.5 },
    },
  },
  PageTodo: {
    type: 'object' as const,
    properties: {
      items: { type: 'array' as const, items: ref('Todo') },
      next: { anyOf: [{ type: 'string' as const }, { type: 'null' as const }] },
      pair: {
        type: 'array' as const,
        items: [{ type: 'string' as const }, { type: 'number' as const }],
        minItems: 2,
        additionalItems: false,
      },
      meta: { type: 'object' as const, additionalProperties: { type: 'number' as const } },
    },
    required: ['items', 'next'],
  },
  Promise: { type: 'string' as const },
};
