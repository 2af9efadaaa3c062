import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { appcVersion } from '../compiler/version';
import { newProjectFiles } from '../templates/new-project';
import type { Io } from './package-command';
import { UsageError } from './usage';

export const NEW_PROJECT_HELP = `Usage: appc new-project NAME

Creates the directory NAME with a working app: app.ts (one route), package.json (appc as a
dependency; scripts local, package and test), tsconfig.json, .appc/config.json, .gitignore
and README.md. NAME is also the app's name. An existing NAME is left untouched.

Options:
  -h, --help   show this help
`;

/** Letters, digits, `-` and `_`: a directory name, and a Lambda function name once the stage is added. */
const APP_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** `appc new-project NAME`: 0 when created, 1 when NAME exists, 2 on bad usage. */
export async function newProjectCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' } },
  });
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
    for (const file of newProjectFiles(name, appcVersion())) {
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
