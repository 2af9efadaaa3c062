import { builtinModules } from 'node:module';
import * as path from 'node:path';
import type { Metafile, OnResolveArgs, OnResolveResult, Plugin, PluginBuild } from 'esbuild';
import { denyRuleFor } from './deny-list';
import { isInside, posixRelative } from './project-files';

/** What the app's own code may import (README "appc package"). */
export interface ImportPolicy {
  /** The project's real directory: importers inside it (outside node_modules) are the app's code. */
  projectReal: string;
  /** The project's package.json `dependencies` and `optionalDependencies`. */
  declared: readonly string[];
  /** `@aws-sdk/*` comes from the Lambda runtime (config `bundle_aws_sdk` false). */
  awsSdkProvided: boolean;
}

/** Set by the plugin on its own `build.resolve` calls, so it does not check them twice. */
const SELF = Symbol.for('appc.import-policy');
const BUILTINS = new Set(builtinModules);

/**
 * Checks every import of the app's own modules as esbuild resolves it: a package must be
 * in package.json `dependencies` (Node built-ins, `appc` and, unless bundled, `@aws-sdk/*`
 * excepted), so nothing is bundled from appc's own or a devDependency's node_modules; and
 * no import may resolve to a file the deny list keeps out of deployment.zip (it would be
 * inlined into app.js). Violations are esbuild errors at the import, carrying their code.
 */
export function importPolicyPlugin(policy: ImportPolicy): Plugin {
  return {
    name: 'appc-import-policy',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) =>
        args.pluginData === SELF || !isAppCode(policy, args) ? undefined : check(build, policy, args),
      );
    },
  };
}

async function check(
  build: PluginBuild,
  policy: ImportPolicy,
  args: OnResolveArgs,
): Promise<OnResolveResult | undefined> {
  const name = packageName(args.path);
  if (name !== undefined && isAllowedPackage(policy, name)) return undefined;
  const resolved = await build.resolve(args.path, {
    kind: args.kind,
    importer: args.importer,
    resolveDir: args.resolveDir,
    pluginData: SELF,
  });
  if (resolved.errors.length > 0 || resolved.external || !path.isAbsolute(resolved.path)) return undefined;
  const ownFile = isOwnFile(policy, resolved.path);
  if (name !== undefined && !ownFile) return notDeclared(name);
  const relative = posixRelative(policy.projectReal, resolved.path);
  const rule = ownFile ? denyRuleFor(relative, false) : undefined;
  if (rule) {
    return failure(
      'APPC421',
      `this imports ${relative}, a ${rule.reason} that deployment.zip never contains: it would be bundled into app.js`,
      `Do not ship it in code: read it at run time from AWS Secrets Manager, SSM Parameter Store or an environment variable.`,
    );
  }
  const { path: file, namespace, sideEffects, suffix } = resolved;
  return { path: file, namespace, sideEffects, suffix };
}

/**
 * Whether `importPolicyPlugin` could reject an import of a build made without it, from the
 * build's metafile (`workingDir` is its absWorkingDir): an app module imports a package that
 * is not allowed, or a file of the project the deny list keeps out is bundled. The plugin
 * asks esbuild to resolve each import of the app's code once more, several round trips
 * between esbuild and this process each; a clean build needs none of them, and a build this
 * flags is made again with the plugin, whose errors locate each import.
 * @example mayBreakImportPolicy(policy, result.metafile, projectDir) // false: the build stands
 */
export function mayBreakImportPolicy(policy: ImportPolicy, metafile: Metafile, workingDir: string): boolean {
  for (const [input, { imports }] of Object.entries(metafile.inputs)) {
    const file = input === STDIN_INPUT ? undefined : path.resolve(workingDir, input);
    if (file !== undefined && !isOwnFile(policy, file)) continue;
    if (file !== undefined && denyRuleFor(posixRelative(policy.projectReal, file), false)) return true;
    for (const { original, path: imported } of imports) {
      if (original === undefined && imported === ESBUILD_HELPERS) continue;
      const name = original === undefined ? '' : packageName(original);
      if (name !== undefined && !isAllowedPackage(policy, name)) return true;
    }
  }
  return false;
}

/**
 * How a metafile names a build's `stdin` module (appc's generated entry), and esbuild's own helpers (`__name`, ...).
 */
const STDIN_INPUT = '<stdin>';
const ESBUILD_HELPERS = '<runtime>';

function isOwnFile(policy: ImportPolicy, file: string): boolean {
  return isInside(policy.projectReal, file) && !file.split(path.sep).includes('node_modules');
}

/** The importer is one of the app's modules (or appc's generated entry), not a package's or appc's runtime. */
function isAppCode(policy: ImportPolicy, args: OnResolveArgs): boolean {
  if (args.kind === 'entry-point') return false;
  if (!path.isAbsolute(args.importer)) return true;
  return isOwnFile(policy, args.importer);
}

function isAllowedPackage(policy: ImportPolicy, name: string): boolean {
  if (name === 'appc' || BUILTINS.has(name) || name.startsWith('node:')) return true;
  if (policy.awsSdkProvided && name.startsWith('@aws-sdk/')) return true;
  return policy.declared.includes(name);
}

/**
 * The package an import names (`@scope/pkg/sub` -> `@scope/pkg`, `fs/promises` -> `fs`
 * is a built-in), or `undefined` for a path (`./x`, `/abs`, `#internal`).
 */
export function packageName(specifier: string): string | undefined {
  if (specifier.startsWith('node:')) return specifier;
  if (/^[./#]/.test(specifier) || path.isAbsolute(specifier)) return undefined;
  if (BUILTINS.has(specifier)) return specifier;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function notDeclared(name: string): OnResolveResult {
  return failure(
    'APPC420',
    `package ${name} is imported but is not in package.json \`dependencies\`: it would be bundled from wherever it happens to be installed`,
    `Run \`npm install --save ${name}\` so it is a production dependency.`,
  );
}

function failure(code: string, text: string, remedy: string): OnResolveResult {
  return { errors: [{ text, detail: { code, remedy } }] };
}
