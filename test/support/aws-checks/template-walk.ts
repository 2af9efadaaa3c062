/** Shared helpers for the template checks: intrinsic detection and a deep walk. */

export type Template = {
  Resources?: Record<string, { Type?: string; Properties?: Record<string, unknown> }>;
  [key: string]: unknown;
};

/** `{ "Ref": ... }` or `{ "Fn::Xxx": ... }`: CloudFormation resolves it, so any property type accepts it. */
export function isIntrinsic(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Calls `visit` on every object and array below `value`, with its JSON path. */
export function walk(value: unknown, path: string, visit: (node: Record<string, unknown>, path: string) => void): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${path}[${i}]`, visit));
  } else if (isPlainObject(value)) {
    visit(value, path);
    for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`, visit);
  }
}

/** A deep copy with every intrinsic function object replaced by a placeholder string. */
export function withoutIntrinsics<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutIntrinsics) as T;
  if (isIntrinsic(value)) return `<${Object.keys(value)[0]}>` as T;
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutIntrinsics(v)])) as T;
  }
  return value;
}
