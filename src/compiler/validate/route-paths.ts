import type { RouteModel } from '../model/app-model';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import { argumentLocation } from './part-locations';

// API Gateway: "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning
// and the end and an optional plus sign before the closing brace."
const LITERAL_SEGMENT = /^[A-Za-z0-9._-]+$/;
const PARAM_SEGMENT = /^\{([^{}]*)\}$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Path syntax of every route: Chalice's rules plus API Gateway's segment syntax. */
export function validateRoutePaths(routes: readonly RouteModel[]): Diagnostic[] {
  return routes.flatMap(validatePath);
}

function validatePath(route: RouteModel): Diagnostic[] {
  const { path } = route;
  const location = argumentLocation(route);
  if (path === '')
    return [error('APPC301', 'route path is empty', "Use '/' for the root, or a path such as '/users'.", location)];
  if (path === '/') return [];
  const problems: Diagnostic[] = [];
  if (!path.startsWith('/')) {
    problems.push(
      error('APPC302', `route path '${path}' does not start with '/'`, `Write it as '/${path}'.`, location),
    );
  }
  if (path.endsWith('/')) {
    const fixed = path.replace(/\/+$/, '') || '/';
    problems.push(
      error('APPC303', `route path '${path}' ends with a trailing slash`, `Remove it: '${fixed}'.`, location),
    );
  }
  const body = path.slice(path.startsWith('/') ? 1 : 0, path.endsWith('/') ? -1 : undefined);
  if (body !== '') problems.push(...validateSegments(route, body.split('/')));
  return problems;
}

function validateSegments(route: RouteModel, segments: string[]): Diagnostic[] {
  const seen = new Set<string>();
  return segments.flatMap((segment, index) => {
    const param = PARAM_SEGMENT.exec(segment);
    if (param) return validateParam(route, param[1], index === segments.length - 1, seen);
    return validateLiteral(route, segment);
  });
}

function validateLiteral(route: RouteModel, segment: string): Diagnostic[] {
  const { path } = route;
  const location = argumentLocation(route);
  if (segment === '') {
    return [error('APPC305', `route path '${path}' has an empty segment`, "Remove the doubled '/'.", location)];
  }
  if (segment === '.' || segment === '..') {
    // Clients remove dot segments before sending a request (RFC 3986, section 5.2.4), so API
    // Gateway never receives a path that contains one: such a route could never be called.
    return [
      error(
        'APPC341',
        `route path '${path}' has a '${segment}' segment, which no request can reach (clients remove dot segments)`,
        "Remove the segment, or name it with other characters, e.g. 'parent'.",
        location,
      ),
    ];
  }
  if (/[{}]/.test(segment)) {
    return [
      error(
        'APPC305',
        `segment '${segment}' of route path '${path}' must be literal text or exactly one {param}`,
        "Put each {param} in a segment of its own, e.g. '/files/{id}'.",
        location,
      ),
    ];
  }
  if (LITERAL_SEGMENT.test(segment)) return [];
  const bad = [...new Set(segment.replace(/[A-Za-z0-9._-]/g, ''))].join('');
  return [
    error(
      'APPC304',
      `segment '${segment}' of route path '${path}' has characters outside [a-zA-Z0-9._-]: '${bad}'`,
      "Use only letters, digits, '.', '_' and '-' in literal segments, or capture the value with a {param}.",
      location,
    ),
  ];
}

function validateParam(route: RouteModel, inner: string, last: boolean, seen: Set<string>): Diagnostic[] {
  const { path } = route;
  const location = argumentLocation(route);
  const greedy = inner.endsWith('+');
  const name = greedy ? inner.slice(0, -1) : inner;
  if (!IDENTIFIER.test(name)) {
    const fixed = name.replace(/\W/g, '_').replace(/^(\d)/, '_$1') || 'name';
    return [
      error(
        'APPC306',
        `path parameter '{${inner}}' in '${path}' is not an identifier`,
        `Use letters, digits and '_', not starting with a digit, e.g. '{${fixed}${greedy ? '+' : ''}}'.`,
        location,
      ),
    ];
  }
  const problems: Diagnostic[] = [];
  if (seen.has(name)) {
    problems.push(
      error(
        'APPC307',
        `path parameter '${name}' appears twice in '${path}'`,
        'Give each path parameter its own name.',
        location,
      ),
    );
  }
  seen.add(name);
  if (greedy && !last) {
    problems.push(
      error(
        'APPC308',
        `greedy path parameter '{${inner}}' in '${path}' is not the last segment`,
        `API Gateway accepts {${inner}} only at the end of a path: move it there or drop the '+'.`,
        location,
      ),
    );
  }
  return problems;
}
