import type { Diagnostic } from '../compiler/diagnostics/diagnostic';
import { appFileDiagnostic } from './app-file';
import { printDiagnostics } from './print-diagnostics';
import {
  DEFAULT_CONCURRENCY,
  MAX_CONCURRENCY,
  startLocalServer,
  type LocalReporter,
  type LocalServer,
} from '../local/local-server';
import { parseCommandArgs } from './command-args';
import type { Io } from './package-command';
import { projectDirOption, stageOption, UsageError } from './usage';

export const LOCAL_HELP = `Usage: appc local [options]

Runs the app (the one command that executes it) behind an HTTP server that behaves like
API Gateway in front of the Lambda: the same REST proxy events, 403 for unknown paths, CORS
preflights, binary types, built-in authorizers, the stage's environment variables. Each
function instance (a worker thread with its own module state) handles one request at a time.
Stop it with Ctrl+C.

Options:
  --port PORT          port to listen on (default: 8000; 0 picks a free one)
  --host HOST          address to bind (default: 127.0.0.1; 0.0.0.0 serves other machines too)
  --stage NAME         stage of .appc/config.json whose settings apply (default: dev)
  --project-dir DIR    the project directory (default: .)
  --autoreload         load the app again when its files change
  --concurrency N      function instances at a time per function, like Lambda scaling out
                       (default: 10); further requests wait their turn
  -h, --help           show this help
`;

/**
 * `appc local`: serves the app until SIGINT or SIGTERM, then exits 0; exits 1 when the app has
 * errors or the port cannot be used.
 */
export async function localCommand(args: string[], io: Io): Promise<number> {
  const options = parseLocalArgs(args);
  if (options === 'help') {
    io.stdout.write(LOCAL_HELP);
    return 0;
  }
  const { projectDir, stage, autoreload } = options;
  const reporter = cliReporter(io, projectDir);
  const appFile = appFileDiagnostic(projectDir);
  if (appFile) {
    reporter.diagnostics([appFile]);
    return 1;
  }
  const started = await startLocalServer({ ...options, reporter });
  if (started.diagnostics.length > 0) reporter.diagnostics(started.diagnostics);
  const { server } = started;
  if (!server) return 1;
  announce(server, stage, autoreload, io);
  const stopReporting = reportStrayErrors(reporter);
  await stopSignal();
  stopReporting();
  io.stdout.write('Stopping.\n');
  await server.close();
  return 0;
}

interface LocalArgs {
  projectDir: string;
  stage: string;
  host: string;
  port: number;
  autoreload: boolean;
  concurrency: number;
}

function parseLocalArgs(args: string[]): LocalArgs | 'help' {
  const { values, positionals } = parseCommandArgs(args, {
    port: { type: 'string', default: '8000' },
    host: { type: 'string', default: '127.0.0.1' },
    stage: { type: 'string', default: 'dev' },
    'project-dir': { type: 'string', default: '.' },
    autoreload: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: String(DEFAULT_CONCURRENCY) },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  if (positionals.length > 0) throw new UsageError(`appc local takes no arguments (got ${positionals.join(' ')})`);
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535)
    throw new UsageError(`--port must be a number from 0 to 65535, not ${values.port}`);
  const concurrency = Number(values.concurrency);
  if (!/^\d+$/.test(values.concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    throw new UsageError(
      `--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}, not ${values.concurrency}`,
    );
  }
  const projectDir = projectDirOption(values['project-dir']);
  stageOption(values.stage);
  return { projectDir, stage: values.stage, host: values.host, port, autoreload: values.autoreload, concurrency };
}

function announce(server: LocalServer, stage: string, autoreload: boolean, io: Io): void {
  const { app } = server;
  io.stdout.write(
    `Serving ${app.model.appName} (stage ${stage}) at ${server.url}/${autoreload ? ', reloading on changes' : ''}. Press Ctrl+C to stop.\n`,
  );
  if (app.model.routes.length === 0)
    io.stdout.write('The app has no routes: every request gets 403, as from API Gateway.\n');
  if (app.gateway.notEnforced.length > 0) {
    io.stdout.write(
      'Note: appc local cannot check IAM, Cognito or custom authorizers, nor API keys; these methods accept every request here:\n' +
        app.gateway.notEnforced.map((line) => `  ${line}\n`).join(''),
    );
  }
}

function cliReporter(io: Io, projectDir: string): LocalReporter {
  return {
    info: (line) => io.stdout.write(`${line}\n`),
    request: (line) => io.stdout.write(`${line}\n`),
    error: (text) => io.stderr.write(`${text}\n`),
    diagnostics: (diagnostics: readonly Diagnostic[]) => printDiagnostics(io.stderr, projectDir, diagnostics),
  };
}

/**
 * The app runs in worker threads: an error it throws outside an invocation ends only its
 * instance, as on Lambda it ends the execution environment (the server reports those). Anything
 * thrown in this thread all the same is reported here and the server goes on.
 */
function reportStrayErrors(reporter: LocalReporter): () => void {
  const report = (error: unknown) =>
    reporter.error(
      `The app threw outside a request (on Lambda this ends the container): ${error instanceof Error ? error.stack : String(error)}`,
    );
  process.on('uncaughtException', report);
  process.on('unhandledRejection', report);
  return () => {
    process.off('uncaughtException', report);
    process.off('unhandledRejection', report);
  };
}

function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
