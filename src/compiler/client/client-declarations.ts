import type { AppModel, RouteModel } from '../model/app-model';
import type { SchemaDefinitions } from '../model/json-schema';
import { generatedHeader } from './generated-header';
import { docComment, objectType, propertyKey, schemaDoc, schemaType, type TypeNames } from './schema-type';
import { pathParameters, type SdkOperation } from './sdk-operations';

/**
 * Names the declarations file declares itself, and the globals its own declarations use: a definition with one
 * of these names is renamed (`Promise` -> `PromiseModel`) so that it neither clashes nor shadows.
 */
const RESERVED = new Set([
  'ApiError',
  'Client',
  'ClientOptions',
  'FetchLike',
  'FetchResponseLike',
  'QueryValue',
  'createClient',
  'Array',
  'ArrayBuffer',
  'Error',
  'Promise',
  'Record',
  'Uint8Array',
]);

/** Each definition's name in the declarations: its own, unless reserved (then `<Name>Model`, `<Name>Model2`, ...). */
export function declarationNames(definitions: SchemaDefinitions): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set([...RESERVED, ...Object.keys(definitions)]);
  for (const name of Object.keys(definitions).sort()) {
    if (!RESERVED.has(name)) {
      names.set(name, name);
      continue;
    }
    let renamed = `${name}Model`;
    for (let n = 2; taken.has(renamed); n++) renamed = `${name}Model${n}`;
    taken.add(renamed);
    names.set(name, renamed);
  }
  return names;
}

/** `OUT/index.d.ts`: the definitions as types, the client's options and errors, and one method per operation. */
export function clientDeclarations(model: AppModel, operations: readonly SdkOperation[]): string {
  const definitions = model.models?.definitions ?? {};
  const names = declarationNames(definitions);
  const types = Object.keys(definitions)
    .sort()
    .map((name) => definitionDeclaration(names.get(name) as string, definitions[name], names));
  const methods = operations.map((operation) => methodDeclaration(operation, names)).join('\n');
  return [
    generatedHeader(model),
    ...types,
    CLIENT_TYPES,
    `/** The operations of ${JSON.stringify(model.appName)}, one method per route and HTTP method. */\nexport interface Client {\n${methods}}\n`,
    '/** A client of the API at `options.baseUrl`. */\nexport declare function createClient(options: ClientOptions): Client;\n',
  ].join('\n');
}

function definitionDeclaration(name: string, schema: SchemaDefinitions[string], names: TypeNames): string {
  const doc = docComment(schemaDoc(schema), '');
  const isInterface = isPlainObject(schema);
  if (isInterface) return `${doc}export interface ${name} ${objectType(schema, names, '')}\n`;
  return `${doc}export type ${name} = ${schemaType(schema, names)};\n`;
}

/** An object schema with nothing but object keywords: declared as an interface. */
function isPlainObject(schema: SchemaDefinitions[string]): boolean {
  const objectKeys = new Set(['type', 'description', 'properties', 'required', 'additionalProperties']);
  return schema.type === 'object' && Object.keys(schema).every((key) => objectKeys.has(key));
}

function methodDeclaration(operation: SdkOperation, names: TypeNames): string {
  const { route, method, name } = operation;
  const members = requestMembers(route, names);
  const optional = members.every((member) => member.optional);
  const request = `{\n${members.map((member) => member.text).join('')}  }`;
  const response = route.schemas?.response ? schemaType(route.schemas.response, names, '  ') : 'unknown';
  return methodDoc(route, method) + `  ${name}(request${optional ? '?' : ''}: ${request}): Promise<${response}>;\n`;
}

interface Member {
  readonly text: string;
  readonly optional: boolean;
}

/** `params` (from the path), `query` and `body` (from the route's schemas), `headers`. */
function requestMembers(route: RouteModel, names: TypeNames): Member[] {
  const members: Member[] = [];
  const params = pathParameters(route.path);
  if (params.length > 0) {
    const fields = params.map((param) => `${propertyKey(param.name)}: string | number`).join('; ');
    members.push({ text: `    params: { ${fields} };\n`, optional: false });
  }
  members.push(queryMember(route, names));
  const body = route.schemas?.body;
  if (body) {
    const type = schemaType(body.schema, names, '    ');
    members.push({ text: `    body${body.required ? '' : '?'}: ${type};\n`, optional: !body.required });
  } else members.push({ text: '    body?: unknown;\n', optional: true });
  members.push({ text: '    headers?: Record<string, string>;\n', optional: true });
  return members;
}

function queryMember(route: RouteModel, names: TypeNames): Member {
  const query = route.schemas?.query;
  if (!query) return { text: '    query?: Record<string, QueryValue>;\n', optional: true };
  const required = query.some((param) => param.required);
  const fields = query.map(
    (param) =>
      docComment(schemaDoc(param.schema), '      ') +
      `      ${propertyKey(param.name)}${param.required ? '' : '?'}: ${schemaType(param.schema, names, '      ')};\n`,
  );
  return { text: `    query${required ? '' : '?'}: {\n${fields.join('')}    };\n`, optional: !required };
}

/** The route's summary and description, then `METHOD /path`. */
function methodDoc(route: RouteModel, method: string): string {
  const { summary, description } = route.handler.docs;
  const text = [summary, description, `\`${method} ${route.path}\``].filter((part) => part !== undefined);
  return docComment(text.join('\n\n'), '  ');
}

const CLIENT_TYPES = `/** A query parameter's value; an array repeats the parameter. */
export type QueryValue = string | number | boolean | ReadonlyArray<string | number | boolean>;

/** The part of \`fetch\` the client uses (the global \`fetch\` fits). */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string | Uint8Array },
) => Promise<FetchResponseLike>;

/** The part of a fetch \`Response\` the client reads. */
export interface FetchResponseLike {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ClientOptions {
  /** The API's URL: the stack's \`EndpointURL\` output (\`https://<id>.execute-api.<region>.amazonaws.com/<stage>/\`), or \`appc local\`'s. */
  baseUrl: string;
  /** Headers sent with every request; a function is called before each one (to send a fresh token). */
  headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /** The \`fetch\` to send requests with; default: the global \`fetch\`. */
  fetch?: FetchLike;
}

/** A non-2xx answer: appc's error body (\`{"Code", "Message"}\`) or API Gateway's. */
export declare class ApiError extends Error {
  /** The HTTP status code. */
  readonly status: number;
  /** appc's error code (\`BadRequestError\`, \`NotFoundError\`, ...), else API Gateway's error type (\`AccessDeniedException\`), else \`HttpError\`. */
  readonly code: string;
  /** The answer's body, parsed when it is JSON. */
  readonly body: unknown;
  constructor(status: number, code: string, message: string, body: unknown);
}
`;
