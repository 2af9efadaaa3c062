/**
 * The AWS resource specification check (src/compiler/output/resource-spec-check.ts) over a whole template,
 * each problem as `Resources.<Id>.Properties.<path>: message`.
 */
import {
  checkResources,
  formatSpecPath,
  specDatabase,
  specResource,
  type TemplateResource,
} from '../../../src/compiler/output/resource-spec-check';
import type { Template } from './template-walk';

export { specDatabase, specResource };

/** Every problem found; empty when valid. */
export function checkResourceSpec(template: Template): string[] {
  const resources = (template.Resources ?? {}) as Record<string, TemplateResource>;
  return checkResources(resources).map(({ path, message }) => `${formatSpecPath(path)}: ${message}`);
}
