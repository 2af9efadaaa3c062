import { ERRNO_WORDS } from '../compiler/output/out-dir';
import { appcVersion } from '../compiler/version';
import type { Io } from './package-command';

/**
 * What a command that threw prints, and its exit code. Project inputs that break a reader appc
 * did not guard (a file the OS refuses, a stack exhausted by nesting) are the user's to fix:
 * a diagnostic with the path, exit 1. Anything else is a bug in appc: it says so and how to
 * report it, exit 1 too (exit codes stay 0, 1, 2). The stack only with APPC_DEBUG=1.
 */
export function reportFailure(e: unknown, io: Io, env: NodeJS.ProcessEnv = process.env): number {
  io.stderr.write(`${describeFailure(e)}\n`);
  if (env.APPC_DEBUG === '1' && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
  return 1;
}

function describeFailure(e: unknown): string {
  const errno = e as NodeJS.ErrnoException & { dest?: string };
  if (
    errno instanceof Error &&
    typeof errno.code === 'string' &&
    typeof errno.syscall === 'string' &&
    /^E[A-Z]+$/.test(errno.code)
  ) {
    const where = errno.path ? ` ${errno.path}${errno.dest ? ` -> ${errno.dest}` : ''}` : '';
    const words = ERRNO_WORDS[errno.code] ?? errno.message;
    return `error APPC449: cannot ${errno.syscall}${where}: ${errno.code}, ${words}\n  Fix that path (permissions, a file or directory in the way, a symlink loop) and run again. Nothing was written.`;
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return "error APPC450: the project nests too deeply for appc to read: the call stack ran out reading app.ts, a module it imports or a JSON file\n  Flatten the deepest nesting (JSON files, expressions or statements in the app's modules) and run again. Nothing was written.";
  }
  const message = e instanceof Error ? e.message : String(e);
  return [
    `appc: internal error (a bug in appc ${appcVersion()}, not in your project): ${message.split('\n')[0]}`,
    'Run the same command again with APPC_DEBUG=1 to print the stack trace, and report the command, its output and the',
    'project (or the smallest part of it that shows the problem) to the appc maintainers.',
  ].join('\n');
}
