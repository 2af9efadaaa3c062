import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unzipSync } from 'fflate';

/** Unzips deployment.zip into a fresh empty directory outside the repo. */
export function extractZip(zip: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-e2e-lambda-'));
  for (const [name, data] of Object.entries(unzipSync(zip))) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), data);
  }
  return dir;
}

export interface Invocation {
  /** `<module>.<export>` as the template's Handler says. */
  handler: string;
  event: unknown;
  /** The function's Environment.Variables from the template. */
  environment: Record<string, string>;
  /** The `node` binary of the function's Runtime (see runtime-node.ts). */
  node: string;
}

export interface InvocationResult {
  result: unknown;
  /** `process.version` of the node that ran the handler. */
  nodeVersion: string;
}

/**
 * Runs each handler in its own fresh `node` process, as Lambda would: cwd is the
 * extracted zip, the environment holds only PATH and the function's variables, and the
 * script is passed inline, so nothing from the repo (or its node_modules) is reachable.
 */
export function invokeHandler(dir: string, invocation: Invocation): InvocationResult {
  const [module, name] = invocation.handler.split('.');
  const script = `
    const handler = require(require('path').join(process.cwd(), ${JSON.stringify(module)}))[${JSON.stringify(name)}];
    const context = { functionName: ${JSON.stringify(name)}, awsRequestId: 'e2e', getRemainingTimeInMillis: () => 30000 };
    let input = '';
    process.stdin.on('data', (chunk) => (input += chunk)).on('end', async () => {
      const result = await handler(JSON.parse(input), context);
      process.stdout.write(${JSON.stringify(MARKER)} + JSON.stringify({ result: result === undefined ? null : result, nodeVersion: process.version }));
    });`;
  return runScript<InvocationResult>(
    dir,
    invocation.node,
    script,
    invocation.environment,
    JSON.stringify(invocation.event),
  );
}

/** What a handler module exports, as `node` sees it after loading the module. */
export interface ExportedValue {
  module: string;
  name: string;
  type: string;
  /** Declared parameters (`Function.length`), for functions. */
  length?: number;
}

/**
 * Loads handler modules from the extracted zip with the given node (nothing is invoked)
 * and lists their exports: Lambda calls a handler with `(event, context, callback)` when
 * it declares three parameters, which Node 24's runtime no longer supports
 * (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html).
 */
export function handlerExports(
  dir: string,
  modules: string[],
  node: string,
  environment: Record<string, string>,
): { exports: ExportedValue[]; nodeVersion: string } {
  const script = `
    const exports = [];
    for (const module of ${JSON.stringify(modules)}) {
      for (const [name, value] of Object.entries(require(require('path').join(process.cwd(), module)))) {
        exports.push({ module, name, type: typeof value, ...(typeof value === 'function' ? { length: value.length } : {}) });
      }
    }
    process.stdout.write(${JSON.stringify(MARKER)} + JSON.stringify({ exports, nodeVersion: process.version }));`;
  return runScript(dir, node, script, environment, '');
}

const MARKER = '\n@@appc-result@@';

function runScript<T>(
  dir: string,
  node: string,
  script: string,
  environment: Record<string, string>,
  input: string,
): T {
  const output = execFileSync(node, ['-e', script], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', ...environment },
    input,
    encoding: 'utf8',
  });
  // The app may log to stdout too; the result is what follows the last marker.
  return JSON.parse(output.slice(output.lastIndexOf(MARKER) + MARKER.length)) as T;
}
