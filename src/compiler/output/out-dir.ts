import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OutputCode } from './codes';

/** Files `appc package` writes to OUT; OUT holding anything else is not appc's directory. */
export const APPC_OUTPUTS: readonly string[] = [
  'sam.json',
  'sam.yaml',
  'swagger.json',
  'deployment.zip',
  'layer-deployment.zip',
];

/** Why OUT cannot be used; `usage` problems exit 2 (bad arguments), the others 1. */
export interface OutProblem {
  code: OutputCode;
  kind: 'usage' | 'filesystem';
  message: string;
  remedy: string;
}

const NEW_DIR = 'Pass the path of a new or empty directory, or of a previous output of appc package, as OUT.';

/**
 * Checks OUT before anything is built: not empty, not a file or below one, not the project
 * directory or one of its parents (OUT is replaced whole), holding only appc's outputs.
 * `shown` is OUT as the user wrote it, for messages.
 */
export function outDirProblem(
  shown: string,
  projectDir: string,
  outputs: readonly string[] = APPC_OUTPUTS,
): OutProblem | undefined {
  if (shown.trim() === '')
    return usage('APPC440', 'OUT is empty', 'Pass the path of a directory as OUT, e.g. appc package out.');
  const out = realOutPath(path.resolve(shown));
  if ('problem' in out) return out.problem;
  const project = realpathOr(projectDir);
  if (out.path === project || project.startsWith(out.path.endsWith(path.sep) ? out.path : out.path + path.sep)) {
    const what = out.path === project ? 'is the project directory' : `contains the project directory ${project}`;
    return usage(
      'APPC442',
      `OUT ${shown} ${what}; appc replaces OUT as a whole`,
      'Pass a directory of its own as OUT, e.g. out inside the project.',
    );
  }
  return out.exists ? foreignEntries(shown, out.path, outputs) : undefined;
}

/**
 * OUT with symbolic links resolved (a link to a directory is followed: the directory it names is replaced),
 * or the problem with its path: a file, or below one.
 */
export function realOutPath(out: string): { path: string; exists: boolean } | { problem: OutProblem } {
  const missing: string[] = [];
  let existing = out;
  for (;;) {
    const stat = statOrUndefined(existing);
    if (stat) {
      if (!stat.isDirectory()) {
        const message =
          missing.length === 0 ? `OUT ${out} is a file` : `OUT ${out} is below ${existing}, which is a file`;
        return { problem: usage('APPC441', message, NEW_DIR) };
      }
      break;
    }
    const parent = path.dirname(existing);
    if (parent === existing) break;
    missing.unshift(path.basename(existing));
    existing = parent;
  }
  return { path: path.join(realpathOr(existing), ...missing), exists: missing.length === 0 };
}

/** OUT holds only regular files named like the command's `outputs`; anything else would be deleted by the swap. */
export function foreignEntries(
  shown: string,
  outDir: string,
  outputs: readonly string[] = APPC_OUTPUTS,
): OutProblem | undefined {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(outDir, { withFileTypes: true });
  } catch (e) {
    return filesystemProblem(e, outDir);
  }
  const foreign = entries
    .filter((entry) => !outputs.includes(entry.name) || !entry.isFile())
    .map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name));
  if (foreign.length === 0) return undefined;
  const listed = foreign.sort().slice(0, 5).join(', ') + (foreign.length > 5 ? `, and ${foreign.length - 5} more` : '');
  return usage(
    'APPC443',
    `OUT ${shown} holds ${listed}, which appc did not write; appc replaces OUT as a whole and would delete them`,
    `Move them out of ${shown}, or pass another directory as OUT.`,
  );
}

/** An fs error (EACCES, ENOSPC, EISDIR, EEXIST, ...) while writing OUT, as a problem naming the path. */
export function filesystemProblem(e: unknown, fallbackPath: string): OutProblem {
  const cause = e as NodeJS.ErrnoException;
  const where = cause.path ?? fallbackPath;
  const reason = cause.code ? `${cause.code}, ${ERRNO_WORDS[cause.code] ?? cause.message}` : cause.message;
  return {
    code: 'APPC444',
    kind: 'filesystem',
    message: `cannot write ${where} (${reason}); OUT was left as it was`,
    remedy: ERRNO_REMEDIES[cause.code ?? ''] ?? 'Fix the path and run again.',
  };
}

/** What the errno codes appc meets mean, in words. */
export const ERRNO_WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'is a directory',
  EEXIST: 'already exists',
  ENOTEMPTY: 'directory not empty',
  ELOOP: 'too many levels of symbolic links (a symlink loop)',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'file name too long',
  EBUSY: 'resource busy',
  EXDEV: 'OUT and its parent are on different devices',
};

const ERRNO_REMEDIES: Record<string, string> = {
  EACCES: 'Make the directory writable for this user, or pass another OUT.',
  EPERM: 'Make the directory writable for this user, or pass another OUT.',
  EROFS: 'Pass an OUT on a writable file system.',
  ENOSPC: 'Free some space on the device, or pass an OUT on another one.',
  EDQUOT: 'Free some space within your quota, or pass an OUT on another device.',
  EISDIR: 'Remove the directory in the way, or pass another OUT.',
  EEXIST: 'Remove what is in the way, or pass another OUT.',
  ENOTDIR: 'Remove the file in the way, or pass another OUT.',
};

function usage(code: OutputCode, message: string, remedy: string): OutProblem {
  return { code, kind: 'usage', message, remedy };
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

function realpathOr(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}
