import { error, type Diagnostic } from '../diagnostics/diagnostic';
import type { Exclusion } from './project-files';

/** One of the app's source files: its project-relative path and text. */
export interface AppSource {
  file: string;
  text: string;
}

const STRING_LITERAL = /(['"`])((?:(?!\1)[^\\\n]|\\.)*)\1/g;
/** A module specifier: esbuild resolves it, and the import policy reports it (APPC421). */
const SPECIFIER_BEFORE = /(\bfrom|\bimport|\brequire\s*\()\s*\(?\s*$/;

/**
 * The app naming, in a string literal, a file of lib/ or vendor/ that the deny list left
 * out (`readFileSync(join(__dirname, 'lib', '.env'))`, `require('./lib/id_rsa')`): it
 * would be missing at run time, so this is an error rather than a silent drop.
 * A literal names an entry when it equals the entry's path in the zip, or one of its
 * trailing parts (`id_rsa`, `keys/id_rsa`), or a path below a denied directory.
 */
export function checkNamedDeniedFiles(sources: readonly AppSource[], excluded: readonly Exclusion[]): Diagnostic[] {
  const denied = excluded.filter((e) => e.denied);
  if (denied.length === 0) return [];
  const diagnostics: Diagnostic[] = [];
  for (const { file, text } of sources) {
    for (const match of text.matchAll(STRING_LITERAL)) {
      const literal = match[2].replace(/^(\.\/|\/)+/, '').replace(/\/+$/, '');
      const index = match.index ?? 0;
      if (SPECIFIER_BEFORE.test(text.slice(Math.max(0, index - 20), index))) continue;
      const hit = literal && denied.find((entry) => names(entry.path, literal));
      if (!hit) continue;
      diagnostics.push(
        error(
          'APPC429',
          `this names ${hit.path}, which deployment.zip leaves out (${hit.reason}): the app would not find it on Lambda`,
          'Do not ship secrets with the code: read them at run time from AWS Secrets Manager, SSM Parameter Store or an environment variable.',
          locationOf(file, text, index + 1, match[2].length),
        ),
      );
    }
  }
  return diagnostics;
}

/** The entry's path as the app sees it: `lib/...` stays, `vendor/x` is `x` at the zip's root. */
function names(shown: string, literal: string): boolean {
  const zipPath = shown.startsWith('vendor/') ? shown.slice('vendor/'.length) : shown;
  const segments = zipPath.replace(/\/$/, '').split('/');
  for (let k = 1; k <= segments.length; k++) {
    const tail = segments.slice(-k).join('/');
    if (literal === tail || literal.startsWith(`${tail}/`)) return true;
  }
  return false;
}

function locationOf(file: string, text: string, offset: number, length: number) {
  const before = text.slice(0, offset).split('\n');
  return { file, line: before.length, column: before[before.length - 1].length + 1, length: Math.max(1, length) };
}
