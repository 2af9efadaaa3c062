/**
 * Writes `dist/cli/appc-cli.js`: the command line (dist/cli/main.js and every module of appc it
 * loads) as one CommonJS file, which bin/appc.js loads when it is there. Loading appc's ~190 small
 * modules one by one costs more than the work of packaging a small app (each is resolved, stat'ed,
 * read and wrapped); one file costs one of each. Packages stay outside (`require`d as before), but
 * TypeScript is required as its minified copy, dist/vendor/typescript.js, which the build writes first
 * (minified-typescript.ts). Each bundled module keeps its own `__dirname`, so the paths it computes
 * from it are unchanged. `npm run build` runs it after tsc:
 *   node dist/cli/cli-bundle.js
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { MINIFIED_TYPESCRIPT, TYPESCRIPT_MODULE, writeMinifiedTypescript } from './minified-typescript';

/** The bundle, relative to dist/. */
export const CLI_BUNDLE = path.join('cli', 'appc-cli.js');

/** The bundle's own `__dirname`, under a name no module uses. */
const BUNDLE_DIR = '__appc_bundle_dir';

/**
 * Bundles `distDir`'s command line (tsc's output) into `distDir/cli/appc-cli.js`, replacing the old
 * bundle in one rename, so that a concurrent `appc` loads the old one or the new one, whole.
 */
export async function bundleCli(distDir: string): Promise<void> {
  const outfile = path.join(distDir, CLI_BUNDLE);
  const result = await build({
    entryPoints: [path.join(distDir, 'cli', 'main.js')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    legalComments: 'none',
    logLevel: 'warning',
    // Strict as each module is (tsc emits "use strict" in each); `__appc_bundle_dir` is for ownDirnamePlugin.
    banner: { js: `"use strict";\nconst ${BUNDLE_DIR} = __dirname;` },
    plugins: [minifiedTypescriptPlugin(distDir, path.dirname(outfile)), ownDirnamePlugin(path.dirname(outfile))],
    write: false,
  });
  const temporary = `${outfile}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, result.outputFiles[0].contents);
  fs.renameSync(temporary, outfile);
}

/** Points the bundle's `require` of TypeScript at the minified copy (minified-typescript.ts). */
function minifiedTypescriptPlugin(distDir: string, bundleDir: string): Plugin {
  const relative = path.relative(bundleDir, path.join(distDir, MINIFIED_TYPESCRIPT)).split(path.sep).join('/');
  return {
    name: 'appc-minified-typescript',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /typescript\.js$/ }, (args) =>
        args.path === TYPESCRIPT_MODULE
          ? { path: relative.startsWith('.') ? relative : `./${relative}`, external: true }
          : undefined,
      );
    },
  };
}

/**
 * Gives each module that uses `__dirname` or `__filename` its own again: in the bundle both name
 * the bundle's, and e.g. runtime-location.ts finds the runtime relative to its own folder. The
 * declarations go after the `"use strict"` directive tsc emits first, which must stay first.
 */
function ownDirnamePlugin(bundleDir: string): Plugin {
  return {
    name: 'appc-own-dirname',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /\.js$/ }, (args) => {
        const text = fs.readFileSync(args.path, 'utf8');
        if (!/\b__(dirname|filename)\b/.test(text) || path.dirname(args.path) === bundleDir) return undefined;
        const dir = path.relative(bundleDir, path.dirname(args.path)).split(path.sep).join('/');
        const own =
          `const __dirname = require("node:path").join(${BUNDLE_DIR}, ${JSON.stringify(dir)});` +
          ` const __filename = require("node:path").join(__dirname, ${JSON.stringify(path.basename(args.path))});`;
        const strict = /^"use strict";\n/.exec(text);
        const at = strict ? strict[0].length : 0;
        return { contents: `${text.slice(0, at)}${own}\n${text.slice(at)}`, loader: 'js' };
      });
    },
  };
}

if (require.main === module) {
  const dist = path.resolve(__dirname, '../../dist');
  writeMinifiedTypescript(dist)
    .then(() => bundleCli(dist))
    .catch((error: Error) => {
      process.stderr.write(`cli-bundle: ${error.message}\n`);
      process.exitCode = 1;
    });
}
