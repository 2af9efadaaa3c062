import { warning, type Diagnostic } from '../diagnostics/diagnostic';

/** Node.js majors Lambda supports as managed runtimes (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html). */
export const LAMBDA_NODE_MAJORS: readonly number[] = [20, 22, 24];

/** `nodejs<major>.x` for the Node running appc; the nearest supported major, with a warning, otherwise. */
export function lambdaRuntime(nodeVersion: string = process.versions.node): { runtime: string; diagnostics: Diagnostic[] } {
  const major = Number(nodeVersion.split('.')[0]);
  if (LAMBDA_NODE_MAJORS.includes(major)) return { runtime: `nodejs${major}.x`, diagnostics: [] };
  const nearest = [...LAMBDA_NODE_MAJORS].sort((a, b) => Math.abs(a - major) - Math.abs(b - major) || b - a)[0];
  return {
    runtime: `nodejs${nearest}.x`,
    diagnostics: [warning('APPC410', `Node.js ${major} is not a Lambda runtime; the template uses nodejs${nearest}.x`, `Package with Node.js ${LAMBDA_NODE_MAJORS.join(', ')} to choose the runtime.`)],
  };
}
