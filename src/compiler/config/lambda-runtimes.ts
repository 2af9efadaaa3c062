/**
 * Lambda's Node.js runtimes and their dates, from the AWS Lambda Developer Guide, "Lambda runtimes"
 * (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html): the "Supported runtimes" and
 * "Deprecated runtimes" tables, columns "Deprecation date", "Block function create", "Block function
 * update". AWS moves these dates now and then: update this table (and README's config section) when the
 * page changes, and add a new runtime at the top when Lambda adds one.
 */

/** A Lambda Node.js runtime identifier, as `Runtime` spells it. */
export type LambdaNodeRuntime = (typeof LAMBDA_NODE_RUNTIMES)[number]['id'];

/** The CPU architecture of a function: `Architectures` in SAM and CloudFormation. */
export type LambdaArchitecture = 'x86_64' | 'arm64';

export interface LambdaRuntimeDates {
  /** Lambda stops patching the runtime: ISO date, UTC. */
  readonly deprecation: string;
  /** From this day on, Lambda rejects new functions with the runtime. */
  readonly blockCreate: string;
  /** From this day on, Lambda rejects updates of functions with the runtime. */
  readonly blockUpdate: string;
}

/** Newest first; every identifier the config schema accepts for `lambda_runtime`. */
export const LAMBDA_NODE_RUNTIMES = [
  { id: 'nodejs24.x', major: 24, deprecation: '2028-04-30', blockCreate: '2028-06-01', blockUpdate: '2028-07-01' },
  { id: 'nodejs22.x', major: 22, deprecation: '2027-04-30', blockCreate: '2027-06-01', blockUpdate: '2027-07-01' },
  { id: 'nodejs20.x', major: 20, deprecation: '2026-04-30', blockCreate: '2026-08-31', blockUpdate: '2026-09-30' },
  { id: 'nodejs18.x', major: 18, deprecation: '2025-09-01', blockCreate: '2026-03-09', blockUpdate: '2026-03-09' },
  { id: 'nodejs16.x', major: 16, deprecation: '2024-06-12', blockCreate: '2026-03-09', blockUpdate: '2026-03-09' },
  { id: 'nodejs14.x', major: 14, deprecation: '2023-12-04', blockCreate: '2024-01-09', blockUpdate: '2024-02-08' },
  { id: 'nodejs12.x', major: 12, deprecation: '2023-03-31', blockCreate: '2023-03-31', blockUpdate: '2023-04-30' },
] as const satisfies readonly ({ id: `nodejs${number}.x`; major: number } & LambdaRuntimeDates)[];

/**
 * The newest Node.js runtime Lambda offers: the default of `lambda_runtime`, and the replacement the calendar names.
 */
export const NEWEST_NODE_RUNTIME: LambdaNodeRuntime = LAMBDA_NODE_RUNTIMES[0].id;

export const DEFAULT_ARCHITECTURE: LambdaArchitecture = 'x86_64';

export type LambdaNodeRuntimeInfo = (typeof LAMBDA_NODE_RUNTIMES)[number];

/** The table's row for `id`. */
export function runtimeInfo(id: LambdaNodeRuntime): LambdaNodeRuntimeInfo {
  return LAMBDA_NODE_RUNTIMES.find((row) => row.id === id) as LambdaNodeRuntimeInfo;
}

/**
 * esbuild's `target` for one bundle shared by functions on `runtimes`: the lowest Node major among
 * them, so that the bundle runs on each (the newest runtime's when there is no function).
 * @example bundleTarget(['nodejs24.x', 'nodejs22.x']) // 'node22'
 */
export function bundleTarget(runtimes: readonly LambdaNodeRuntime[]): `node${number}` {
  const majors = runtimes.map((id) => runtimeInfo(id).major);
  return `node${majors.length > 0 ? Math.min(...majors) : runtimeInfo(NEWEST_NODE_RUNTIME).major}`;
}
