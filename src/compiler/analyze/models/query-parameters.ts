import { ts } from '../typescript';
import { error, type Diagnostic } from '../../diagnostics/diagnostic';
import type { QueryParameterModel } from '../../model/app-model';
import type { JsonSchema } from '../../model/json-schema';
import { locationOf } from '../locations';
import type { WrittenType } from './handler-types';

const SCALARS: ReadonlySet<string> = new Set(['string', 'number', 'integer', 'boolean']);

/**
 * `TQuery`'s properties as query parameters (README "Models"), from the query type's schema
 * (converted inline: each parameter's schema is whole, named types included). A property
 * that has no query string form (an object, an array of arrays or objects, `null`) is a
 * diagnostic at the property.
 */
export function queryParameters(
  query: WrittenType,
  schema: JsonSchema,
  checker: ts.TypeChecker,
  projectDir: string,
): { parameters: QueryParameterModel[]; diagnostics: Diagnostic[] } {
  if (schema.type !== 'object') {
    return { parameters: [], diagnostics: Object.keys(schema).length === 0 ? [] : [notAnObject(query, projectDir)] };
  }
  const diagnostics: Diagnostic[] = [];
  const parameters: QueryParameterModel[] = [];
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const problem = nonQueryForm(property);
    if (problem) diagnostics.push(notAParameter(name, problem, query, checker, projectDir));
    else parameters.push({ name, required: required.has(name), schema: property });
  }
  return { parameters, diagnostics };
}

/** Why `schema` has no query string form, or undefined when it has one. */
function nonQueryForm(schema: JsonSchema): string | undefined {
  if (schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'))) {
    const items = schema.items;
    if (Array.isArray(items)) return 'a tuple';
    return items && scalarProblem(items) ? 'an array of arrays or objects' : undefined;
  }
  return scalarProblem(schema);
}

function scalarProblem(schema: JsonSchema): string | undefined {
  if (schema.anyOf) return schema.anyOf.map(scalarProblem).find((p) => p !== undefined);
  if (schema.enum)
    return schema.enum.some((v) => v === null || typeof v === 'object') ? 'null or an object' : undefined;
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('null')) return 'null';
  const other = types.find((t) => !SCALARS.has(t));
  if (other) return other === 'object' ? 'an object' : 'an array of arrays or objects';
  return schema.not && Object.keys(schema.not).length === 0 ? 'never present' : undefined;
}

function notAnObject(query: WrittenType, projectDir: string): Diagnostic {
  return error(
    'APPC275',
    `'${oneLine(query.node)}': the query type must be an object type, one property per query parameter`,
    'Declare an interface such as interface ListQuery { owner: string; limit?: number } and write Request<Body, ListQuery>.',
    locationOf(query.node, projectDir),
  );
}

function notAParameter(
  name: string,
  problem: string,
  query: WrittenType,
  checker: ts.TypeChecker,
  projectDir: string,
): Diagnostic {
  const property = checker.getPropertyOfType(query.type, name);
  const declaration = property?.valueDeclaration ?? property?.declarations?.[0];
  const site = (declaration && ts.isPropertySignature(declaration) && declaration.type) || declaration || query.node;
  const remedy =
    problem === 'null'
      ? `A query parameter is absent or a string: make it optional (${name}?: ...) instead of null.`
      : 'Use a string, number or boolean, a union of literals, or an array of those (a repeated parameter); send structured data in the body.';
  return error(
    'APPC274',
    `query parameter '${name}' is ${problem}, which has no query string form`,
    remedy,
    locationOf(site, projectDir),
  );
}

function oneLine(node: ts.Node): string {
  return node.getText().replace(/\s+/g, ' ');
}
