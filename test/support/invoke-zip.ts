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
}

/**
 * Runs each handler in its own fresh `node` process, as Lambda would: cwd is the
 * extracted zip, the environment holds only PATH and the function's variables, and the
 * script is passed inline, so nothing from the repo (or its node_modules) is reachable.
 */
export function invokeHandler(dir: string, invocation: Invocation): unknown {
  const [module, name] = invocation.handler.split('.');
  const script = `
    const handler = require(require('path').join(process.cwd(), ${JSON.stringify(module)}))[${JSON.stringify(name)}];
    const context = { functionName: ${JSON.stringify(name)}, awsRequestId: 'e2e', getRemainingTimeInMillis: () => 30000 };
    let input = '';
    process.stdin.on('data', (chunk) => (input += chunk)).on('end', async () => {
      const result = await handler(JSON.parse(input), context);
      process.stdout.write('\\n@@appc-result@@' + JSON.stringify({ result: result === undefined ? null : result }));
    });`;
  const output = execFileSync(process.execPath, ['-e', script], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', ...invocation.environment },
    input: JSON.stringify(invocation.event),
    encoding: 'utf8',
  });
  // The app may log to stdout too; the result is what follows the last marker.
  const marker = output.lastIndexOf('@@appc-result@@');
  return (JSON.parse(output.slice(marker + '@@appc-result@@'.length)) as { result: unknown }).result;
}
