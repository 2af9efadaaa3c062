import type { ResolvedConfig } from '../config/resolved-config';
import type { AppModel } from '../model/app-model';
import type { OutputFile } from '../output/write-output';
import { clientDeclarations } from './client-declarations';
import { clientModule } from './client-module';
import { openApiDocument } from './openapi-document';
import { sdkOperations } from './sdk-operations';

/** What `appc generate-sdk` writes, in memory. */
export interface SdkFiles {
  /** OUT's files: `index.js` and `index.d.ts`. */
  readonly client: OutputFile[];
  /** The OpenAPI 3.1 document as JSON text, when asked for. */
  readonly openapi?: string;
}

/** The typed client of the app's routes (README "Typed client"), and its OpenAPI document when `openapi` is set. */
export function emitSdk(model: AppModel, config: ResolvedConfig, options: { openapi?: boolean } = {}): SdkFiles {
  const operations = sdkOperations(model);
  const client = [
    { name: 'index.js', data: clientModule(model, operations) },
    { name: 'index.d.ts', data: clientDeclarations(model, operations) },
  ];
  if (!options.openapi) return { client };
  return { client, openapi: `${JSON.stringify(openApiDocument(model, config, operations), null, 2)}\n` };
}
