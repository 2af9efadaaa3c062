import * as fs from 'node:fs';
import * as path from 'node:path';
import { error, hasErrors, type Diagnostic } from '../diagnostics/diagnostic';
import type { AppModel } from '../model/app-model';
import { bundleApp } from './bundle-app';
import { collectDependencies } from './dependencies';
import { collectProjectFiles, type FileSource } from './project-files';
import { createZip, type ZipEntry } from './zip';

export interface DeploymentZipOptions {
  projectDir: string;
  model: AppModel;
  /** Config `bundle_aws_sdk`: ship `@aws-sdk/*` instead of using the Lambda runtime's. */
  bundleAwsSdk: boolean;
}

export interface DeploymentZip {
  /** The zip's bytes; empty when `diagnostics` has errors. */
  zip: Uint8Array;
  diagnostics: Diagnostic[];
}

/** The bundle's name in the zip; SAM Handlers are `app.<LogicalId>`. */
export const BUNDLE_FILE = 'app.js';

/**
 * deployment.zip (DESIGN.md §6): the bundled app and runtime as `app.js`, `lib/` assets,
 * `vendor/` contents at the root, and the production dependency closure under
 * `node_modules/`; byte-identical for the same project wherever it is.
 */
export async function buildDeploymentZip({ projectDir, model, bundleAwsSdk }: DeploymentZipOptions): Promise<DeploymentZip> {
  const dependencies = collectDependencies({ projectDir, bundleAwsSdk });
  const installed = dependencies.packages.map((p) => p.name);
  const external = [...new Set([...dependencies.declared, ...installed]), ...(bundleAwsSdk ? [] : ['@aws-sdk/*'])];
  const bundle = await bundleApp({ projectDir, model, external });
  const diagnostics = [...dependencies.diagnostics, ...('diagnostics' in bundle ? bundle.diagnostics : [])];
  if (hasErrors(diagnostics) || !('code' in bundle)) return { zip: new Uint8Array(), diagnostics };
  const files = [...collectProjectFiles(projectDir), ...dependencies.files];
  const clashes = findClashes(projectDir, files);
  if (clashes.length > 0) return { zip: new Uint8Array(), diagnostics: [...diagnostics, ...clashes] };
  const entries: ZipEntry[] = [{ path: BUNDLE_FILE, data: bundle.code }, ...files.map(readEntry)];
  return { zip: createZip(entries), diagnostics };
}

function readEntry(file: FileSource): ZipEntry {
  return { path: file.zipPath, data: fs.readFileSync(file.diskPath), executable: file.executable };
}

/** Two files for one zip path (a vendor/ file named like the bundle or a package, say). */
function findClashes(projectDir: string, files: readonly FileSource[]): Diagnostic[] {
  const taken = new Set([BUNDLE_FILE]);
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    if (taken.has(file.zipPath)) {
      diagnostics.push(error('APPC406', `two files would be ${file.zipPath} in deployment.zip (one of them is ${path.relative(projectDir, file.diskPath)})`,
        'Rename or remove the file in vendor/ that collides with the bundle, lib/ or node_modules/.'));
    }
    taken.add(file.zipPath);
  }
  return diagnostics;
}
