import type { AppModel, QueryParameterModel, RouteModel } from '../model/app-model';
import type { JsonSchema } from '../model/json-schema';
import { runtimeModule } from '../runtime-location';
import { CheckWriter } from './check-writer';

/**
 * The request validation code of an app whose routes declare request types (README "Models"), as
 * statements for the generated entry module; `undefined` when no route declares a body or query type
 * (the entry, and so app.js, is then what it was before models existed). The code checks each
 * modelled route's body and query with functions generated from their schemas, and hands them to the
 * runtime's `useRouteModels` hook (src/runtime/route-models.ts), which wraps the routes' handlers.
 * Response types are not checked at run time.
 * @example routeModelsSource(model) // 'import { useRouteModels } from "..."; ... useRouteModels(app, {...});'
 */
export function routeModelsSource(model: AppModel): string | undefined {
  const routes = model.routes.filter(isModelled);
  if (routes.length === 0) return undefined;
  const writer = new CheckWriter(model.models?.definitions ?? {});
  const validations = routes.map((route) => routeValidation(writer, route));
  const entries = routes.flatMap((route, index) =>
    route.methods.map((method) => `  ${JSON.stringify(`${method} ${route.path}`)}: r${index},`),
  );
  return [
    `import { useRouteModels } from ${JSON.stringify(runtimeModule('route-models'))};`,
    writer.preamble().trimEnd(),
    ...validations.map((validation, index) => `const r${index} = ${validation};`),
    `useRouteModels(app, {\n${entries.join('\n')}\n});`,
  ].join('\n');
}

function isModelled(route: RouteModel): boolean {
  return route.schemas?.body !== undefined || (route.schemas?.query?.length ?? 0) > 0;
}

/** The runtime's `RouteValidation` of one route, as a JavaScript object literal. */
function routeValidation(writer: CheckWriter, route: RouteModel): string {
  const parts: string[] = [];
  const body = route.schemas?.body;
  if (body !== undefined) {
    parts.push(`body: { required: ${body.required}, check: ${writer.check(body.schema, '$')} }`);
  }
  const query = route.schemas?.query ?? [];
  if (query.length > 0) {
    const params = query.map((param) => JSON.stringify(queryReader(param)));
    parts.push(`query: { params: [${params.join(', ')}], check: ${writer.check(querySchema(query), 'query')} }`);
  }
  return `{\n${parts.join(',\n')}\n}`;
}

/** The query parameters as one object, the runtime's `request.query`. */
function querySchema(params: readonly QueryParameterModel[]): JsonSchema {
  const required = params.filter((param) => param.required).map((param) => param.name);
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((param) => [param.name, param.schema])),
    ...(required.length > 0 ? { required } : {}),
  };
}

/** How the runtime reads one parameter's text (a `QueryParamReader` of src/runtime/route-models.ts). */
function queryReader(param: QueryParameterModel) {
  const array = param.schema.type === 'array';
  const item =
    array && param.schema.items !== undefined && !Array.isArray(param.schema.items) ? param.schema.items : {};
  const allowed = allowedScalars(array ? item : param.schema);
  return {
    name: param.name,
    array,
    ...(allowed.anyString || allowed.literals.size === 0 ? {} : { literals: [...allowed.literals] }),
    toNumber: !allowed.anyString && allowed.number,
    toBoolean: !allowed.anyString && allowed.boolean,
  };
}

interface Scalars {
  /** Any string is allowed: every text stays a string. */
  anyString: boolean;
  /** The string literals allowed. */
  literals: Set<string>;
  number: boolean;
  boolean: boolean;
}

/** The scalar values a parameter's schema allows: its `enum`, else its `type`, else its `anyOf`/`oneOf` members'. */
function allowedScalars(schema: JsonSchema): Scalars {
  const scalars: Scalars = { anyString: false, literals: new Set(), number: false, boolean: false };
  if (schema.enum !== undefined) {
    for (const member of schema.enum) addValue(scalars, member);
  } else if (schema.type !== undefined) {
    for (const type of Array.isArray(schema.type) ? schema.type : [schema.type]) addType(scalars, type);
  } else if (schema.anyOf !== undefined || schema.oneOf !== undefined) {
    for (const member of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) merge(scalars, allowedScalars(member));
  } else {
    scalars.anyString = true;
  }
  return scalars;
}

function addValue(scalars: Scalars, value: unknown): void {
  if (typeof value === 'string') scalars.literals.add(value);
  else if (typeof value === 'number') scalars.number = true;
  else if (typeof value === 'boolean') scalars.boolean = true;
}

function addType(scalars: Scalars, type: string): void {
  if (type === 'string') scalars.anyString = true;
  else if (type === 'number' || type === 'integer') scalars.number = true;
  else if (type === 'boolean') scalars.boolean = true;
}

function merge(into: Scalars, from: Scalars): void {
  into.anyString ||= from.anyString;
  from.literals.forEach((literal) => into.literals.add(literal));
  into.number ||= from.number;
  into.boolean ||= from.boolean;
}
