import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { compareStrings } from './zip';

/**
 * A zip's contents as text, one line per file `<path> <size> <sha256>`, sorted by path:
 * what golden files compare instead of raw bytes.
 */
export function zipManifest(zip: Uint8Array): string {
  const files = unzipSync(zip);
  const lines = Object.keys(files)
    .filter((path) => !path.endsWith('/'))
    .sort(compareStrings)
    .map((path) => `${path} ${files[path].length} ${createHash('sha256').update(files[path]).digest('hex')}`);
  return lines.map((line) => `${line}\n`).join('');
}
