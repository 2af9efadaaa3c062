import type { RouteModel } from './app-model';

/** Routes grouped by path, paths in first-registration order. */
export function groupByPath(routes: readonly RouteModel[]): Map<string, RouteModel[]> {
  const byPath = new Map<string, RouteModel[]>();
  for (const route of routes) byPath.set(route.path, [...(byPath.get(route.path) ?? []), route]);
  return byPath;
}
