import { error, type Diagnostic } from '../diagnostics/diagnostic';

/**
 * Lambda's quota for a function's deployment package unzipped, layers and custom runtimes
 * included: 250 MB, i.e. 262,144,000 bytes ("Lambda quotas", AWS Lambda Developer Guide,
 * https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).
 */
export const UNZIPPED_LIMIT = 250 * 1024 * 1024;

/** One file of the zip, by its path and size in bytes. */
export interface SizedFile {
  zipPath: string;
  size: number;
}

/** How many of the biggest contributors the diagnostic names. */
const SHOWN = 5;

/**
 * An error when the zip's files add up to more than `limit` bytes, naming the limit, the
 * total and the biggest contributors (a package under node_modules, a top folder of lib/,
 * a file at the root).
 */
export function checkUnzippedSize(files: readonly SizedFile[], limit = UNZIPPED_LIMIT): Diagnostic[] {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total <= limit) return [];
  const byPart = new Map<string, number>();
  for (const file of files)
    byPart.set(contributor(file.zipPath), (byPart.get(contributor(file.zipPath)) ?? 0) + file.size);
  const biggest = [...byPart].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, SHOWN);
  const list = biggest.map(([part, size]) => `${part} ${formatSize(size)}`).join(', ');
  return [
    error(
      'APPC426',
      `deployment.zip unzips to ${formatSize(total)} (${total} bytes), over Lambda's limit of ${formatSize(limit)} (${limit} bytes) for a function's code and layers unzipped; the biggest parts: ${list}`,
      'Move large assets to S3, drop unused dependencies, or ship the app as a container image (up to 10 GB).',
    ),
  ];
}

/** What a file counts towards: its top package (`node_modules/<pkg>/`), lib/'s or the root's top folder, or itself. */
export function contributor(zipPath: string): string {
  const parts = zipPath.split('/');
  if (parts[0] === 'node_modules' && parts.length > 2)
    return `${parts.slice(0, parts[1].startsWith('@') ? 3 : 2).join('/')}/`;
  if (parts[0] === 'lib' && parts.length > 2) return `lib/${parts[1]}/`;
  return parts.length > 1 && parts[0] !== 'lib' ? `${parts[0]}/` : zipPath;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}
