/**
 * The stage's settings for the test client: `.appc/config.json` read, checked and resolved as
 * `appc package` does (Chalice's precedence and merge rules), and `process.env` patched with
 * its environment variables and put back afterwards.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfig } from '../compiler/config/load-config';
import { resolveConfig } from '../compiler/config/resolve-config';
import type { ResolvedConfig } from '../compiler/config/resolved-config';
import { hasErrors } from '../compiler/diagnostics/diagnostic';
import { formatDiagnostics } from '../compiler/diagnostics/format';

/**
 * The resolved config of `stage` for functions `functionNames`; throws, with the diagnostics
 * `appc package` would print, when the file has errors.
 */
export function loadStageConfig(projectDir: string, stage: string, functionNames: readonly string[]): ResolvedConfig {
  const { raw, diagnostics } = loadConfig(projectDir, { stage });
  if (hasErrors(diagnostics)) {
    const text = formatDiagnostics(diagnostics, {
      color: false,
      readSource: (file) => readText(path.join(projectDir, file)),
    });
    throw new Error(`appc/test: ${path.join(projectDir, '.appc', 'config.json')} has errors:\n${text}`);
  }
  return resolveConfig(raw, stage, functionNames);
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * `process.env` while a test client is open: the stage's variables throughout, a function's own
 * variables on top while it runs (as Chalice's test client scopes them), and every variable as it
 * was before once closed. After a call a variable returns to the stage's value, not to whatever
 * it held when the call began, so calls that overlap leave the same environment as calls in turn.
 */
export class StageEnvironment {
  /** The value before the client first set each variable (`undefined`: it was unset). */
  private readonly originals = new Map<string, string | undefined>();

  constructor(private readonly stageVariables: Readonly<Record<string, string>>) {
    this.set(stageVariables);
  }

  /** Runs `work` with `variables` (a function's scope) set. */
  async during<T>(variables: Readonly<Record<string, string>>, work: () => Promise<T>): Promise<T> {
    this.set(variables);
    try {
      return await work();
    } finally {
      for (const name of Object.keys(variables)) this.reset(name);
    }
  }

  /** Puts back every variable the client changed. */
  restore(): void {
    for (const [name, value] of this.originals) assign(name, value);
    this.originals.clear();
  }

  private set(variables: Readonly<Record<string, string>>): void {
    for (const [name, value] of Object.entries(variables)) {
      if (!this.originals.has(name)) this.originals.set(name, process.env[name]);
      process.env[name] = value;
    }
  }

  private reset(name: string): void {
    assign(name, Object.hasOwn(this.stageVariables, name) ? this.stageVariables[name] : this.originals.get(name));
  }
}

function assign(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
