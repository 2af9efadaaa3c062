import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: string | undefined;

/** appc's own version, from its package.json (two levels up from both src/compiler and dist/compiler). */
export function appcVersion(): string {
  cached ??= (JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string })
    .version;
  return cached;
}
