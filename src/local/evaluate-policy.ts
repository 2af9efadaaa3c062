/**
 * What API Gateway does with the policy a TOKEN authorizer returns: evaluate it for the
 * action `execute-api:Invoke` on the request's method ARN. An explicit Deny wins, then an
 * Allow; nothing matching is an implicit deny. `*` and `?` are IAM's wildcards (`*` crosses
 * `/`), actions compare case-insensitively, ARNs case-sensitively. Conditions are not evaluated.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */

export type PolicyDecision = 'allow' | 'explicit-deny' | 'implicit-deny';

interface Statement {
  Effect?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
}

const ACTION = 'execute-api:Invoke';

/** The decision of `policyDocument` for invoking `methodArn`. */
export function evaluatePolicy(policyDocument: unknown, methodArn: string): PolicyDecision {
  const statements = statementsOf(policyDocument);
  let allowed = false;
  for (const statement of statements) {
    if (!appliesTo(statement, methodArn)) continue;
    if (statement.Effect === 'Deny') return 'explicit-deny';
    if (statement.Effect === 'Allow') allowed = true;
  }
  return allowed ? 'allow' : 'implicit-deny';
}

/** `Statement` may be one object or a list. */
function statementsOf(policyDocument: unknown): Statement[] {
  const statement = (policyDocument as { Statement?: unknown } | null | undefined)?.Statement;
  if (Array.isArray(statement)) return statement.filter((s): s is Statement => typeof s === 'object' && s !== null);
  return typeof statement === 'object' && statement !== null ? [statement as Statement] : [];
}

function appliesTo(statement: Statement, methodArn: string): boolean {
  const action =
    statement.Action !== undefined
      ? list(statement.Action).some((pattern) => wildcardMatch(pattern.toLowerCase(), ACTION.toLowerCase()))
      : statement.NotAction !== undefined &&
        !list(statement.NotAction).some((pattern) => wildcardMatch(pattern.toLowerCase(), ACTION.toLowerCase()));
  if (!action) return false;
  if (statement.Resource !== undefined)
    return list(statement.Resource).some((pattern) => wildcardMatch(pattern, methodArn));
  return (
    statement.NotResource !== undefined &&
    !list(statement.NotResource).some((pattern) => wildcardMatch(pattern, methodArn))
  );
}

function list(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

/** IAM's glob: `*` any run of characters (also none, also `/`), `?` exactly one. */
export function wildcardMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === text[t])) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = t;
    } else if (star !== -1) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}
