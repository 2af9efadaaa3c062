import * as fs from 'node:fs';
import * as path from 'node:path';
import { appcVersion } from '../compiler/version';
import { appcDependency, appcSource } from '../templates/appc-source';
import { newProjectFiles, type ProjectDependencies } from '../templates/new-project';
import { parseCommandArgs } from './command-args';
import type { Io } from './package-command';
import { UsageError } from './usage';

export const NEW_PROJECT_HELP = `Usage: appc new-project NAME

Creates the directory NAME with a working app: app.ts (one route), test/app.test.ts, package.json
(scripts local, package and test), tsconfig.json, .appc/config.json, .gitignore and README.md.
NAME is also the app's name. An existing NAME is left untouched.

package.json depends on the appc that runs this command: a checkout or an npm pack tarball as a
file: dependency, an appc from a registry by version; typescript, @types/node and tsx (for
npm test) are devDependencies, pinned as appc pins them.

Options:
  -h, --help   show this help
`;

/** Letters, digits, `-` and `_`: a directory name, and a Lambda function name once the stage is added. */
const APP_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** `appc new-project NAME`: 0 when created, 1 when NAME exists, 2 on bad usage. */
export async function newProjectCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.stdout.write(NEW_PROJECT_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('appc new-project needs exactly one NAME');
  const [name] = positionals;
  if (!APP_NAME.test(name))
    throw new UsageError(`NAME must be letters, digits, - and _ (starting with a letter or digit), not '${name}'`);
  const dir = path.resolve(name);
  if (fs.existsSync(dir)) {
    io.stderr.write(
      `appc: ${name} already exists; appc new-project only creates a new directory. Pick another name or remove it.\n`,
    );
    return 1;
  }
  // Written in a sibling temp directory, then renamed: NAME appears whole or not at all.
  const staging = fs.mkdtempSync(path.join(path.dirname(dir), `.${name}-`));
  try {
    for (const file of newProjectFiles(name, projectDependencies(dir))) {
      const target = path.join(staging, ...file.path.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, file.text);
    }
    fs.renameSync(staging, dir);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  io.stdout.write(`Created ${name}/. Next:\n  cd ${name}\n  npm install\n  npx appc local\n`);
  return 0;
}

/** appc as the running appc was installed, and the devDependencies at appc's own versions. */
function projectDependencies(projectDir: string): ProjectDependencies {
  const root = path.resolve(__dirname, '../..');
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
  };
  const pinned = manifest.devDependencies ?? {};
  const dev: Record<string, string> = {};
  for (const name of ['@types/node', 'tsx', 'typescript']) if (pinned[name]) dev[name] = pinned[name];
  return { appc: appcDependency(appcSource(fs.realpathSync(root)), projectDir, appcVersion()), dev };
}
