import type { App } from './app';
import { BadRequestError } from './errors';
import type { Request } from './request';
import type { RouteEntry } from './routes';

/**
 * The internal hook between the validators `appc package` generates and the runtime (README "Models",
 * docs/architecture.md "Request models"). Only an app whose routes declare request types bundles the
 * generated module, which imports this one; every other app's bundle has neither.
 */

/** Adds `path: problem` lines to `problems` for each way `value` breaks the schema the check was generated from. */
export type Check = (value: unknown, problems: string[]) => void;

/** One query string parameter of a route's `TQuery`. */
export interface QueryParamReader {
  readonly name: string;
  /** The parameter is an array: every value of it, in order (else the last value, as `queryParams` has it). */
  readonly array: boolean;
  /** Texts that stay strings (the string literals the type allows); with neither `toNumber` nor `toBoolean`, all do. */
  readonly literals?: readonly string[];
  /** A numeric text becomes a number (the type allows numbers). */
  readonly toNumber: boolean;
  /** `true`/`false` become booleans (the type allows booleans). */
  readonly toBoolean: boolean;
}

/** What the generated module gives for one route. */
export interface RouteValidation {
  readonly body?: { readonly required: boolean; readonly check: Check };
  readonly query?: { readonly params: readonly QueryParamReader[]; readonly check: Check };
}

/**
 * Wraps the handler of each route in `routes` (keyed `'<METHOD> <path>'`) so that, before it runs, the
 * query is converted and validated into `request.query` and the JSON body validated; any problem
 * throws a `BadRequestError` listing them all, which the API handler answers as a 400 (with the
 * route's CORS headers). Called once, by the generated module, before the first invocation.
 */
export function useRouteModels(app: App, routes: Readonly<Record<string, RouteValidation>>): void {
  for (const key of Object.keys(routes)) {
    const space = key.indexOf(' ');
    const methods = app.routes.get(key.slice(space + 1));
    const route = methods?.get(key.slice(0, space));
    if (methods === undefined || route === undefined) {
      throw new Error(`appc: the request models name a route the app does not register: ${key}`);
    }
    methods.set(route.method, { ...route, handler: validating(route.handler, routes[key]) });
  }
}

function validating(handler: RouteEntry['handler'], validation: RouteValidation): RouteEntry['handler'] {
  const { body, query } = validation;
  return (params, request) => {
    const problems: string[] = [];
    if (query !== undefined) {
      const converted = readQuery(request, query.params);
      query.check(converted, problems);
      // An own property shadows Request's `query` getter (queryParams) for this request.
      Object.defineProperty(request, 'query', { value: converted, enumerable: true });
    }
    if (body !== undefined) {
      const value = request.jsonBody;
      if (value !== undefined) body.check(value, problems);
      else if (body.required) problems.push('$: a JSON request body is required');
    }
    if (problems.length > 0) throw new BadRequestError(problems.join('; '));
    return handler(params, request);
  };
}

/** The declared parameters present in the request, converted; the rest stay in `queryParams` only. */
function readQuery(request: Request, params: readonly QueryParamReader[]): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  const single = request.queryParams;
  const multi = request.multiValueQueryParams;
  for (const param of params) {
    const values = multi[param.name];
    if (values === undefined) continue;
    query[param.name] = param.array ? values.map((v) => convert(v, param)) : convert(single[param.name], param);
  }
  return query;
}

/** JSON's number grammar: what a numeric query value may look like (`Number` alone accepts '', '0x1f', ' 1'). */
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** A text as the declared type reads it; a text that fits none stays a string, for the check to report. */
function convert(text: string, param: QueryParamReader): unknown {
  if (param.literals?.includes(text)) return text;
  if (param.toNumber && NUMBER.test(text)) {
    const number = Number(text);
    if (Number.isFinite(number)) return number;
  }
  if (param.toBoolean && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}
