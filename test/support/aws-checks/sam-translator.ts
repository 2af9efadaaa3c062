import * as path from 'node:path';
import { commandLine, runProcess } from './run-process';

export interface TranslateJob {
  /** The SAM template (JSON). */
  input: string;
  /** Where the CloudFormation the translator produced is written. */
  output: string;
}

export interface TranslateResult {
  input: string;
  /** The translator's message when it rejected the template. */
  error: string | null;
}

const SCRIPT = path.join(__dirname, 'sam-translate.py');

/** Runs AWS's SAM translator on every template in one python3 process (see sam-translate.py). */
export async function samTranslate(jobs: TranslateJob[]): Promise<TranslateResult[]> {
  const run = await runProcess('python3', [SCRIPT], { input: JSON.stringify(jobs) });
  if (run.status !== 0)
    throw new Error(`${commandLine('python3', [SCRIPT])} failed (exit ${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as TranslateResult[];
}
