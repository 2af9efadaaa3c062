/** Type-checks generated client declarations with a consumer file, with the real TypeScript compiler under `strict`. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { REPO_ROOT } from '../../support/fixtures';

/**
 * Writes `sdk/index.d.ts` (and `sdk/index.js`) and the `consumers` (file name -> text) to a temporary ES-module
 * package and returns every diagnostic of the one program of them all (`@ts-expect-error` lines that expect
 * nothing are diagnostics too), each as `<file>:<line> TS<code>: <message>`.
 */
export function typecheckClient(
  declarations: string,
  consumers: Record<string, string>,
  options: { nodeTypes?: boolean } = { nodeTypes: true },
): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-sdk-types-'));
  try {
    fs.mkdirSync(path.join(dir, 'sdk'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{"type": "module"}\n');
    fs.writeFileSync(path.join(dir, 'sdk', 'index.d.ts'), declarations);
    fs.writeFileSync(path.join(dir, 'sdk', 'index.js'), 'export {};\n');
    for (const [name, text] of Object.entries(consumers)) fs.writeFileSync(path.join(dir, name), text);
    const roots = Object.keys(consumers).map((name) => path.join(dir, name));
    const program = ts.createProgram(roots, {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2022.d.ts'],
      types: options.nodeTypes ? ['node'] : [],
      typeRoots: [path.join(REPO_ROOT, 'node_modules', '@types')],
      noUnusedLocals: false,
    });
    return ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file
        ? `${path.relative(dir, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : '';
      return `${where} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
