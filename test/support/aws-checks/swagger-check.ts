/**
 * Checks a swagger document as API Gateway will import it: Swagger 2.0 validity with
 * `@apidevtools/swagger-parser` (intrinsic functions replaced by strings first), the
 * x-amazon-apigateway-* extensions against our own schema, and cross-references the
 * schemas cannot express.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv from 'ajv';
import { swaggerExtensionsSchema } from './swagger-extensions-schema';
import { isPlainObject, withoutIntrinsics } from './template-walk';
import type { JsonDoc } from '../json-doc';

const validateExtensions = new Ajv({ allErrors: true, strict: false }).compile(swaggerExtensionsSchema);

type Doc = Record<string, JsonDoc>;

export async function checkSwagger(swagger: unknown): Promise<string[]> {
  const doc = withoutIntrinsics(swagger) as Doc;
  const errors: string[] = [];
  try {
    await SwaggerParser.validate(withPlainPathTemplates(doc) as never);
  } catch (error) {
    errors.push(`swagger-parser: ${(error as Error).message}`);
  }
  if (!validateExtensions(doc)) {
    errors.push(...(validateExtensions.errors ?? []).map((e) => `extensions ${e.instancePath || '/'}: ${e.message}`));
  }
  return [...errors, ...checkCrossReferences(doc)];
}

/**
 * A copy whose greedy `{name+}` path variables read `{name}`: API Gateway's greedy syntax,
 * declared as parameter `name` (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-set-up-simple-proxy.html),
 * is unknown to Swagger 2.0, which would look for a parameter named `name+`.
 */
function withPlainPathTemplates(doc: Doc): Doc {
  const paths = Object.entries<Doc>(doc.paths ?? {}).map(([path, item]) => [
    path.replace(/\{([^{}]+)\+\}/g, '{$1}'),
    item,
  ]);
  return structuredClone({ ...doc, paths: Object.fromEntries(paths) });
}

/** Security names must be defined; mapped response headers must be declared on the method. */
function checkCrossReferences(doc: Doc): string[] {
  const errors: string[] = [];
  const defined = Object.keys(doc.securityDefinitions ?? {});
  for (const [path, item] of Object.entries<Doc>(doc.paths ?? {})) {
    for (const [method, op] of Object.entries<Doc>(item)) {
      if (!isPlainObject(op)) continue;
      const where = `paths.${path}.${method}`;
      errors.push(...undefinedSecurity(op, defined, where), ...undeclaredHeaders(op, where));
    }
  }
  return errors;
}

function undefinedSecurity(op: Doc, defined: string[], where: string): string[] {
  const names = ((op.security ?? []) as Doc[]).flatMap((requirement) => Object.keys(requirement));
  return names
    .filter((name) => !defined.includes(name))
    .map((name) => `${where}: security ${name} has no securityDefinition`);
}

function undeclaredHeaders(op: Doc, where: string): string[] {
  const errors: string[] = [];
  const integrationResponses = op['x-amazon-apigateway-integration']?.responses ?? {};
  for (const response of Object.values<Doc>(integrationResponses)) {
    const declared = Object.keys(op.responses?.[response.statusCode]?.headers ?? {});
    for (const key of Object.keys(response.responseParameters ?? {})) {
      const header = key.replace(/^method\.response\.header\./, '');
      if (!declared.includes(header)) errors.push(`${where}: response header ${header} is mapped but not declared`);
    }
  }
  return errors;
}
