import * as fs from 'node:fs';
import { closestName } from '../compiler/config/did-you-mean';
import { hasErrors } from '../compiler/diagnostics/diagnostic';
import type { AppModel } from '../compiler/model/app-model';
import { API_HANDLER_ID, API_HANDLER_NAME, toLogicalId } from '../compiler/model/names';
import { apiIdentity } from '../local/api-gateway';
import { invokeOnce, type InvokeTarget } from '../local/invoke-once';
import { buildLocalBundle, type LocalBundle } from '../local/local-bundle';
import { appFileDiagnostic } from './app-file';
import { parseCommandArgs } from './command-args';
import type { Io } from './package-command';
import { printDiagnostics } from './print-diagnostics';
import { ownSampleKind, sampleEvent, SAMPLE_KINDS, type SampleKind } from './sample-event';
import { projectDirOption, stageOption, UsageError } from './usage';

export const INVOKE_HELP = `Usage: appc invoke NAME [options]

Builds the app as appc local does and runs one of its functions once, as Lambda would: a fresh
instance loads app.js with the function's environment variables for the stage, then its handler
runs with the event. NAME is a function's name: api_handler (the routes), an authorizer's, or any
other registration's (a schedule, an event source, app.lambdaFunction).
The handler's value goes to stdout as JSON; what it logs goes to stderr. When it throws, the
error goes to stderr at the app's .ts line, with the app's frames, and appc exits 1.

Options:
  --event FILE          the event, a JSON file; - reads it from stdin (api_handler and authorizers need one:
                        an API Gateway proxy event, or a TOKEN/REQUEST authorizer event)
  --sample KIND         a sample event of a source, shaped for NAME when it has that source:
                        ${SAMPLE_KINDS.join(', ')}
                        Without --event or --sample: the sample of NAME's own source, {} for app.lambdaFunction
  --stage NAME          stage of .appc/config.json (default: dev)
  --project-dir DIR     the project directory (default: .)
  -h, --help            show this help
`;

/** `appc invoke`: returns the exit code (0 the handler returned, 1 it threw or the project has errors, 2 usage). */
export async function invokeCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    event: { type: 'string' },
    sample: { type: 'string' },
    stage: { type: 'string', default: 'dev' },
    'project-dir': { type: 'string', default: '.' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(INVOKE_HELP);
    return 0;
  }
  const name = functionNameArgument(positionals);
  if (values.event !== undefined && values.sample !== undefined)
    throw new UsageError('--event and --sample are alternatives: give one of them');
  const sample = values.sample === undefined ? undefined : sampleKindOption(values.sample);
  const projectDir = projectDirOption(values['project-dir']);
  const stage = stageOption(values.stage);
  const given = values.event === undefined ? undefined : await readEvent(values.event);
  const appFile = appFileDiagnostic(projectDir);
  if (appFile) {
    printDiagnostics(io.stderr, projectDir, [appFile]);
    return 1;
  }
  const built = await buildLocalBundle(projectDir, stage);
  if (!('taskDir' in built)) {
    printDiagnostics(io.stderr, projectDir, built.diagnostics);
    return 1;
  }
  if (built.diagnostics.length > 0) printDiagnostics(io.stderr, projectDir, built.diagnostics);
  const chosen = chooseInvocation(built, name, given, sample);
  if ('usage' in chosen) {
    built.taskDir.remove();
    throw chosen.usage;
  }
  return run(built, projectDir, chosen, io);
}

async function run(
  built: LocalBundle,
  projectDir: string,
  { target, event }: { target: InvokeTarget; event: unknown },
  io: Io,
): Promise<number> {
  const result = await invokeOnce(built, projectDir, target, event, (_stream, chunk) => io.stderr.write(chunk));
  if ('diagnostics' in result) {
    printDiagnostics(io.stderr, projectDir, result.diagnostics);
    return hasErrors(result.diagnostics) ? 1 : 0;
  }
  // Lambda's runtime serializes the value with JSON.stringify; undefined arrives as null.
  io.stdout.write(`${JSON.stringify(result.value ?? null, null, 2)}\n`);
  return 0;
}

function functionNameArgument(positionals: string[]): string {
  if (positionals.length === 0) throw new UsageError('appc invoke needs the name of a function (NAME)');
  if (positionals.length > 1)
    throw new UsageError(`appc invoke takes one function name (got ${positionals.join(' ')})`);
  return positionals[0];
}

function sampleKindOption(value: string): SampleKind {
  if ((SAMPLE_KINDS as readonly string[]).includes(value)) return value as SampleKind;
  const nearest = closestName(value, SAMPLE_KINDS);
  throw new UsageError(
    `--sample ${value} is not a sample event`,
    'APPC451',
    `${nearest ? `Did you mean --sample ${nearest}? ` : ''}The samples: ${SAMPLE_KINDS.join(', ')}.`,
  );
}

/** The event in FILE (`-`: stdin), parsed as JSON. */
async function readEvent(file: string): Promise<unknown> {
  let text: string;
  try {
    text = file === '-' ? await readStdin() : fs.readFileSync(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UsageError(`--event ${file} cannot be read (${reason})`, 'APPC451', 'Give a JSON file, or - for stdin.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new UsageError(`--event ${file} is not JSON: ${(e as Error).message}`, 'APPC451', 'Give the event as JSON.');
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** NAME's export and its event: the given one, the sample asked for, or NAME's own sample. */
function chooseInvocation(
  built: LocalBundle,
  name: string,
  given: unknown,
  sample: SampleKind | undefined,
): { target: InvokeTarget; event: unknown } | { usage: UsageError } {
  const { model, config } = built;
  const names = functionNames(model);
  if (!names.includes(name)) return { usage: unknownFunction(name, names) };
  const target = { name, exportName: name === API_HANDLER_NAME ? API_HANDLER_ID : toLogicalId(name) };
  if (given !== undefined) return { target, event: given };
  const fn = model.functions.find((f) => f.name === name);
  const kind = sample ?? (fn ? ownSampleKind(fn) : undefined);
  if (kind) return { target, event: sampleEvent(kind, fn, apiIdentity(config)) };
  if (fn?.kind === 'lambda') return { target, event: {} };
  const what = fn ? 'a TOKEN or REQUEST authorizer event' : 'an API Gateway proxy event';
  return {
    usage: new UsageError(`${name} needs an event`, 'APPC451', `Pass ${what} with --event FILE (or - for stdin).`),
  };
}

/** Every function `appc invoke` can run: the API handler when there are routes, then the registrations' names. */
function functionNames(model: AppModel): string[] {
  const names = model.functions.flatMap((fn) => (fn.name === null ? [] : [fn.name]));
  return [...(model.routes.length > 0 ? [API_HANDLER_NAME] : []), ...new Set(names)];
}

function unknownFunction(name: string, names: readonly string[]): UsageError {
  const nearest = closestName(name, names);
  const listed = names.length > 0 ? `Its functions: ${names.join(', ')}.` : 'It has no functions.';
  return new UsageError(
    `the app has no function named '${name}'`,
    'APPC451',
    `${nearest ? `Did you mean '${nearest}'? ` : ''}${listed}`,
  );
}
