import { error, warning, type Diagnostic } from '../diagnostics/diagnostic';
import type { MergeTemplate } from './merge-template';
import { checkResources, formatSpecPath, type TemplateResource } from './resource-spec-check';

/**
 * The resources a `--merge-template` writes, as merged, against the AWS resource specification, the check the tests
 * hold appc's own template to: APPC410 (an error) where the result contradicts it (a wrong type, a required property
 * missing), APPC409 (a warning) for a resource type, property or value it does not list, which may be newer than
 * the specification appc ships. Each is located at the merge template's node for it, or the nearest one written.
 */
export function checkMergedTemplate(merged: unknown, merge: MergeTemplate): Diagnostic[] {
  const written = merge.value.Resources;
  if (!isRecord(written)) return [];
  const resources = (merged as { Resources: Record<string, TemplateResource> }).Resources;
  const ids = Object.keys(written).filter((id) => isChecked(resources[id]?.Type));
  return checkResources(resources, ids).map(({ path, message, kind, target }) => {
    const where = merge.locate(target?.path ?? path, target?.part);
    const what = `the merged template's ${formatSpecPath(path)}: ${message}`;
    return kind === 'mismatch'
      ? error('APPC410', what, `Fix it in the merge template: ${SPEC_REFERENCE}.`, where)
      : warning('APPC409', `${what}, per the AWS resource specification appc ships`, NEWER, where);
  });
}

const NEWER =
  'If it is newer than that specification, CloudFormation may accept it; else fix it in the merge template.';
const SPEC_REFERENCE =
  'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-resource-type-ref.html';

/**
 * Custom resources take any properties, and third-party and private registry types are not in AWS's specification
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-custom-resources.html): only AWS types
 * are checked.
 */
function isChecked(type: unknown): boolean {
  return typeof type !== 'string' || (type.startsWith('AWS::') && type !== 'AWS::CloudFormation::CustomResource');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
