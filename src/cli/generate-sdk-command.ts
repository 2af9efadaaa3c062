import * as path from 'node:path';
import { generateProjectSdk } from '../compiler/compile';
import { outDirProblem, type OutProblem } from '../compiler/output/out-dir';
import { stageFile } from '../compiler/output/staged-file';
import { writeOutput, type OutputFile } from '../compiler/output/write-output';
import { appFileDiagnostic } from './app-file';
import type { Io } from './package-command';
import { printDiagnostics } from './print-diagnostics';
import { parseCommandArgs } from './command-args';
import { projectDirOption, stageOption, UsageError } from './usage';

export const GENERATE_SDK_HELP = `Usage: appc generate-sdk OUT [options]

Reads the app without running it and writes a typed client of its routes to OUT:
  index.js     an ES module with no dependencies, sending requests with the global fetch
  index.d.ts   its types: createClient({ baseUrl, headers?, fetch? }), one method per route
               and HTTP method, the request and response types the handlers declare
OUT is written all or nothing, and replaced whole: it must be new, empty, or a previous output.

Options:
  --stage NAME          stage of .appc/config.json (default: dev)
  --project-dir DIR     the project directory (default: .)
  --openapi FILE        also write an OpenAPI 3.1 document of the API to FILE
  -h, --help            show this help
`;

/** The files generate-sdk writes to OUT. */
const SDK_OUTPUTS = ['index.js', 'index.d.ts'];

interface SdkRequest {
  readonly projectDir: string;
  readonly stage: string;
  /** OUT as the user wrote it (messages show it so). */
  readonly shownOut: string;
  /** `--openapi FILE`, absolute. */
  readonly openapi?: string;
}

/** `appc generate-sdk OUT ...`: returns the exit code (0 ok, 1 project or write errors, 2 usage). */
export async function generateSdkCommand(args: string[], io: Io): Promise<number> {
  const request = parseSdkArgs(args);
  if (request === 'help') {
    io.stdout.write(GENERATE_SDK_HELP);
    return 0;
  }
  const { projectDir, stage, shownOut, openapi } = request;
  const appFile = appFileDiagnostic(projectDir);
  const result = appFile
    ? { diagnostics: [appFile] }
    : generateProjectSdk({ projectDir, stage, openapi: openapi !== undefined });
  if (result.diagnostics.length > 0) printDiagnostics(io.stderr, projectDir, result.diagnostics);
  if (!('files' in result) || !result.files) {
    io.stderr.write(`Nothing was written to ${shownOut}.\n`);
    return 1;
  }
  const problem = await writeSdk(request, result.files, result.openapi);
  if (problem) {
    io.stderr.write(`appc: error ${problem.code}: ${problem.message}. ${problem.remedy}\n`);
    return problem.kind === 'usage' ? 2 : 1;
  }
  const written = [...result.files.map((file) => path.join(shownOut, file.name)), ...(openapi ? [openapi] : [])];
  io.stdout.write(`Wrote ${written.join(', ')} (stage ${stage})\n`);
  return 0;
}

/** OUT, and the OpenAPI file beside it: both or neither. */
async function writeSdk(request: SdkRequest, files: OutputFile[], openapi?: string): Promise<OutProblem | undefined> {
  if (request.openapi === undefined || openapi === undefined) {
    return writeOutput(path.resolve(request.shownOut), files, { outputs: SDK_OUTPUTS });
  }
  const staged = stageFile(request.openapi, openapi);
  if ('problem' in staged) return staged.problem;
  const problem = await writeOutput(path.resolve(request.shownOut), files, { outputs: SDK_OUTPUTS });
  if (problem) {
    staged.discard();
    return problem;
  }
  return staged.commit();
}

function parseSdkArgs(args: string[]): SdkRequest | 'help' {
  const { values, positionals } = parseCommandArgs(args, {
    stage: { type: 'string', default: 'dev' },
    'project-dir': { type: 'string', default: '.' },
    openapi: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError('appc generate-sdk needs exactly one OUT directory');
  const projectDir = projectDirOption(values['project-dir']);
  const stage = stageOption(values.stage);
  const shownOut = positionals[0];
  const outProblem = outDirProblem(shownOut, projectDir, SDK_OUTPUTS);
  if (outProblem) throw new UsageError(outProblem.message, outProblem.code, outProblem.remedy);
  return { projectDir, stage, shownOut, openapi: openapiOption(values.openapi, shownOut) };
}

/** `--openapi FILE`, absolute; empty, or inside OUT (which is replaced whole), is a usage error. */
function openapiOption(value: string | undefined, shownOut: string): string | undefined {
  if (value === undefined) return undefined;
  const remedy = 'Pass the path of a JSON file outside OUT, e.g. --openapi openapi.json.';
  if (value.trim() === '') throw new UsageError('--openapi is empty', 'APPC451', remedy);
  const file = path.resolve(value);
  const out = path.resolve(shownOut);
  if (file === out || file.startsWith(out + path.sep)) {
    throw new UsageError(`--openapi ${value} is inside OUT ${shownOut}, which appc replaces whole`, 'APPC451', remedy);
  }
  return file;
}
