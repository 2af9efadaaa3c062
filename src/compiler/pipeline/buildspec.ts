/**
 * The CodeBuild buildspec (version 0.2) that runs `appc package` and hands the packaged
 * template to the pipeline: https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html
 */
import { stringify } from 'yaml';
import type { JsonObject } from '../emit/cfn';
import type { PipelineOptions } from './pipeline-options';

/** Directory `appc package` writes to inside the build container. */
export const PACKAGE_DIR = '/tmp/packaged';
/** The build's output artifact, the template the deploy stage reads. */
export const TRANSFORMED_TEMPLATE = 'transformed.yaml';
/** Environment variable of the CodeBuild project holding the application bucket's name. */
export const APP_BUCKET_VARIABLE = 'APP_S3_BUCKET';

/**
 * The buildspec as data: install with `npm ci`, test, `appc package`, then upload the code and
 * rewrite `CodeUri` with `aws cloudformation package`.
 */
export function createBuildspec(options: Pick<PipelineOptions, 'stage' | 'nodeVersion'>): JsonObject {
  return {
    version: 0.2,
    phases: {
      install: {
        'runtime-versions': { nodejs: Number(options.nodeVersion) },
        commands: ['npm ci'],
      },
      pre_build: {
        // A project without a test script still builds, as `npm test` alone would fail it.
        commands: ['npm test --if-present'],
      },
      build: {
        commands: [
          `npx appc package ${PACKAGE_DIR} --stage ${options.stage}`,
          `aws cloudformation package --template-file ${PACKAGE_DIR}/sam.json --s3-bucket $${APP_BUCKET_VARIABLE} --output-template-file ${TRANSFORMED_TEMPLATE}`,
        ],
      },
    },
    artifacts: { files: [TRANSFORMED_TEMPLATE] },
  };
}

/**
 * YAML for AWS's parsers, which follow YAML 1.1: strings such as `2010-09-09` or `yes` are
 * quoted, so that no reader takes them for a date or a boolean.
 */
export const YAML_OPTIONS = { version: '1.1', aliasDuplicateObjects: false, lineWidth: 0 } as const;

/** The buildspec as the YAML text CodeBuild reads, inline or from the repository. */
export function serializeBuildspec(buildspec: JsonObject): string {
  return stringify(buildspec, YAML_OPTIONS);
}
