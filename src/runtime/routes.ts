import type { Authorizer } from './authorizers';
import type { CorsSetting } from './cors';
import type { Request } from './request';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** Names captured by a path: `'/a/{first}/b/{rest+}'` -> `'first' | 'rest'`. */
export type PathParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? (Name extends `${infer Greedy}+` ? Greedy : Name) | PathParamNames<Rest>
  : never;

/** A handler's first argument: `{ first: string; rest: string }` for the path above. */
export type PathParams<P extends string> = string extends P
  ? Record<string, string>
  : { [Name in PathParamNames<P>]: string };

/**
 * A route handler: `(params, request) => value | Response | Promise<value | Response>`. `TBody` and
 * `TQuery` come from the type written on `request` (`req: Request<NewTodo>`): the route's request models.
 */
export type RouteHandler<P extends string, TBody = unknown, TQuery = Record<string, string>> = (
  params: PathParams<P>,
  request: Request<TBody, TQuery>,
) => unknown;

/** The options of `app.route(path, options, handler)`. */
export interface RouteOptions {
  /** Default `['GET']`. */
  methods?: HttpMethod[];
  /** The view's name; defaults to the handler's name. */
  name?: string;
  authorizer?: Authorizer;
  /** Request Content-Types the route accepts (parameters ignored); default `['application/json']`. */
  contentTypes?: string[];
  /** Default false. */
  apiKeyRequired?: boolean;
  /** `true`, `false` or a `CORSConfig`; unset or `undefined`: `app.api.cors`. */
  cors?: CorsSetting;
}

/** A registered route, one per (path, method). */
export interface RouteEntry {
  readonly path: string;
  readonly method: string;
  readonly name: string;
  readonly paramNames: readonly string[];
  readonly contentTypes: readonly string[];
  readonly authorizer: Authorizer | undefined;
  readonly apiKeyRequired: boolean;
  readonly cors: CorsSetting | undefined;
  readonly handler: (params: Record<string, string>, request: Request) => unknown;
}

/**
 * `'/a/{first}/b/{rest+}'` -> `['first', 'rest']`, in path order: what `/\{([^}]+?)\+?\}/g` captures,
 * found with indexOf because compiling that pattern is a tenth of a cold start's registration work.
 */
export function pathParamNames(path: string): string[] {
  const names: string[] = [];
  for (let open = path.indexOf('{'); open !== -1; open = path.indexOf('{', open + 1)) {
    const close = path.indexOf('}', open + 1);
    if (close === -1) break;
    if (close === open + 1) continue;
    const inner = path.slice(open + 1, close);
    names.push(inner.length > 1 && inner.endsWith('+') ? inner.slice(0, -1) : inner);
    open = close;
  }
  return names;
}

/** Chalice's blueprint prefix rule: `prefix.rstrip('/') + '/' + path.strip('/')`, then `rstrip('/')`. */
export function joinUrlPrefix(prefix: string | undefined, path: string): string {
  if (!prefix) return path;
  const joined = `${prefix.replace(/\/+$/, '')}/${path.replace(/^\/+|\/+$/g, '')}`.replace(/\/+$/, '');
  return joined === '' ? '/' : joined;
}
