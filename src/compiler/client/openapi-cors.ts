import type { CorsModel } from '../model/app-model';
import type { JsonObject } from '../model/json';
import { preflightHeaders } from '../../runtime/cors';

/**
 * The `options` operation of a CORS path: API Gateway answers it (the swagger's mock integration) with exactly
 * the headers the runtime sends, documented here with their values.
 */
export function corsPreflight(cors: CorsModel, methods: readonly string[], parameters: JsonObject[]): JsonObject {
  const headers = preflightHeaders(cors, methods);
  return {
    summary: 'CORS preflight',
    description: 'Answered by API Gateway, not by the app.',
    ...(parameters.length > 0 ? { parameters } : {}),
    responses: {
      '200': {
        description: 'The CORS headers of the path.',
        headers: Object.fromEntries(
          Object.entries(headers).map(([name, value]) => [name, { schema: { type: 'string', const: value } }]),
        ),
      },
    },
  };
}
