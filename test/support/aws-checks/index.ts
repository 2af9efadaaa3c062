/**
 * Checks for emitted AWS artifacts, shared by unit and end-to-end tests. Each returns a
 * list of problems (empty = valid) so a test can assert `deep.equal([])` and see them all.
 */
export { checkResourceSpec, specDatabase, specResource } from './resource-spec-check';
export { checkReferences } from './reference-check';
export { checkSamSchema, samSchemaAvailable, samSchemaPath } from './sam-schema-check';
export { checkSwagger } from './swagger-check';
export { isIntrinsic, withoutIntrinsics, type Template } from './template-walk';
