import type { AppModel, CorsModel, RouteModel } from '../model/app-model';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import { corsHeaders } from '../../runtime/cors';
import { effectiveCors } from '../model/effective-cors';
import { groupByPath } from '../model/group-by-path';
import { methodLocation, optionLocation } from './part-locations';

/**
 * Chalice's `validate_routes`: CORS views on one path must agree (equal when they produce the
 * same headers), and a path with CORS may not register OPTIONS (the preflight is generated).
 */
export function validateCors(model: AppModel): Diagnostic[] {
  return [...groupByPath(model.routes)].flatMap(([path, routes]) => {
    const withCors = routes.filter((route) => effectiveCors(route, model) !== false);
    if (withCors.length === 0) return [];
    return [...differingCors(path, withCors, model), ...explicitOptions(path, routes)];
  });
}

function differingCors(path: string, routes: RouteModel[], model: AppModel): Diagnostic[] {
  const headersOf = (route: RouteModel) => JSON.stringify(corsHeaders(effectiveCors(route, model) as CorsModel));
  const first = headersOf(routes[0]);
  return routes
    .slice(1)
    .filter((route) => headersOf(route) !== first)
    .map((route) =>
      error(
        'APPC312',
        `route '${path}' has a CORS configuration that differs from another route on the same path`,
        `Give every route on '${path}' that enables CORS the same configuration (first at ${where(routes[0])}).`,
        optionLocation(route, 'cors'),
      ),
    );
}

function explicitOptions(path: string, routes: RouteModel[]): Diagnostic[] {
  return routes
    .filter((route) => route.methods.includes('OPTIONS'))
    .map((route) =>
      error(
        'APPC313',
        `route '${path}' registers OPTIONS although CORS is enabled on that path`,
        "Remove 'OPTIONS' from methods: with CORS, appc adds the OPTIONS preflight itself.",
        methodLocation(route, route.methods.indexOf('OPTIONS')),
      ),
    );
}

function where(route: RouteModel): string {
  return `${route.location.file}:${route.location.line}`;
}
