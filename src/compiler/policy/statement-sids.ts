import type { Json, JsonObject } from '../model/json';
import { toLogicalId } from '../model/names';

/** Drops a statement equal (Sid aside) to an earlier one. */
export function withoutDuplicates(statements: readonly JsonObject[]): JsonObject[] {
  const seen = new Set<string>();
  return statements.filter((statement) => {
    const { Sid: _sid, ...content } = statement;
    const key = JSON.stringify(content);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Gives every statement a Sid derived from its content (its services in PascalCase:
 * `s3:GetObject` -> `S3`), numbered when two derive the same, so templates are reproducible.
 */
export function withSids(statements: readonly JsonObject[]): JsonObject[] {
  const used = new Set(statements.map((s) => s.Sid).filter((sid): sid is string => typeof sid === 'string'));
  return statements.map((statement) => {
    if (typeof statement.Sid === 'string') return statement;
    const base = servicesOf(statement).map(toLogicalId).join('') || 'Statement';
    let sid = base;
    for (let n = 2; used.has(sid); n++) sid = `${base}${n}`;
    used.add(sid);
    return { ...statement, Sid: sid };
  });
}

function servicesOf(statement: JsonObject): string[] {
  const actions = ([] as Json[]).concat(statement.Action ?? statement.NotAction ?? []);
  const services = actions.filter((a): a is string => typeof a === 'string').map((a) => a.split(':')[0].trim());
  return [...new Set(services.filter(Boolean))];
}
