import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../compiler/diagnostics/diagnostic';
import { formatDiagnostics, useColor } from '../compiler/diagnostics/format';

/** Writes a run's diagnostics to `stream`, code frames read from files under `projectDir`, colours only on a TTY. */
export function printDiagnostics(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  projectDir: string,
  diagnostics: readonly Diagnostic[],
  prefix = '',
): void {
  const readSource = (file: string) => {
    try {
      return fs.readFileSync(path.join(projectDir, file), 'utf8');
    } catch {
      return undefined;
    }
  };
  stream.write(`${prefix}${formatDiagnostics(diagnostics, { color: useColor(stream), readSource })}`);
}
