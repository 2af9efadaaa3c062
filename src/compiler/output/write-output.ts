import * as fs from 'node:fs';
import * as path from 'node:path';

export interface OutputFile {
  name: string;
  data: Uint8Array | string;
}

/** Files appc writes to OUT; a rerun removes the ones it no longer produces. */
const APPC_OUTPUTS = ['sam.json', 'sam.yaml', 'swagger.json', 'deployment.zip'];

/**
 * Writes OUT all or nothing: every file goes to a staging directory beside OUT first,
 * then each is renamed into place. A failure before the renames leaves OUT as it was;
 * other files in OUT are left alone.
 */
export function writeOutput(outDir: string, files: readonly OutputFile[]): void {
  const parent = path.dirname(path.resolve(outDir));
  fs.mkdirSync(parent, { recursive: true });
  const staging = fs.mkdtempSync(path.join(parent, `.${path.basename(outDir)}.appc-`));
  try {
    for (const file of files) fs.writeFileSync(path.join(staging, file.name), file.data);
    fs.mkdirSync(outDir, { recursive: true });
    const written = new Set(files.map((f) => f.name));
    for (const stale of APPC_OUTPUTS.filter((name) => !written.has(name))) fs.rmSync(path.join(outDir, stale), { force: true });
    for (const file of files) fs.renameSync(path.join(staging, file.name), path.join(outDir, file.name));
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
