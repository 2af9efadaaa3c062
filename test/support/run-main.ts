import { Writable } from 'node:stream';
import { main } from '../../src/cli/main';

export interface MainResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in this process (no node start-up, no build needed), capturing its output. */
export async function runMain(args: string[]): Promise<MainResult> {
  const captured = { stdout: '', stderr: '' };
  const stream = (name: 'stdout' | 'stderr') =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        captured[name] += chunk.toString();
        done();
      },
    });
  const status = await main(args, { stdout: stream('stdout'), stderr: stream('stderr') });
  return { status, ...captured };
}
