import { appcVersion } from '../compiler/version';
import type { Io } from './package-command';
import { reportFailure } from './run-failure';
import { MAIN_HELP, UsageError } from './usage';

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  // Each command is loaded on use, so that --version, --help and usage errors do not load the compiler;
  // require, not import(), so that they also load when main() runs in-process from the TypeScript
  // sources (the bad-input suite).
  package: async (args, io) =>
    (require('./package-command') as typeof import('./package-command')).packageCommand(args, io),
  'gen-policy': async (args, io) =>
    (require('./gen-policy-command') as typeof import('./gen-policy-command')).genPolicyCommand(args, io),
  local: async (args, io) => (require('./local-command') as typeof import('./local-command')).localCommand(args, io),
  'new-project': async (args, io) =>
    (require('./new-project-command') as typeof import('./new-project-command')).newProjectCommand(args, io),
  'generate-pipeline': async (args, io) =>
    (require('./generate-pipeline-command') as typeof import('./generate-pipeline-command')).generatePipelineCommand(
      args,
      io,
    ),
  'generate-sdk': async (args, io) =>
    (require('./generate-sdk-command') as typeof import('./generate-sdk-command')).generateSdkCommand(args, io),
};

/** The `appc` command line; returns the exit code (0 ok, 1 project errors, 2 usage). Never throws. */
export async function main(
  argv: string[],
  io: Io = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--version' || command === '-v') {
      io.stdout.write(`${appcVersion()}\n`);
      return 0;
    }
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(MAIN_HELP);
      return 0;
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`unknown command '${command}'`);
    return await run(rest, io);
  } catch (e) {
    return reportThrown(e, io);
  }
}

/** A usage error exits 2 with the help (or the error's code and remedy); anything else is a failure. */
function reportThrown(e: unknown, io: Io): number {
  if (e instanceof UsageError && e.diagnosticCode) {
    io.stderr.write(`appc: error ${e.diagnosticCode}: ${e.message}. ${e.remedy ?? ''}\n`);
    return 2;
  }
  if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    io.stderr.write(`appc: ${(e as Error).message}\n\n${MAIN_HELP}`);
    return 2;
  }
  return reportFailure(e, io);
}
