import { closestName } from '../compiler/config/did-you-mean';
import { appcVersion } from '../compiler/version';
import type { Io } from './package-command';
import { reportFailure } from './run-failure';
import { MAIN_HELP, UsageError } from './usage';

interface Command {
  run(args: string[], io: Io): Promise<number>;
  /** The command's help, printed after a usage error in it. */
  help(): string;
}

// Each command is loaded on use, so that --version, --help and usage errors do not load the compiler;
// require, not import(), so that they also load when main() runs in-process from the TypeScript
// sources (the bad-input suite).
const COMMANDS: Record<string, Command> = {
  package: {
    run: (args, io) => (require('./package-command') as typeof import('./package-command')).packageCommand(args, io),
    help: () => (require('./usage') as typeof import('./usage')).PACKAGE_HELP,
  },
  invoke: {
    run: (args, io) => (require('./invoke-command') as typeof import('./invoke-command')).invokeCommand(args, io),
    help: () => (require('./invoke-command') as typeof import('./invoke-command')).INVOKE_HELP,
  },
  'gen-policy': {
    run: (args, io) =>
      (require('./gen-policy-command') as typeof import('./gen-policy-command')).genPolicyCommand(args, io),
    help: () => (require('./gen-policy-command') as typeof import('./gen-policy-command')).GEN_POLICY_HELP,
  },
  local: {
    run: (args, io) => (require('./local-command') as typeof import('./local-command')).localCommand(args, io),
    help: () => (require('./local-command') as typeof import('./local-command')).LOCAL_HELP,
  },
  'new-project': {
    run: (args, io) =>
      (require('./new-project-command') as typeof import('./new-project-command')).newProjectCommand(args, io),
    help: () => (require('./new-project-command') as typeof import('./new-project-command')).NEW_PROJECT_HELP,
  },
  'generate-pipeline': {
    run: (args, io) =>
      (require('./generate-pipeline-command') as typeof import('./generate-pipeline-command')).generatePipelineCommand(
        args,
        io,
      ),
    help: () =>
      (require('./generate-pipeline-command') as typeof import('./generate-pipeline-command')).GENERATE_PIPELINE_HELP,
  },
  'generate-sdk': {
    run: (args, io) =>
      (require('./generate-sdk-command') as typeof import('./generate-sdk-command')).generateSdkCommand(args, io),
    help: () => (require('./generate-sdk-command') as typeof import('./generate-sdk-command')).GENERATE_SDK_HELP,
  },
};

/** The `appc` command line; returns the exit code (0 ok, 1 project errors, 2 usage). Never throws. */
export async function main(
  argv: string[],
  io: Io = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${appcVersion()}\n`);
    return 0;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(MAIN_HELP);
    return 0;
  }
  // Bare `appc` is a usage error: a script that forgot its command should not pass.
  if (name === undefined) {
    io.stderr.write(MAIN_HELP);
    return 2;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (!command) throw unknownCommand(name);
    return await command.run(rest, io);
  } catch (e) {
    return reportThrown(e, io, command);
  }
}

function unknownCommand(name: string): UsageError {
  if (name.startsWith('-')) {
    const nearest = closestName(name.replace(/^-+/, ''), ['version', 'help']);
    return new UsageError(`unknown option ${name}${nearest ? `; did you mean --${nearest}?` : ''}`);
  }
  const nearest = closestName(name, Object.keys(COMMANDS));
  return new UsageError(`unknown command '${name}'${nearest ? `; did you mean 'appc ${nearest}'?` : ''}`);
}

/**
 * A usage error exits 2 with the command's help (appc's for an unknown command), or one line with
 * the error's code and remedy; anything else is a failure.
 */
function reportThrown(e: unknown, io: Io, command: Command | undefined): number {
  if (e instanceof UsageError && e.diagnosticCode) {
    io.stderr.write(`appc: error ${e.diagnosticCode}: ${e.message}. ${e.remedy ?? ''}\n`);
    return 2;
  }
  if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    io.stderr.write(`appc: ${(e as Error).message}\n\n${command ? command.help() : MAIN_HELP}`);
    return 2;
  }
  return reportFailure(e, io);
}
