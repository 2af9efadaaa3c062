/** Shared inputs and lookups for the pipeline template tests. */
import * as path from 'node:path';
import { generatePipeline, type GeneratedPipeline } from '../../../src/compiler/pipeline/generate-pipeline';
import {
  DEFAULT_CODEBUILD_NODE_VERSION,
  type PipelineOptions,
  type PipelineSource,
} from '../../../src/compiler/pipeline/pipeline-options';
import { REPO_ROOT } from '../../support/fixtures';
import type { JsonDoc } from '../../support/json-doc';

export const PIPELINE_FIXTURES_DIR = path.join(REPO_ROOT, 'test', 'fixtures-pipeline');
export const SOURCES: readonly PipelineSource[] = ['codecommit', 'github'];

export type Doc = JsonDoc;

export function options(overrides: Partial<PipelineOptions> = {}): PipelineOptions {
  return {
    appName: 'helloworld',
    source: 'codecommit',
    stage: 'beta',
    nodeVersion: DEFAULT_CODEBUILD_NODE_VERSION,
    buildspec: { kind: 'inline' },
    ...overrides,
  };
}

export function generate(overrides: Partial<PipelineOptions> = {}): GeneratedPipeline & { template: Doc } {
  return generatePipeline(options(overrides));
}

/** Every IAM policy statement of the template, with the role it belongs to. */
export function statements(template: Doc): { role: string; statement: Doc }[] {
  return Object.entries(template.Resources as Record<string, Doc>)
    .filter(([, resource]) => resource.Type === 'AWS::IAM::Role')
    .flatMap(([role, resource]) =>
      (resource.Properties.Policies as Doc[]).flatMap((policy) =>
        policy.PolicyDocument.Statement.map((statement: Doc) => ({ role, statement })),
      ),
    );
}

export function asList<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

export function stages(template: Doc): Doc[] {
  return template.Resources.AppPipeline.Properties.Stages;
}
