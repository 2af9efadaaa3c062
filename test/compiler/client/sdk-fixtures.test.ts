import * as fs from 'node:fs';
import * as path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { expect } from 'chai';
import { generateProjectSdk } from '../../../src/compiler/compile';
import { expectGolden, FIXTURES_DIR } from '../../support/fixtures';
import type { JsonDoc } from '../../support/json-doc';
import { typecheckClient } from './typecheck-client';

/** Fixture apps whose client and OpenAPI document are golden (`expected/sdk/`). */
const SDK_FIXTURES = ['authorizers', 'cors', 'models', 'routes'];

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

/** `METHOD /path` of every operation of a swagger or OpenAPI document. */
function operations(doc: JsonDoc): string[] {
  return Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([route, item]) =>
    Object.keys(item)
      .filter((key) => HTTP_METHODS.includes(key))
      .map((method) => `${method.toUpperCase()} ${route}`),
  );
}

describe('appc generate-sdk on fixture apps', function () {
  this.timeout(60000);
  for (const name of SDK_FIXTURES) {
    describe(name, () => {
      const dir = path.join(FIXTURES_DIR, name);
      const golden = (file: string) => path.join(dir, 'expected', 'sdk', file);
      let result: ReturnType<typeof generateProjectSdk>;
      before(() => {
        result = generateProjectSdk({ projectDir: dir, stage: 'dev', openapi: true });
      });

      it('writes the golden index.js, index.d.ts and OpenAPI document, without diagnostics', () => {
        expect(result.diagnostics).to.deep.equal([]);
        expect(result.files?.map((file) => file.name)).to.deep.equal(['index.js', 'index.d.ts']);
        for (const file of result.files ?? []) expectGolden(golden(file.name), file.data as string);
        expectGolden(golden('openapi.json'), result.openapi as string);
      });

      it('is deterministic', () => {
        const again = generateProjectSdk({ projectDir: dir, stage: 'dev', openapi: true });
        expect(again.files).to.deep.equal(result.files);
        expect(again.openapi).to.equal(result.openapi);
      });

      it('has an OpenAPI 3.1 document that validates and lists the swagger operations', async () => {
        const doc = JSON.parse(result.openapi as string) as JsonDoc;
        await SwaggerParser.validate(structuredClone(doc) as never);
        const swagger = JSON.parse(fs.readFileSync(path.join(dir, 'expected', 'swagger.json'), 'utf8')) as JsonDoc;
        expect(operations(doc)).to.deep.equal(operations(swagger));
      });

      it('has declarations that type-check under strict', () => {
        const declarations = result.files?.find((file) => file.name === 'index.d.ts')?.data as string;
        const consumer = `import { createClient, type Client } from './sdk/index.js';\nexport const client: Client = createClient({ baseUrl: 'http://localhost' });\n`;
        expect(typecheckClient(declarations, { 'consumer.ts': consumer }, { nodeTypes: false })).to.deep.equal([]);
      });
    });
  }
});
