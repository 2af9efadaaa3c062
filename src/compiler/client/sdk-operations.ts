import type { AppModel, RouteModel } from '../model/app-model';

/** One method of one route: a method of the generated client and an operation of the OpenAPI document. */
export interface SdkOperation {
  /** The client method's name, unique in the app (README "Typed client"); also the OpenAPI `operationId`. */
  readonly name: string;
  /** Upper-case HTTP method. */
  readonly method: string;
  readonly route: RouteModel;
}

/**
 * Every route method of the app, in registration order, named per README "Typed client": the route's `name` (its
 * `name` option, else the handler's own name) in camelCase, else `<method><Path>` (`GET /todos/{id}` ->
 * `getTodosId`). Names that several operations would share are settled deterministically: a named route
 * with several methods prefixes each with its method (`userPost` -> `getUserPost`, `deleteUserPost`), and
 * any name still taken gets the first free `2`, `3`, ... in registration order.
 */
export function sdkOperations(model: AppModel): SdkOperation[] {
  const drafts = model.routes.flatMap((route) => route.methods.map((method) => ({ route, method })));
  const counts = countBy(drafts.map(({ route, method }) => baseName(route, method)));
  // A client with a `then` method would be a thenable: `await` on a promise of it would call it.
  const taken = new Set<string>(['then']);
  return drafts.map(({ route, method }) => {
    const base = baseName(route, method);
    const preferred = (counts.get(base) ?? 0) > 1 && camelCase(route.name) ? methodName(method, base) : base;
    const name = firstFree(preferred, taken);
    taken.add(name);
    return { name, method, route };
  });
}

function baseName(route: RouteModel, method: string): string {
  return camelCase(route.name) || methodName(method, pathWords(route.path));
}

/** `get` + `TodosId`; the root path `/` reads `Root`. */
function methodName(method: string, rest: string): string {
  return method.toLowerCase() + capitalize(rest || 'Root');
}

/** `/todos/{id}` -> `TodosId`, `/files/{proxy+}` -> `FilesProxy`. */
function pathWords(path: string): string {
  return words(path).map(capitalize).join('');
}

/**
 * `user_post` -> `userPost`, `PutObject` -> `putObject`, `list-todos.v2` -> `listTodosV2`; `''` when the
 * name has no letter or digit. A name starting with a digit gets a leading `op` (an identifier cannot).
 */
export function camelCase(name: string | null): string {
  const parts = words(name ?? '');
  if (parts.length === 0) return '';
  const joined = parts.map((part, i) => (i === 0 ? lowerFirst(part) : capitalize(part))).join('');
  return /^[0-9]/.test(joined) ? `op${joined}` : joined;
}

function words(text: string): string[] {
  return text.split(/[^A-Za-z0-9]+/).filter((part) => part !== '');
}

function firstFree(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  let n = 2;
  while (taken.has(`${name}${n}`)) n++;
  return `${name}${n}`;
}

function countBy(names: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The path's parameters, in order: `{ name, greedy }` for `{name}` and `{name+}`. */
export function pathParameters(path: string): Array<{ readonly name: string; readonly greedy: boolean }> {
  return [...path.matchAll(/\{([^{}+]+)(\+?)\}/g)].map((match) => ({ name: match[1], greedy: match[2] === '+' }));
}
