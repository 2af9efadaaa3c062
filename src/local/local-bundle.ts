/**
 * The app built as `appc local` and `appc invoke` run it: checked (config, analysis, validation), bundled as
 * deployment.zip's app.js is (same esbuild target) with its source map, in a fresh task directory.
 */
import { checkProject } from '../compiler/compile';
import { bundleTarget } from '../compiler/config/lambda-runtimes';
import type { ResolvedConfig } from '../compiler/config/resolved-config';
import type { Diagnostic } from '../compiler/diagnostics/diagnostic';
import { functionRuntimes } from '../compiler/emit/sam-plan';
import type { AppModel } from '../compiler/model/app-model';
import { bundleApp } from '../compiler/package/bundle-app';
import { readManifest, runtimeDependencies } from '../compiler/package/package-json';
import { createTaskDir, type TaskDir } from './task-dir';

export interface LocalBundle {
  model: AppModel;
  config: ResolvedConfig;
  taskDir: TaskDir;
  /** Warnings of the check. */
  diagnostics: Diagnostic[];
}

/**
 * Checks and bundles the app at `projectDir` for `stage`. Packages the project depends on stay outside the bundle
 * and load from its node_modules.
 */
export async function buildLocalBundle(
  projectDir: string,
  stage: string,
): Promise<LocalBundle | { diagnostics: Diagnostic[] }> {
  const checked = checkProject({ projectDir, stage });
  const { model, config } = checked;
  if (!model || !config) return { diagnostics: checked.diagnostics };
  // The same target as deployment.zip's, so that local mode runs the code Lambda will.
  const target = bundleTarget(functionRuntimes(model, config));
  const bundle = await bundleApp({
    projectDir,
    model,
    external: [...declaredPackages(projectDir), '@aws-sdk/*'],
    target,
    sourceMap: true,
  });
  if ('diagnostics' in bundle) return { diagnostics: [...checked.diagnostics, ...bundle.diagnostics] };
  return { model, config, taskDir: createTaskDir(projectDir, bundle), diagnostics: checked.diagnostics };
}

/** The package.json `dependencies` (and optional and peer ones): required from node_modules at run time. */
function declaredPackages(projectDir: string): string[] {
  const read = readManifest(projectDir);
  return read && 'manifest' in read ? runtimeDependencies(read.manifest).map((d) => d.name) : [];
}
