import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeProject } from '../../../src/compiler/analyze/analyze-project';
import type { Diagnostic } from '../../../src/compiler/diagnostics/diagnostic';
import { formatDiagnostics } from '../../../src/compiler/diagnostics/format';
import type { AppModel } from '../../../src/compiler/model/app-model';
import { readProjectFile } from '../../support/fixtures';

export interface Analyzed {
  model?: AppModel;
  diagnostics: Diagnostic[];
  /** The diagnostics as `appc package` prints them. */
  text: string;
}

/** Writes the files into a fresh project directory and analyses it (app.ts is the entry). */
export function analyzeFiles(files: Record<string, string>): Analyzed {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-analyze-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    const { model, diagnostics } = analyzeProject(dir);
    return {
      model,
      diagnostics,
      text: formatDiagnostics(diagnostics, { color: false, readSource: readProjectFile(dir) }),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** An app.ts: the appc import and `new App`, then `body`. */
export function appTs(body: string, imports = 'App'): string {
  return `import { ${imports} } from 'appc';\nexport const app = new App({ appName: 'demo' });\n${body}\n`;
}
