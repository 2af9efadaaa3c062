import type { RouteModel } from '../model/app-model';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import { methodLocation, viewLabel } from './part-locations';

export const HTTP_METHODS: readonly string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** Every method is a valid upper-case HTTP method. */
export function validateMethods(routes: readonly RouteModel[]): Diagnostic[] {
  return routes.flatMap((route) =>
    route.methods.flatMap((method, index) =>
      HTTP_METHODS.includes(method)
        ? []
        : [
            error(
              'APPC311',
              `'${method}' is not a valid HTTP method (route '${route.path}')`,
              HTTP_METHODS.includes(method.toUpperCase())
                ? `Write it in upper case: '${method.toUpperCase()}'.`
                : `Use one of ${HTTP_METHODS.join(', ')}.`,
              methodLocation(route, index),
            ),
          ],
    ),
  );
}

/** Chalice's `_register_route`: a (path, method) pair may be registered once. */
export function validateDuplicateMethods(routes: readonly RouteModel[]): Diagnostic[] {
  const owners = new Map<string, RouteModel>();
  const problems: Diagnostic[] = [];
  for (const route of routes) {
    route.methods.forEach((method, index) => {
      const key = `${method} ${route.path}`;
      const first = owners.get(key);
      if (first) problems.push(duplicate(method, first, route, index));
      else owners.set(key, route);
    });
  }
  return problems;
}

function duplicate(method: string, first: RouteModel, second: RouteModel, index: number): Diagnostic {
  const where = `${first.location.file}:${first.location.line}`;
  return error(
    'APPC310',
    `duplicate method '${method}' for route '${second.path}' between view functions ${viewLabel(first)} and ${viewLabel(second)}`,
    `A method may be registered once per path: remove it here or from the route at ${where}.`,
    methodLocation(second, index),
  );
}
