import type { CallParts, FunctionModel, RouteModel, SourceLocation } from '../model/app-model';

/** A registration as validation sees it: the whole call, and its parts when written. */
interface Registered {
  readonly location: SourceLocation;
  readonly parts: CallParts;
}

/** The path or expression argument; the call when there is none. */
export function argumentLocation(entry: Registered): SourceLocation {
  return entry.parts.argument ?? entry.location;
}

/** The option `key` as written; the call when it is not given (a default applies). */
export function optionLocation(entry: Registered, key: string): SourceLocation {
  return entry.parts.options[key] ?? entry.location;
}

/** Element `index` of the array option `key`; the option itself when it is not an array literal. */
export function elementLocation(entry: Registered, key: string, index: number): SourceLocation {
  return entry.parts.elements[key]?.[index] ?? optionLocation(entry, key);
}

/**
 * Where a route's method `index` is written: its element of `methods`, or the path when `methods` is left out (the
 * route is then GET on that path).
 */
export function methodLocation(route: RouteModel, index: number): SourceLocation {
  if (route.parts.options.methods === undefined) return argumentLocation(route);
  return elementLocation(route, 'methods', index);
}

/**
 * A view function as diagnostics name it: its name as the analyzer derives it (`options.name`, the function's or
 * const's name), in quotes, or where its handler is written when it has none.
 */
export function viewLabel(route: RouteModel): string {
  const { file, line } = route.handler.location;
  return route.name === null ? `${file}:${line}` : `"${route.name}"`;
}

/** Where a function's name comes from: its `name` option, its handler's own name, else the call (a const's name). */
export function nameLocation(fn: FunctionModel): SourceLocation {
  if (fn.parts.options.name) return fn.parts.options.name;
  const own = fn.handler.ownName;
  return own !== null && own === fn.localName ? fn.handler.location : fn.location;
}
