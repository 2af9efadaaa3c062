/**
 * The CORS preflight: an `options` method answered by an API Gateway mock integration
 * with exactly the headers the runtime sends (`preflightHeaders`, shared with it).
 */
import type { CorsModel } from '../model/app-model';
import { preflightHeaders } from '../../runtime/cors';
import type { JsonObject } from './cfn';

/** The `options` operation for a path whose CORS methods are `methods` (in order). */
export function preflightOperation(cors: CorsModel, methods: readonly string[]): JsonObject {
  const headers = preflightHeaders(cors, methods);
  const names = Object.keys(headers);
  return {
    consumes: ['application/json'],
    produces: ['application/json'],
    responses: {
      '200': {
        description: '200 response',
        schema: { $ref: '#/definitions/Empty' },
        headers: Object.fromEntries(names.map((name) => [name, { type: 'string' }])),
      },
    },
    'x-amazon-apigateway-integration': {
      responses: {
        default: {
          statusCode: '200',
          responseParameters: Object.fromEntries(
            names.map((name) => [`method.response.header.${name}`, `'${headers[name]}'`]),
          ),
        },
      },
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      passthroughBehavior: 'when_no_match',
      type: 'mock',
      contentHandling: 'CONVERT_TO_TEXT',
    },
  };
}
