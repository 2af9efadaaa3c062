import { appcVersion } from '../compiler/version';
import { genPolicyCommand } from './gen-policy-command';
import { packageCommand, type Io } from './package-command';
import { reportFailure } from './run-failure';
import { MAIN_HELP, UsageError } from './usage';

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  package: packageCommand,
  'gen-policy': genPolicyCommand,
  local: (args, io) => import('./local-command').then((m) => m.localCommand(args, io)),
  'new-project': (args, io) => import('./new-project-command').then((m) => m.newProjectCommand(args, io)),
  'generate-pipeline': (args, io) => import('./generate-pipeline-command').then((m) => m.generatePipelineCommand(args, io)),
};

/** The `appc` command line; returns the exit code (0 ok, 1 project errors, 2 usage). Never throws. */
export async function main(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
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
}
