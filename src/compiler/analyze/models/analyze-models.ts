import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { AppModel, RouteModel, RouteSchemas } from '../../model/app-model';
import type { JsonSchema } from '../../model/json-schema';
import { toLogicalId } from '../../model/names';
import { handlerFunction, type FunctionLike } from '../handler';
import { programWithLibs, type LoadedProgram } from '../program';
import { createSchemaBuilder, type BuiltSchemas, type SchemaBuilder } from '../schema/schema-builder';
import { declaredTypes, declaresAny } from './declared-types';
import { handlerTypes, type HandlerTypes } from './handler-types';
import { queryParameters } from './query-parameters';

export interface AnalyzedModels {
  /** The routes, each with `schemas` when its handler declares types. */
  routes: readonly RouteModel[];
  models?: AppModel['models'];
}

/** Root indexes in the schema builder of one handler's declared types. */
interface HandlerRoots {
  types: HandlerTypes;
  body?: number;
  query?: number;
  response?: number;
}

/**
 * The request and response models of the routes' handlers (README "Models"). Whether any
 * handler declares types is decided syntactically first: an app that declares none gets
 * its routes back unchanged and never builds the program with lib files that conversion
 * needs. A handler shared by several routes (a blueprint registered twice) is converted once.
 * Problems go to `diagnostics`.
 */
export function analyzeModels(
  routes: readonly RouteModel[],
  loaded: LoadedProgram,
  projectDir: string,
  diagnostics: Diagnostic[],
): AnalyzedModels {
  const functions = routes.map((route) => handlerFunction(route.handler, loaded.checker));
  const declared = functions.map((fn) => (fn ? declaredTypes(fn) : {}));
  if (!declaresAny(declared)) return { routes };
  const program = programWithLibs(loaded);
  const checker = program.getTypeChecker();
  const builder = createSchemaBuilder(program, projectDir);
  const byFunction = new Map<FunctionLike, HandlerRoots>();
  routes.forEach((route, i) => {
    const fn = functions[i];
    if (!fn || byFunction.has(fn) || !declaresAny([declared[i]])) return;
    byFunction.set(fn, addRoots(builder, handlerTypes(declared[i], program), modelName(route)));
  });
  const built = builder.finish();
  diagnostics.push(...built.diagnostics);
  const schemasOf = new Map<FunctionLike, RouteSchemas | undefined>();
  for (const [fn, roots] of byFunction) {
    const query = roots.query === undefined ? undefined : built.roots[roots.query].schema;
    const found = query && queryParameters(roots.types.query!, query, checker, projectDir);
    if (found) diagnostics.push(...found.diagnostics);
    schemasOf.set(fn, routeSchemas(built, roots, found?.parameters ?? []));
  }
  const modelled = routes.map((route, i) => {
    const schemas = functions[i] && schemasOf.get(functions[i]);
    return schemas ? { ...route, schemas } : route;
  });
  const any = modelled.some((route) => route.schemas);
  return { routes: modelled, ...(any ? { models: { definitions: built.definitions } } : {}) };
}

function addRoots(builder: SchemaBuilder, types: HandlerTypes, name: string): HandlerRoots {
  const { body, query, response } = types;
  return {
    types,
    ...(body ? { body: builder.add(body.type, body.node, `${name}Body`) } : {}),
    ...(query ? { query: builder.add(query.type, query.node, `${name}Query`, { inline: true }) } : {}),
    ...(response ? { response: builder.add(response.type, response.node, `${name}Response`) } : {}),
  };
}

/**
 * The route's schemas, each part left out when it constrains nothing (`unknown`, `any`,
 * `void`, a query type without properties); undefined when nothing is left.
 */
function routeSchemas(
  built: BuiltSchemas,
  roots: HandlerRoots,
  query: RouteSchemas['query'],
): RouteSchemas | undefined {
  const body = roots.body === undefined ? undefined : built.roots[roots.body];
  const response = roots.response === undefined ? undefined : built.roots[roots.response].schema;
  const schemas: RouteSchemas = {
    ...(body && constrains(body.schema) ? { body: { schema: body.schema, required: !body.optional } } : {}),
    ...(query && query.length > 0 ? { query } : {}),
    ...(response && constrains(response) ? { response } : {}),
  };
  return Object.keys(schemas).length > 0 ? schemas : undefined;
}

function constrains(schema: JsonSchema): boolean {
  return Object.keys(schema).length > 0;
}

/**
 * What an anonymous body or response type is named after (`<Name>Body`, `<Name>Response`):
 * the route's name (its `name` option, else the handler's own name) in PascalCase, as
 * logical IDs are made (`create_todo` and `createTodo` give `CreateTodo`); for an anonymous
 * handler, its first method and its path (`GET /todos/{id}` gives `GetTodosId`), the name
 * `appc generate-sdk` gives its operation, capitalised.
 */
export function modelName(route: Pick<RouteModel, 'name' | 'methods' | 'path'>): string {
  if (route.name !== null) return toLogicalId(route.name);
  const words = [(route.methods[0] ?? 'GET').toLowerCase(), ...route.path.split(/[^A-Za-z0-9]+/)].filter(Boolean);
  return words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}
