import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { zipManifest } from '../../src/compiler/package/zip-manifest';
import {
  checkReferences,
  checkResourceSpec,
  checkSamSchema,
  checkSwagger,
  samSchemaAvailable,
  samSchemaPath,
} from '../support/aws-checks';
import { missingTool } from '../support/aws-checks/tools';
import { expectGolden, FIXTURES_DIR, fixtureApps, fixtureSettings, REFERENCE_DIR } from '../support/fixtures';
import { extractZip, handlerExports, invokeHandler } from '../support/invoke-zip';
import { packagedFixture } from '../support/packaged-fixtures';
import { runtimeNode } from '../support/runtime-node';
import type { JsonDoc } from '../support/json-doc';

interface InvokeCase {
  handler: string;
  event?: string;
  inline?: unknown;
  with?: Record<string, unknown>;
  expect: unknown;
}

type Template = { Resources: Record<string, { Type: string; Properties: Record<string, JsonDoc> }> };

/** Every fixture app through `appc package`, checked against goldens, AWS's specs, and by running its handlers. */
describe('appc package on every fixture app', function () {
  this.timeout(120000);
  for (const name of fixtureApps()) {
    const dir = path.join(FIXTURES_DIR, name);
    const settings = fixtureSettings(dir);
    for (const stage of settings.stages) {
      describe(`${name} (stage ${stage})`, () => {
        let files: Map<string, Uint8Array | string>;
        before(async () => {
          files = await packagedFixture({ name, stage, dir, label: `${name} (stage ${stage})` });
        });
        const expected = (file: string) => path.join(dir, 'expected', stage === 'dev' ? '' : stage, file);
        const template = () => JSON.parse(files.get('sam.json') as string) as Template;

        it('writes the golden sam.json, swagger.json and zip manifest', () => {
          expectGolden(expected('sam.json'), files.get('sam.json') as string);
          const swagger = files.get('swagger.json');
          if (swagger !== undefined) {
            expectGolden(expected('swagger.json'), swagger as string);
            expect(JSON.parse(swagger as string)).to.deep.equal(template().Resources.RestAPI.Properties.DefinitionBody);
          } else expect(template().Resources.RestAPI).to.equal(undefined);
          const zip = files.get('deployment.zip');
          if (zip !== undefined) expectGolden(expected('zip-manifest.txt'), zipManifest(zip as Uint8Array));
        });

        it('matches the AWS resource specification, and every reference has a target', () => {
          expect(checkResourceSpec(template())).to.deep.equal([]);
          expect(checkReferences(template())).to.deep.equal([]);
        });

        it('validates against the official SAM JSON schema', function () {
          if (!samSchemaAvailable()) {
            console.log(`      SAM schema missing at ${samSchemaPath}; cannot validate`);
            this.skip();
          }
          expect(checkSamSchema(template())).to.deep.equal([]);
        });

        it('has a valid swagger document, exactly when the app has routes', async () => {
          const swagger = files.get('swagger.json');
          const routes = (
            JSON.parse(fs.readFileSync(path.join(dir, 'expected', 'model.json'), 'utf8')) as { routes: unknown[] }
          ).routes;
          expect(swagger !== undefined, 'swagger.json is written only for an app with routes').to.equal(
            routes.length > 0,
          );
          if (swagger !== undefined) expect(await checkSwagger(JSON.parse(swagger as string))).to.deep.equal([]);
        });

        if (settings.invoke) {
          it("runs the zip's handlers on real events, each in a clean process of its Runtime's Node", function () {
            const cases = readCases(dir);
            if (cases.length === 0) this.skip();
            if (!fs.existsSync(REFERENCE_DIR)) {
              console.log(`      reference events missing at ${REFERENCE_DIR}; cannot invoke`);
              this.skip();
            }
            this.timeout(900000); // the first use of a runtime installs its Node (runtime-node.ts)
            const lambdaDir = extractZip(files.get('deployment.zip') as Uint8Array);
            try {
              for (const c of cases) checkInvocation(this, c, template(), lambdaDir);
            } finally {
              fs.rmSync(lambdaDir, { recursive: true, force: true });
            }
          });

          it("exports no callback-style handler (Node 24's Lambda runtime rejects them), loaded by each Runtime's Node", function () {
            this.timeout(900000);
            const lambdaDir = extractZip(files.get('deployment.zip') as Uint8Array);
            try {
              for (const [logicalId, fn] of functionsOf(template())) {
                const node = nodeFor(this, fn.Properties.Runtime);
                const [module, name] = (fn.Properties.Handler as string).split('.');
                const loaded = handlerExports(
                  lambdaDir,
                  [module],
                  node.node,
                  fn.Properties.Environment?.Variables ?? {},
                );
                expect(loaded.nodeVersion, logicalId).to.equal(`v${node.version}`);
                expect(
                  loaded.exports.find((e) => e.name === name)?.type,
                  `${logicalId}: ${fn.Properties.Handler} is a function`,
                ).to.equal('function');
                const callbackStyle = loaded.exports
                  .filter((e) => e.type === 'function' && e.length! >= 3)
                  .map((e) => `${e.module}.${e.name} declares ${e.length} parameters`);
                expect(callbackStyle, logicalId).to.deep.equal([]);
              }
            } finally {
              fs.rmSync(lambdaDir, { recursive: true, force: true });
            }
          });
        }
      });
    }
  }
});

function readCases(dir: string): InvokeCase[] {
  const file = path.join(dir, 'invoke.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as InvokeCase[]) : [];
}

function checkInvocation(context: Mocha.Context, c: InvokeCase, template: Template, lambdaDir: string): void {
  const fn = template.Resources[c.handler];
  expect(fn?.Type, `${c.handler} is a function of the template`).to.equal('AWS::Serverless::Function');
  const environment = (fn.Properties.Environment?.Variables ?? {}) as Record<string, string>;
  const base = c.event ? JSON.parse(fs.readFileSync(path.join(REFERENCE_DIR, 'events', c.event), 'utf8')) : c.inline;
  const stageVariables = templateStageVariables(template);
  const event = withStageVariables(c.with ? deepMerge(base, c.with) : base, c.handler, stageVariables);
  const node = nodeFor(context, fn.Properties.Runtime);
  const { result, nodeVersion } = invokeHandler(lambdaDir, {
    handler: fn.Properties.Handler,
    event,
    environment,
    node: node.node,
  });
  expect(nodeVersion, `${c.handler} ran on the Node of ${fn.Properties.Runtime}`).to.equal(`v${node.version}`);
  assertResult(result, substitute(c.expect, environment, stageVariables), c.handler);
}

/** The API stage's `Variables` as the template sets them; undefined when it sets none. */
function templateStageVariables(template: Template): Record<string, string> | undefined {
  return template.Resources.RestAPI?.Properties.Variables as Record<string, string> | undefined;
}

/** API Gateway puts the stage's variables in every proxy event it sends the API handler. */
function withStageVariables(event: unknown, handler: string, variables: Record<string, string> | undefined): unknown {
  if (handler !== 'APIHandler' || variables === undefined || !isPlainObject(event)) return event;
  return { ...event, stageVariables: { ...variables } };
}

function functionsOf(template: Template): Array<[string, Template['Resources'][string]]> {
  return Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::Serverless::Function');
}

/** The Node of a function's Runtime (see runtime-node.ts). */
function nodeFor(context: Mocha.Context, runtime: string): { node: string; version: string } {
  const node = runtimeNode(runtime);
  if (node.kind === 'ready') return node;
  const message = `cannot run handlers on the Node of Runtime ${runtime}: ${node.problem}`;
  if (node.kind === 'unpinned') throw new Error(message);
  return missingTool(context, message);
}

/**
 * Expected values may name the function's environment (`"$TABLE"`; an unset one drops the key), or
 * the API stage's variables as the template sets them (`"$stageVariables"`).
 */
function substitute(value: unknown, env: Record<string, string>, stageVariables?: Record<string, string>): unknown {
  if (value === '$stageVariables') return stageVariables ?? null;
  if (typeof value === 'string' && value.startsWith('$')) return env[value.slice(1)];
  if (Array.isArray(value)) return value.map((v) => substitute(v, env, stageVariables));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .map(([k, v]) => [k, substitute(v, env, stageVariables)])
        .filter(([, v]) => v !== undefined),
    );
  }
  return value;
}

/** A fixture's expectation of an API handler's proxy result. */
interface ExpectedProxyResult {
  statusCode: number;
  body?: unknown;
  rawBody?: string;
  isBase64Encoded?: boolean;
  bodyContains?: string;
  headers?: Record<string, string>;
  absentHeaders?: string[];
}

interface ProxyResult {
  statusCode: number;
  body: string;
  isBase64Encoded?: boolean;
  headers: Record<string, string>;
}

function assertResult(result: unknown, expected: unknown, handler: string): void {
  if (isPlainObject(expected) && 'statusCode' in expected) {
    const label = `${handler} ${JSON.stringify(result).slice(0, 400)}`;
    assertProxyResult(result as ProxyResult, expected as unknown as ExpectedProxyResult, label);
  } else expectMatch(result, expected, handler);
}

function assertProxyResult(result: ProxyResult, expected: ExpectedProxyResult, label: string): void {
  expect(result.statusCode, label).to.equal(expected.statusCode);
  expect(result.body, label).to.be.a('string');
  if (expected.body !== undefined) expectMatch(JSON.parse(result.body), expected.body, label);
  if (expected.rawBody !== undefined) expect(result.body, label).to.equal(expected.rawBody);
  if (expected.isBase64Encoded !== undefined)
    expect(Boolean(result.isBase64Encoded), label).to.equal(expected.isBase64Encoded);
  if (expected.bodyContains !== undefined) expect(result.body, label).to.contain(expected.bodyContains);
  for (const [header, value] of Object.entries(expected.headers ?? {}))
    expect(result.headers[header], `${label} header ${header}`).to.equal(value);
  for (const header of expected.absentHeaders ?? []) expect(result.headers, label).to.not.have.property(header);
}

/** An expected object lists the keys that matter; anything else must equal. */
function expectMatch(actual: unknown, expected: unknown, label: string): void {
  if (isPlainObject(expected)) expect(actual, label).to.deep.include(expected);
  else expect(actual, label).to.deep.equal(expected);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch) || !base || typeof base !== 'object') return patch;
  const from = base as Record<string, unknown>;
  const merged = { ...from };
  for (const [key, value] of Object.entries(patch))
    merged[key] = key === 'headers' ? { ...(from[key] as object), ...(value as object) } : deepMerge(from[key], value);
  return merged;
}
