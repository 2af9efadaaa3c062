import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OutputCode } from '../compiler/output/codes';

/**
 * Thrown for bad command-line usage, exit code 2. Without a code: printed with the usage text
 * of the command (an unknown option, a missing argument) or of appc (an unknown command);
 * with one: one line, the problem and its fix.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly diagnosticCode?: OutputCode,
    readonly remedy?: string,
  ) {
    super(message);
  }
}

/** The command line's commands, in the order the help lists them, with what each does. */
export const COMMAND_SUMMARIES: ReadonlyArray<readonly [command: string, summary: string]> = [
  ['new-project', 'Create the directory NAME with a working app, its test and its config'],
  ['package', 'Read the app statically and write OUT/sam.json, OUT/swagger.json and OUT/deployment.zip'],
  ['local', 'Serve the app over HTTP as API Gateway in front of the Lambda would'],
  ['invoke', "Run one of the app's functions once with an event, as Lambda would, and print its result"],
  ['gen-policy', "Print the IAM policy generated from the app's AWS SDK calls"],
  ['generate-pipeline', 'Write a CloudFormation template for a CodePipeline that tests, packages and deploys the app'],
  ['generate-sdk', "Write a typed TypeScript client of the app's routes (and an OpenAPI 3.1 document), offline"],
];

/** `--project-dir DIR` as an absolute path; a usage error unless it is a directory. */
export function projectDirOption(value: string): string {
  const projectDir = path.resolve(value);
  if (value === '' || !fs.statSync(projectDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`--project-dir ${value === '' ? "''" : value} is not a directory`);
  }
  return projectDir;
}

/**
 * API Gateway's rule for stage names: "Stage names can only contain alphanumeric characters, hyphens,
 * and underscores. Maximum length is 128 characters." (API Gateway API Reference, CreateStage stageName).
 * appc's stage names a block of .appc/config.json and the default policy file `.appc/policy-<stage>.json`.
 */
export const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;

/** `--stage NAME`, checked against API Gateway's rule for stage names. */
export function stageOption(value: string): string {
  if (!STAGE_NAME.test(value)) {
    const shown = value.length > 60 ? `${value.slice(0, 60)}... (${value.length} characters)` : value;
    throw new UsageError(
      `--stage '${shown}' is not a stage name`,
      'APPC446',
      "Use 1 to 128 letters, digits, - or _ (API Gateway's rule for stage names), e.g. --stage prod.",
    );
  }
  return value;
}

const USAGE_LINES = [
  'appc new-project NAME',
  'appc package OUT [--stage dev] [--project-dir .] [--template-format json|yaml] [--merge-template FILE]',
  '             [--typecheck] [--verbose] [--quiet]',
  'appc local [--port 8000] [--host 127.0.0.1] [--stage dev] [--project-dir .] [--autoreload] [--concurrency 10]',
  'appc invoke NAME [--event FILE|-] [--sample KIND] [--stage dev] [--project-dir .]',
  'appc gen-policy [--stage dev] [--project-dir .]',
  'appc generate-pipeline OUT [--source codecommit|github] [--stage beta] [--buildspec-file FILE]',
  '                       [--node-version 22] [--quiet]',
  'appc generate-sdk OUT [--stage dev] [--project-dir .] [--openapi FILE]',
  'appc --version',
  'appc --help',
  'appc <command> --help',
];

/** `appc --help`: the usage lines, then the commands in two aligned columns. */
export const MAIN_HELP = `appc: AWS Chalice for TypeScript, done as a compiler.

Usage:
${USAGE_LINES.map((line) => `  ${line}\n`).join('')}
Commands:
${alignedRows(COMMAND_SUMMARIES)}
Progress goes to stderr (--quiet leaves it out); stdout carries only what a command prints as its result.
Exit codes: 0 success, 1 the project has errors (diagnostics printed), 2 bad command-line usage.
`;

/** `rows` as two columns, the second starting two spaces after the longest first. */
export function alignedRows(rows: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}\n`).join('');
}

export const PACKAGE_HELP = `Usage: appc package OUT [options]

Reads app.ts and every module it imports without running them, and writes to OUT:
  sam.json (or sam.yaml)  the SAM template for aws cloudformation package/deploy
  swagger.json            the API Gateway swagger (also inside sam.json), when the app has routes
  deployment.zip          the Lambda code, when the app has functions
Progress (each step's time, then the total since appc started) goes to stderr.
OUT is written all or nothing: on any error it is left as it was. OUT is appc's directory and
is replaced whole, so it must be new, empty, or a previous output (only those three files).

Options:
  --stage NAME               stage of .appc/config.json to package (default: dev)
  --project-dir DIR          the project directory (default: .)
  --template-format FORMAT   json (default) or yaml
  --merge-template FILE      JSON or YAML template deep-merged over the generated one
  --typecheck                also report the app's type errors, as tsc would (appc otherwise only reads the app)
  --verbose                  list every file left out of deployment.zip, and why (deny list, npm pack rules, OUT)
  --quiet                    leave out the progress lines (diagnostics are still printed)
  -h, --help                 show this help
`;
