/**
 * Lambda's calendar applied to a `lambda_runtime` (README "appc package"): pure policy, "today" is injected
 * (the CLI passes the real date). Lambda's runtime deprecation policy
 * (https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html): after the deprecation
 * date the runtime gets no more patches; from "block function create" Lambda rejects new functions
 * with it, from "block function update" changes to existing ones.
 */
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../model/app-model';
import {
  NEWEST_NODE_RUNTIME,
  runtimeInfo,
  type LambdaNodeRuntime,
  type LambdaNodeRuntimeInfo,
} from './lambda-runtimes';

/** How long before a runtime's deprecation date appc starts to warn. */
export const DEPRECATION_WARNING_DAYS = 90;

/** Where the runtime was chosen: a config path (shown as `stages.prod.lambda_runtime`) or appc's default. */
export type RuntimeSource = { kind: 'config'; path: string; location?: SourceLocation } | { kind: 'default' };

/** Where a runtime stands on `today` (a UTC day, `YYYY-MM-DD`). */
export type RuntimeStatus =
  { kind: 'supported' } | { kind: 'deprecation-near'; days: number } | { kind: 'deprecated' } | { kind: 'blocked' };

export function runtimeStatus(row: LambdaRuntimeDatesRow, today: string): RuntimeStatus {
  if (today >= row.blockCreate) return { kind: 'blocked' };
  if (today >= row.deprecation) return { kind: 'deprecated' };
  const days = daysBetween(today, row.deprecation);
  return days <= DEPRECATION_WARNING_DAYS ? { kind: 'deprecation-near', days } : { kind: 'supported' };
}

type LambdaRuntimeDatesRow = Pick<LambdaNodeRuntimeInfo, 'deprecation' | 'blockCreate' | 'blockUpdate'>;

/**
 * The diagnostics of `runtime` on `today`: an error (APPC413) once Lambda blocks creating functions
 * with it, a warning while it is deprecated but not yet blocked (APPC415) or within
 * DEPRECATION_WARNING_DAYS of its deprecation (APPC414), nothing otherwise.
 * @example runtimeDiagnostics('nodejs20.x', new Date('2026-12-02'), { kind: 'default' }) // [APPC413 error]
 */
export function runtimeDiagnostics(runtime: LambdaNodeRuntime, today: Date, source: RuntimeSource): Diagnostic[] {
  const row = runtimeInfo(runtime);
  const day = utcDay(today);
  const status = runtimeStatus(row, day);
  const subject = source.kind === 'config' ? `${source.path} ${runtime}` : `the default lambda_runtime ${runtime}`;
  const location = source.kind === 'config' ? source.location : undefined;
  const remedy = replacementRemedy(runtime, source);
  switch (status.kind) {
    case 'supported':
      return [];
    case 'blocked':
      return [
        error(
          'APPC413',
          `${subject} can no longer be deployed: Lambda deprecated it on ${row.deprecation}, ${blockedSince(row, day)}`,
          remedy,
          location,
        ),
      ];
    case 'deprecated':
      return [
        warning(
          'APPC415',
          `${subject} is deprecated since ${row.deprecation}: Lambda blocks creating functions with it from ${row.blockCreate} and updating them from ${row.blockUpdate}`,
          remedy,
          location,
        ),
      ];
    case 'deprecation-near':
      return [
        warning(
          'APPC414',
          `${subject} will be deprecated on ${row.deprecation} (in ${status.days} ${status.days === 1 ? 'day' : 'days'}): Lambda blocks creating functions with it from ${row.blockCreate} and updating them from ${row.blockUpdate}`,
          remedy,
          location,
        ),
      ];
  }
}

function blockedSince(row: LambdaRuntimeDatesRow, day: string): string {
  const update =
    day >= row.blockUpdate
      ? `and updating them since ${row.blockUpdate}`
      : `and blocks updating them from ${row.blockUpdate}`;
  return `blocks creating functions with it since ${row.blockCreate} ${update}`;
}

function replacementRemedy(runtime: LambdaNodeRuntime, source: RuntimeSource): string {
  if (runtime === NEWEST_NODE_RUNTIME) {
    return "Upgrade appc: this version's table of Lambda runtimes (from the AWS Lambda Developer Guide) knows no newer Node.js runtime.";
  }
  const major = runtimeInfo(NEWEST_NODE_RUNTIME).major;
  const where =
    source.kind === 'config'
      ? `Set ${source.path} to "${NEWEST_NODE_RUNTIME}"`
      : `Set "lambda_runtime": "${NEWEST_NODE_RUNTIME}"`;
  return `${where}, the newest Node.js runtime Lambda offers, and test the app on Node.js ${major}.`;
}

/** `YYYY-MM-DD` of `date` in UTC, the form of the table's dates. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}
