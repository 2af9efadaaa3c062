import * as fs from 'node:fs';
import * as path from 'node:path';
import { error, hasErrors, type Diagnostic } from '../diagnostics/diagnostic';
import type { AppModel } from '../model/app-model';
import { bundleApp, BUNDLE_FILE, type Bundle, type BundleResult } from './bundle-app';
import { collectDependencies } from './dependencies';
import { checkNamedDeniedFiles, type AppSource } from './named-denied-files';
import { collectPackageFiles } from './package-files';
import { collectProjectFiles, unreadable, type Exclusion, type FileSource } from './project-files';
import { checkUnzippedSize, UNZIPPED_LIMIT } from './unzipped-size';
import { compareStrings, createZip, type ZipEntry } from './zip';

export interface DeploymentZipOptions {
  projectDir: string;
  model: AppModel;
  /** Config `bundle_aws_sdk`: ship `@aws-sdk/*` instead of using the Lambda runtime's. */
  bundleAwsSdk: boolean;
  /** Config `automatic_layer`: the dependencies go to the layer zip instead. */
  automaticLayer?: boolean;
  /** OUT: never packed, wherever it is (even inside lib/ or vendor/). */
  outDir?: string;
  /** The unzipped size limit in bytes; Lambda's 250 MB unless a test says otherwise. */
  unzippedLimit?: number;
  /** esbuild's target, from the functions' `lambda_runtime` (see `bundleTarget`); default the newest runtime's. */
  target?: `node${number}`;
  /** Config `lambda_source_maps`: app.js.map beside app.js. */
  sourceMap?: boolean;
}

export interface DeploymentZip {
  /** The zip's bytes; empty when `diagnostics` has errors. */
  zip: Uint8Array;
  /** layer-deployment.zip with `automatic_layer`, when the app has dependencies to put in it. */
  layerZip?: Uint8Array;
  diagnostics: Diagnostic[];
  /** What was left out of lib/, vendor/ and the dependencies, and why (`appc package --verbose`). */
  excluded: Exclusion[];
}

/**
 * deployment.zip (README "appc package"): the app and runtime as `app.js` (SAM Handlers are `app.<LogicalId>`) and,
 * with `sourceMap`, its map `app.js.map`, `lib/` assets,
 * `vendor/` contents at the root, and the production dependency closure under
 * `node_modules/` (each package as `npm pack` would publish it); never a file of the deny
 * list, a symlink out of the project, or OUT; byte-identical for the same project wherever it is.
 */
export async function buildDeploymentZip(options: DeploymentZipOptions): Promise<DeploymentZip> {
  return (await startDeploymentZip(options)).finish();
}

/** `buildDeploymentZip` under way: the bundle is being made; `finish` waits for it and zips. */
export interface PendingDeploymentZip {
  /**
   * Whether the dependencies go to layer-deployment.zip: `finish` then returns `layerZip` unless it reports errors.
   * Known before the bundle is, so that the template can be emitted while esbuild bundles.
   */
  readonly layered: boolean;
  finish(): Promise<DeploymentZip>;
}

/**
 * Starts `buildDeploymentZip`: sends the app to esbuild first, then, while its service bundles in
 * its own process, collects and reads lib/, vendor/ and the dependencies. The caller may do other
 * work before `finish` (appc package emits the template); whatever it does, the outcome is
 * `buildDeploymentZip`'s.
 */
export async function startDeploymentZip(options: DeploymentZipOptions): Promise<PendingDeploymentZip> {
  const { projectDir, model, bundleAwsSdk, target, sourceMap } = options;
  const dependencies = collectDependencies({ projectDir, bundleAwsSdk });
  const imports = {
    projectReal: fs.realpathSync(projectDir),
    declared: dependencies.declared,
    awsSdkProvided: !bundleAwsSdk,
  };
  const external = [...dependencies.declared, ...(bundleAwsSdk ? [] : ['@aws-sdk/*'])];
  const bundling = bundleApp({ projectDir, model, external, imports, target, sourceMap });
  // Awaited in finish; until then a rejection must not count as unhandled.
  bundling.catch(() => undefined);
  // esbuild sends the build request once its plugins are set up, a few promise callbacks later: let them run.
  await new Promise((resolve) => setImmediate(resolve));
  const project = collectProjectFiles({ projectDir, outDir: options.outDir });
  const packages = await collectPackageFiles(dependencies.packages);
  const excluded = [...project.excluded, ...packages.excluded].sort((a, b) => compareStrings(a.path, b.path));
  const named = checkNamedDeniedFiles(appSources(projectDir, model), project.excluded);
  const diagnostics = [...dependencies.diagnostics, ...project.diagnostics, ...packages.diagnostics, ...named];
  const files = [...project.files, ...packages.files];
  const layered = options.automaticLayer === true && packages.files.length > 0;
  // Read now, while esbuild works; what cannot be read is reported only where it always was, after the checks.
  const readDiagnostics: Diagnostic[] = [];
  // Without the bundle, whose bytes only add to the total: files over Lambda's limit are not read at all.
  const overLimit = checkUnzippedSize(files, options.unzippedLimit ?? UNZIPPED_LIMIT).length > 0;
  const read =
    hasErrors(diagnostics) || overLimit
      ? undefined
      : {
          entries: readEntries(layered ? project.files : files, projectDir, readDiagnostics),
          layerEntries: layered ? readEntries(packages.files, projectDir, readDiagnostics).map(inLayer) : [],
          diagnostics: readDiagnostics,
        };
  const collected = { files, excluded, diagnostics, read, layered };
  return { layered, finish: () => finishDeploymentZip(options, collected, bundling) };
}

/** What `startDeploymentZip` gathered while esbuild bundled; `read` is undefined when it found errors or too much. */
interface Collected {
  files: FileSource[];
  excluded: Exclusion[];
  diagnostics: Diagnostic[];
  read?: { entries: ZipEntry[]; layerEntries: ZipEntry[]; diagnostics: Diagnostic[] };
  layered: boolean;
}

async function finishDeploymentZip(
  options: DeploymentZipOptions,
  { files, excluded, diagnostics, read, layered }: Collected,
  bundling: Promise<BundleResult>,
): Promise<DeploymentZip> {
  const bundle = await bundling;
  if (!('code' in bundle)) return failed([...diagnostics, ...bundle.diagnostics], excluded);
  if (hasErrors(diagnostics)) return failed(diagnostics, excluded);
  const bundled = bundleEntries(bundle);
  const problems = [
    ...findClashes(options.projectDir, files, bundled),
    ...checkUnzippedSize(
      [...bundled.map((entry) => ({ zipPath: entry.path, size: entry.data.length })), ...files],
      options.unzippedLimit ?? UNZIPPED_LIMIT,
    ),
  ];
  if (problems.length > 0 || !read) return failed([...diagnostics, ...problems], excluded);
  const all = [...diagnostics, ...read.diagnostics];
  if (hasErrors(all)) return failed(all, excluded);
  const layerZip = layered ? { layerZip: createZip(read.layerEntries) } : {};
  return { zip: createZip([...bundled, ...read.entries]), ...layerZip, diagnostics: all, excluded };
}

/** `app.js`, and its map when there is one (the bundle's last line names it). */
function bundleEntries({ code, map }: Bundle): ZipEntry[] {
  const entries = [{ path: BUNDLE_FILE, data: code }];
  if (map) entries.push({ path: `${BUNDLE_FILE}.map`, data: new TextEncoder().encode(JSON.stringify(map)) });
  return entries;
}

/**
 * A dependency's place in the layer: Lambda extracts layers to /opt and puts
 * /opt/nodejs/node_modules on NODE_PATH for its Node.js runtimes, so `require('pkg')` from the
 * function finds it there. https://docs.aws.amazon.com/lambda/latest/dg/packaging-layers.html#packaging-layers-paths
 */
function inLayer(entry: ZipEntry): ZipEntry {
  return { ...entry, path: `nodejs/${entry.path}` };
}

function readEntries(files: readonly FileSource[], projectDir: string, diagnostics: Diagnostic[]): ZipEntry[] {
  const entries: ZipEntry[] = [];
  for (const file of files) {
    const entry = readEntry(file, projectDir);
    if ('code' in entry) diagnostics.push(entry);
    else entries.push(entry);
  }
  return entries;
}

/** The app's modules as the analyzer found them, with their text. */
function appSources(projectDir: string, model: AppModel): AppSource[] {
  return model.modules.flatMap((file) => {
    try {
      return [{ file, text: fs.readFileSync(path.join(projectDir, file), 'utf8') }];
    } catch {
      return [];
    }
  });
}

function failed(diagnostics: Diagnostic[], excluded: Exclusion[]): DeploymentZip {
  return { zip: new Uint8Array(), diagnostics, excluded };
}

function readEntry(file: FileSource, projectDir: string): ZipEntry | Diagnostic {
  try {
    return { path: file.zipPath, data: fs.readFileSync(file.diskPath), executable: file.executable };
  } catch (e) {
    return unreadable(path.relative(projectDir, file.diskPath).split(path.sep).join('/'), e);
  }
}

/** Two files for one zip path (a vendor/ file named like the bundle or a package, say). */
function findClashes(projectDir: string, files: readonly FileSource[], bundled: readonly ZipEntry[]): Diagnostic[] {
  const taken = new Set(bundled.map((entry) => entry.path));
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    if (taken.has(file.zipPath)) {
      diagnostics.push(
        error(
          'APPC406',
          `two files would be ${file.zipPath} in deployment.zip (one of them is ${path.relative(projectDir, file.diskPath)})`,
          'Rename or remove the file in vendor/ that collides with the bundle, lib/ or node_modules/.',
        ),
      );
    }
    taken.add(file.zipPath);
  }
  return diagnostics;
}
