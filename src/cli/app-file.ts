import * as fs from 'node:fs';
import * as path from 'node:path';
import { error, type Diagnostic } from '../compiler/diagnostics/diagnostic';
import { ERRNO_WORDS } from '../compiler/output/out-dir';

/**
 * `app.ts` must be a readable file before the analyzer opens it (a directory or an unreadable file
 * would stop the TypeScript compiler with an exception). A missing app.ts is the analyzer's to report.
 */
export function appFileDiagnostic(projectDir: string): Diagnostic | undefined {
  const file = path.join(projectDir, 'app.ts');
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile())
      return error(
        'APPC448',
        `${file} is ${stat.isDirectory() ? 'a directory' : 'not a regular file'}`,
        'Make app.ts the file that creates the app (new App(...)) and registers its handlers.',
      );
    fs.closeSync(fs.openSync(file, 'r'));
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT') return undefined;
    return error(
      'APPC448',
      `${file} cannot be read (${code}, ${ERRNO_WORDS[code] ?? (e as Error).message})`,
      'Make app.ts a readable file (check its permissions, and that no symbolic link on its path loops).',
    );
  }
}
