/** The built CLI (`bin/appc.js`, dist/ from `npm run build`) in a child process, read as it runs. */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../support/fixtures';

export const BIN = path.join(REPO_ROOT, 'bin', 'appc.js');

export interface RunningCli {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stdout; rejects on exit or after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** SIGINT (Ctrl+C), then the exit code. */
  stop(): Promise<number | null>;
}

/** `node bin/appc.js ...args` with `cwd`; `command` replaces `bin/appc.js` (e.g. node_modules/.bin/appc). */
export function spawnCli(args: string[], cwd = REPO_ROOT, command = BIN): RunningCli {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'cli', 'main.js')))
    throw new Error('dist/ is missing: run `npm run build` (make test does) before the CLI tests');
  const child = spawn(process.execPath, [command, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => (done = true));
  const waitFor = (pattern: RegExp, timeoutMs = 20000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const started = Date.now();
      const poll = () => {
        const match = out.match(pattern);
        if (match) return resolve(match);
        if (done) return reject(new Error(`appc exited before printing ${pattern}\nstdout: ${out}\nstderr: ${err}`));
        if (Date.now() - started > timeoutMs)
          return reject(
            new Error(`appc did not print ${pattern} within ${timeoutMs} ms\nstdout: ${out}\nstderr: ${err}`),
          );
        setTimeout(poll, 20);
      };
      poll();
    });
  const stop = () => {
    if (!done) child.kill('SIGINT');
    return exited;
  };
  return { child, stdout: () => out, stderr: () => err, waitFor, exited, stop };
}

/** The start-up line's URL. */
export const STARTED = /^Serving \S+ \(stage \S+\) at (http:\/\/[^/\s]+)\//m;
