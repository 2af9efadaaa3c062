/**
 * API Gateway's resource matching for `appc local`: a request path like `/cities/seattle`
 * becomes the resource `/cities/{city}` and `pathParameters` `{ city: 'seattle' }`, which is
 * what the Lambda dispatcher (`handleApiEvent`) then looks up exactly. Both sides share one
 * contract test suite (test/local/route-contract.test.ts).
 *
 * Rules: the most specific resource that has the request's method wins. Segment by segment a
 * literal beats a `{param}`, which beats a greedy `{name+}`, and a branch that dead-ends, or
 * ends on a resource without the method, gives way to the next candidate: with `/users/me`
 * (PATCH) and `/users/{id}` (GET), `GET /users/me` reaches `/users/{id}`, as REST APIs do
 * (observed on AWS: github.com/floci-io/floci/pull/3399). A `{param}` takes one non-empty
 * segment, a greedy one or more; parameter values are URL-decoded (REST APIs decode
 * `pathParameters`, not `path`); one trailing slash is ignored.
 */

import type { RouteMatch } from '../events/proxy-event';

export type { RouteMatch };

export interface RouteMatcher {
  /** `method` upper-case; `path` as requested (URL-encoded, without the query). */
  match(method: string, path: string): RouteMatch | undefined;
}

interface Endpoint {
  resource: string;
  methods: ReadonlySet<string>;
}

interface Node {
  endpoint?: Endpoint;
  literals: Map<string, Node>;
  param?: { name: string; node: Node };
  greedy?: { name: string; endpoint: Endpoint };
}

/**
 * A matcher over API Gateway resources (`/`, `/a/{b}`, `/files/{proxy+}`) and their methods.
 * @example createRouteMatcher([['/cities/{city}', ['GET']]]).match('GET', '/cities/seattle')
 *   // { resource: '/cities/{city}', pathParameters: { city: 'seattle' } }
 */
export function createRouteMatcher(resources: Iterable<readonly [string, Iterable<string>]>): RouteMatcher {
  const root = newNode();
  for (const [resource, methods] of resources) insert(root, { resource, methods: new Set(methods) });
  return { match: (method, path) => matchPath(root, method, path) };
}

function newNode(): Node {
  return { literals: new Map() };
}

function insert(root: Node, endpoint: Endpoint): void {
  let node = root;
  for (const segment of splitPath(endpoint.resource)) {
    const variable = /^\{([^{}]+?)(\+?)\}$/.exec(segment);
    if (variable && variable[2] === '+') {
      node.greedy = { name: variable[1], endpoint };
      return;
    }
    if (variable) {
      node.param ??= { name: variable[1], node: newNode() };
      node = node.param.node;
    } else {
      let next = node.literals.get(segment);
      if (!next) node.literals.set(segment, (next = newNode()));
      node = next;
    }
  }
  node.endpoint = endpoint;
}

function matchPath(root: Node, method: string, path: string): RouteMatch | undefined {
  const segments = splitPath(path);
  const params: Array<[string, string]> = [];
  const resource = walk(root, method, segments, 0, params);
  if (resource === undefined) return undefined;
  return { resource, pathParameters: params.length > 0 ? Object.fromEntries(params) : null };
}

/** Depth-first in priority order; `params` holds the captures of the branch being tried. */
function walk(
  node: Node,
  method: string,
  segments: readonly string[],
  index: number,
  params: Array<[string, string]>,
): string | undefined {
  if (index === segments.length) return node.endpoint?.methods.has(method) ? node.endpoint.resource : undefined;
  const segment = segments[index];
  const literal = node.literals.get(decode(segment));
  if (literal) {
    const found = walk(literal, method, segments, index + 1, params);
    if (found !== undefined) return found;
  }
  if (node.param && segment !== '') {
    params.push([node.param.name, decode(segment)]);
    const found = walk(node.param.node, method, segments, index + 1, params);
    if (found !== undefined) return found;
    params.pop();
  }
  const rest = segments.slice(index).join('/');
  if (node.greedy?.endpoint.methods.has(method) && rest !== '') {
    params.push([node.greedy.name, decode(rest)]);
    return node.greedy.endpoint.resource;
  }
  return undefined;
}

/** `/a/b/` -> `['a', 'b']`; `/` -> `[]`. Segments stay URL-encoded. */
function splitPath(path: string): string[] {
  const trimmed = path.startsWith('/') ? path.slice(1) : path;
  if (trimmed === '') return [];
  const segments = trimmed.split('/');
  if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop();
  return segments;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
