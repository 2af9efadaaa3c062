import * as path from 'node:path';
import { appFileDiagnostic } from './app-file';
import { parseCommandArgs } from './command-args';
import { printDiagnostics } from './print-diagnostics';
import type { PackageOptions } from '../compiler/compile';
import { startBundler } from '../compiler/package/bundle-app';
import { writeOutput } from '../compiler/output/write-output';
import { outDirProblem } from '../compiler/output/out-dir';
import { PACKAGE_HELP, projectDirOption, stageOption, UsageError } from './usage';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** `appc package OUT ...`: returns the exit code. */
export async function packageCommand(args: string[], io: Io): Promise<number> {
  const request = parsePackageArgs(args);
  if (request === 'help') {
    io.stdout.write(PACKAGE_HELP);
    return 0;
  }
  const { projectDir, shownOut } = request;
  const appFile = appFileDiagnostic(projectDir);
  if (appFile) {
    printDiagnostics(io.stderr, projectDir, [appFile]);
    io.stderr.write(`Nothing was written to ${shownOut}.\n`);
    return 1;
  }
  // esbuild's service boots on the other core while this one loads TypeScript (compile.ts imports it).
  startBundler();
  const { packageProject } = require('../compiler/compile') as typeof import('../compiler/compile');
  const result = await packageProject({ ...request, outDir: path.resolve(shownOut), today: new Date() });
  const progress = (line: string) => request.quiet || io.stderr.write(`${line}\n`);
  for (const [label, ms] of result.timings) progress(`${label.padEnd(40, '.')} ${formatMs(ms)}`);
  if (request.verbose) {
    for (const { path: file, reason } of result.excluded ?? []) {
      io.stderr.write(`Left out of deployment.zip: ${file} (${reason})\n`);
    }
  }
  if (result.diagnostics.length > 0) printDiagnostics(io.stderr, projectDir, result.diagnostics, '\n');
  if (!result.files) {
    io.stderr.write(`Nothing was written to ${shownOut}.\n`);
    return 1;
  }
  const problem = await writeOutput(path.resolve(shownOut), result.files);
  if (problem) {
    io.stderr.write(`appc: error ${problem.code}: ${problem.message}. ${problem.remedy}\n`);
    return problem.kind === 'usage' ? 2 : 1;
  }
  const names = result.files.map((f) => f.name).join(', ');
  // performance.now() counts from the start of the process: the total includes Node's start and appc's loading.
  progress(`Wrote ${names} to ${shownOut} in ${formatMs(performance.now())}`);
  return 0;
}

interface PackageRequest extends Omit<PackageOptions, 'outDir' | 'today'> {
  /** OUT as the user wrote it (messages show it so). */
  readonly shownOut: string;
  readonly verbose: boolean;
  /** No progress lines. */
  readonly quiet: boolean;
}

/** The options of `appc package`, checked; usage errors throw `UsageError`. */
function parsePackageArgs(args: string[]): PackageRequest | 'help' {
  const { values, positionals } = parseCommandArgs(args, {
    stage: { type: 'string', default: 'dev' },
    'project-dir': { type: 'string', default: '.' },
    'template-format': { type: 'string', default: 'json' },
    'merge-template': { type: 'string' },
    typecheck: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError('appc package needs exactly one OUT directory');
  const format = values['template-format'];
  if (format !== 'json' && format !== 'yaml')
    throw new UsageError(`--template-format must be json or yaml, not ${format}`);
  const projectDir = projectDirOption(values['project-dir']);
  const stage = stageOption(values.stage);
  const shownOut = positionals[0];
  const outProblem = outDirProblem(shownOut, projectDir);
  if (outProblem) throw new UsageError(outProblem.message, outProblem.code, outProblem.remedy);
  const merge = values['merge-template'];
  const mergeTemplate = merge === undefined ? undefined : mergeTemplateOption(merge);
  return {
    projectDir,
    stage,
    templateFormat: format,
    mergeTemplate,
    typecheck: values.typecheck,
    shownOut,
    verbose: values.verbose,
    quiet: values.quiet,
  };
}

/** `--merge-template FILE`: an absolute path; an empty one is a usage error (a missing file is a diagnostic). */
function mergeTemplateOption(value: string): string {
  if (value.trim() === '')
    throw new UsageError(
      '--merge-template is empty',
      'APPC451',
      'Pass the path of a JSON or YAML template, or leave the option out.',
    );
  return path.resolve(value);
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}
