import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { loadConfig } from '../compiler/config/load-config';
import { hasErrors } from '../compiler/diagnostics/diagnostic';
import { printDiagnostics } from './print-diagnostics';
import { serializeTemplate } from '../compiler/emit/serialize-template';
import { YAML_OPTIONS } from '../compiler/pipeline/buildspec';
import { generatePipeline } from '../compiler/pipeline/generate-pipeline';
import {
  CODEBUILD_NODE_VERSIONS,
  DEFAULT_CODEBUILD_NODE_VERSION,
  PIPELINE_SOURCES,
  STAGE_PATTERN,
  toApplicationName,
  type BuildspecLocation,
  type PipelineSource,
} from '../compiler/pipeline/pipeline-options';
import { parseCommandArgs } from './command-args';
import type { Io } from './package-command';
import { UsageError } from './usage';

export const GENERATE_PIPELINE_HELP = `Usage: appc generate-pipeline OUT [options]

Writes OUT, a CloudFormation template (YAML when OUT ends in .yml or .yaml, else JSON) that
creates a CI/CD pipeline for the app in the current directory: the source, a CodeBuild
project whose buildspec runs npm ci, npm test and appc package, and a CodePipeline that
deploys the packaged app to STAGE through a CloudFormation change set.

Options:
  --source codecommit|github   a new CodeCommit repository (default), or GitHub through a CodeConnections connection
  --stage NAME                 the appc stage to package and deploy (default: beta)
  --buildspec-file FILE        write the buildspec to FILE (inside the project) instead of inlining it
  --node-version N             Node.js major of the build: ${CODEBUILD_NODE_VERSIONS.join(', ')} (default: ${DEFAULT_CODEBUILD_NODE_VERSION});
                               the functions' runtime is lambda_runtime's in .appc/config.json
  --quiet                      leave out the line naming what was written (on stderr)
  -h, --help                   show this help

Then: aws cloudformation deploy --template-file OUT --stack-name <name>-pipeline --capabilities CAPABILITY_IAM
`;

interface Written {
  file: string;
  data: string;
}

/** The command line's choices, checked: paths are absolute. */
interface PipelineArgs {
  outArg: string;
  out: string;
  source: PipelineSource;
  stage: string;
  nodeVersion: string;
  buildspecFile: string | undefined;
  quiet: boolean;
}

/** `appc generate-pipeline OUT ...`: returns the exit code. `cwd` is the project directory. */
export async function generatePipelineCommand(args: string[], io: Io, cwd = process.cwd()): Promise<number> {
  const parsed = parsePipelineArgs(args, cwd);
  if (parsed === 'help') {
    io.stdout.write(GENERATE_PIPELINE_HELP);
    return 0;
  }
  const { out, source, stage, nodeVersion, buildspecFile } = parsed;
  const buildspec: BuildspecLocation =
    buildspecFile === undefined ? { kind: 'inline' } : { kind: 'file', path: pathInProject(cwd, buildspecFile) };

  // The config names the app, and a broken one would fail the pipeline's first build anyway.
  const { raw, diagnostics } = loadConfig(cwd, { stage });
  if (diagnostics.length > 0) printDiagnostics(io.stderr, cwd, diagnostics);
  if (hasErrors(diagnostics)) {
    io.stderr.write(`Nothing was written to ${parsed.outArg}.\n`);
    return 1;
  }
  const appName = toApplicationName(raw.app_name ?? packageName(cwd));
  const generated = generatePipeline({ appName, source, stage, nodeVersion, buildspec });
  const files: Written[] = [{ file: out, data: serializeFor(out, generated.template) }];
  if (buildspecFile !== undefined) files.push({ file: buildspecFile, data: generated.buildspec });
  writeAllOrNothing(files);
  if (parsed.quiet) return 0;
  io.stderr.write(
    `Wrote ${files.map((f) => path.relative(cwd, f.file) || f.file).join(' and ')} (application ${appName}, stage ${stage}, ${source} source)\n`,
  );
  return 0;
}

function parsePipelineArgs(args: string[], cwd: string): PipelineArgs | 'help' {
  const { values, positionals } = parseCommandArgs(args, {
    source: { type: 'string', default: 'codecommit' },
    stage: { type: 'string', default: 'beta' },
    'buildspec-file': { type: 'string' },
    'node-version': { type: 'string', default: DEFAULT_CODEBUILD_NODE_VERSION },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError('appc generate-pipeline needs exactly one OUT file');
  const source = sourceOption(values.source);
  pipelineStageOption(values.stage);
  const nodeVersion = nodeVersionOption(values['node-version']);
  const out = path.resolve(cwd, positionals[0]);
  const buildspecFile =
    values['buildspec-file'] === undefined ? undefined : path.resolve(cwd, values['buildspec-file']);
  if (buildspecFile === out) throw new UsageError('--buildspec-file must differ from OUT');
  return { outArg: positionals[0], out, source, stage: values.stage, nodeVersion, buildspecFile, quiet: values.quiet };
}

function sourceOption(value: string): PipelineSource {
  const source = value as PipelineSource;
  if (!PIPELINE_SOURCES.includes(source))
    throw new UsageError(`--source must be ${PIPELINE_SOURCES.join(' or ')}, not ${value}`);
  return source;
}

function pipelineStageOption(stage: string): void {
  if (!STAGE_PATTERN.test(stage))
    throw new UsageError(
      `--stage must be 1 to 16 letters, digits, - or _ (starting with a letter or digit), not '${stage}'`,
    );
  // The app's stack is <ApplicationName>-<stage>; the README names the pipeline's own stack <ApplicationName>-pipeline.
  if (stage === 'pipeline')
    throw new UsageError(
      '--stage pipeline would deploy over a pipeline stack named <app>-pipeline; choose another stage name',
    );
}

function nodeVersionOption(nodeVersion: string): string {
  if (!CODEBUILD_NODE_VERSIONS.includes(nodeVersion)) {
    throw new UsageError(
      `--node-version must be one the CodeBuild image provides (${CODEBUILD_NODE_VERSIONS.join(', ')}), not ${nodeVersion}`,
    );
  }
  return nodeVersion;
}

/** CodeBuild reads a buildspec file from the checkout, so it must lie inside the project. */
function pathInProject(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    throw new UsageError(
      '--buildspec-file must be inside the project (the current directory): CodeBuild reads it from the repository',
    );
  }
  return relative.split(path.sep).join('/');
}

/** YAML by extension, as the issue asks; JSON (written as `appc package` writes sam.json) otherwise. */
function serializeFor(file: string, template: unknown): string {
  return /\.ya?ml$/i.test(file) ? stringify(template, YAML_OPTIONS) : serializeTemplate(template);
}

function packageName(cwd: string): string | undefined {
  try {
    const name = (JSON.parse(fs.readFileSync(path.join(cwd, 'package.json'), 'utf8')) as { name?: unknown }).name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/** Each file is staged beside its target, then all are renamed: a failure leaves every target as it was. */
function writeAllOrNothing(files: readonly Written[]): void {
  const staged: string[] = [];
  try {
    for (const { file, data } of files) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const temp = `${file}.appc-${process.pid}.tmp`;
      fs.writeFileSync(temp, data);
      staged.push(temp);
    }
    files.forEach(({ file }, i) => fs.renameSync(staged[i], file));
  } finally {
    for (const temp of staged) fs.rmSync(temp, { force: true });
  }
}
