import type { DictKey, FunctionKey, RawConfig, StageDictKey, StageKey } from './raw-config';

/** A path into the config document: object keys and array indexes. */
export type JsonPath = readonly (string | number)[];

/** A value found in the config, and where it was found. */
export interface Found<T> {
  value: T;
  path: JsonPath;
}

/**
 * Chalice's `_chain_lookup` for a per-function key, first non-null wins:
 * `stages.<stage>.lambda_functions.<fn>` > `stages.<stage>` > `lambda_functions.<fn>` > top level.
 * `fn` undefined looks up a function that has no `lambda_functions` entry.
 */
export function lookupFunctionSetting<K extends FunctionKey>(
  raw: RawConfig,
  stage: string,
  fn: string | undefined,
  key: K,
): Found<NonNullable<RawConfig[K]>> | undefined {
  return firstSet(raw, functionScopes(stage, fn), key);
}

/** Chalice's `_chain_lookup` for a per-stage key: `stages.<stage>` > top level. */
export function lookupStageSetting<K extends StageKey>(
  raw: RawConfig,
  stage: string,
  key: K,
): Found<NonNullable<RawConfig[K]>> | undefined {
  return firstSet(raw, [['stages', stage], []], key);
}

/**
 * Chalice's `_chain_merge` for `environment_variables` and `tags`, later wins key by key:
 * top level < `lambda_functions.<fn>` < `stages.<stage>` < `stages.<stage>.lambda_functions.<fn>`.
 * Chalice silently ignores the top-level `lambda_functions.<fn>` dict (as in `chalice package`);
 * appc merges it, between the top level and the stage, because a user who writes it expects it
 * to apply, and its place matches the scalar precedence of the same entry.
 * A key keeps the position of its first appearance, as Python's `dict.update` does.
 */
export function mergeFunctionDict(
  raw: RawConfig,
  stage: string,
  fn: string | undefined,
  key: DictKey,
): Record<string, string> {
  const merged = new Map<string, string>();
  for (const scope of [...functionScopes(stage, fn)].reverse()) {
    const dict = valueAt(raw, [...scope, key]);
    if (isObject(dict)) for (const [k, v] of Object.entries(dict)) merged.set(k, v as string);
  }
  return Object.fromEntries(merged);
}

/** A stage-level map merged key by key, later wins: top level < `stages.<stage>`. */
export function mergeStageDict(raw: RawConfig, stage: string, key: StageDictKey): Record<string, string> {
  const merged = new Map<string, string>();
  for (const scope of [[], ['stages', stage]]) {
    const dict = valueAt(raw, [...scope, key]);
    if (isObject(dict)) for (const [k, v] of Object.entries(dict)) merged.set(k, v as string);
  }
  return Object.fromEntries(merged);
}

/** Function names with an entry in `lambda_functions`, at the top level or in the stage. */
export function configuredFunctionNames(raw: RawConfig, stage: string): string[] {
  const names = new Set<string>();
  for (const scope of [['lambda_functions'], ['stages', stage, 'lambda_functions']]) {
    const entries = valueAt(raw, scope);
    if (isObject(entries)) for (const name of Object.keys(entries)) names.add(name);
  }
  return [...names];
}

/** Scopes of a per-function lookup, most specific first. */
function functionScopes(stage: string, fn: string | undefined): JsonPath[] {
  const stageScope = ['stages', stage];
  if (fn === undefined) return [stageScope, []];
  return [[...stageScope, 'lambda_functions', fn], stageScope, ['lambda_functions', fn], []];
}

function firstSet<T>(raw: RawConfig, scopes: JsonPath[], key: string): Found<T> | undefined {
  for (const scope of scopes) {
    const path = [...scope, key];
    const value = valueAt(raw, path);
    if (value !== undefined && value !== null) return { value: value as T, path };
  }
  return undefined;
}

/** The value at `path`, or undefined; own properties only (a function may be called `constructor`). */
export function valueAt(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isObject(node) && Object.hasOwn(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

function isObject(value: unknown): value is Record<string | number, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
