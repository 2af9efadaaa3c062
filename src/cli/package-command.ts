import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { printDiagnostics } from './print-diagnostics';
import { packageProject } from '../compiler/package-project';
import { writeOutput } from '../compiler/output/write-output';
import { PACKAGE_HELP, projectDirOption, UsageError } from './usage';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** `appc package OUT ...`: returns the exit code. */
export async function packageCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      stage: { type: 'string', default: 'dev' },
      'project-dir': { type: 'string', default: '.' },
      'template-format': { type: 'string', default: 'json' },
      'merge-template': { type: 'string' },
      typecheck: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(PACKAGE_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('appc package needs exactly one OUT directory');
  const format = values['template-format'];
  if (format !== 'json' && format !== 'yaml') throw new UsageError(`--template-format must be json or yaml, not ${format}`);
  const projectDir = projectDirOption(values['project-dir']);
  const outDir = path.resolve(positionals[0]);

  const started = performance.now();
  const result = await packageProject({ projectDir, stage: values.stage, templateFormat: format, mergeTemplate: values['merge-template'] && path.resolve(values['merge-template']), typecheck: values.typecheck, outDir, today: new Date() });
  for (const [label, ms] of result.timings) io.stdout.write(`${label.padEnd(40, '.')} ${formatMs(ms)}\n`);
  if (values.verbose) for (const { path: file, reason } of result.excluded ?? []) io.stdout.write(`Left out of deployment.zip: ${file} (${reason})\n`);
  if (result.diagnostics.length > 0) {
    printDiagnostics(io.stderr, projectDir, result.diagnostics, '\n');
  }
  if (!result.files) {
    io.stderr.write(`Nothing was written to ${positionals[0]}.\n`);
    return 1;
  }
  writeOutput(outDir, result.files);
  const names = result.files.map((f) => f.name).join(', ');
  io.stdout.write(`Wrote ${names} to ${positionals[0]} in ${formatMs(performance.now() - started)}\n`);
  return 0;
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

