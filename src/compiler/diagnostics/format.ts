import type { SourceLocation } from '../model/app-model';
import type { Diagnostic } from './diagnostic';

export interface FormatOptions {
  /** Source text of a project file, for the code frame; `undefined` if unreadable. */
  readSource(file: string): string | undefined;
  color: boolean;
}

const ANSI = {
  red: '\x1b[31m',
  yellow: '\x1b[33m',
  cyan: '\x1b[36m',
  gray: '\x1b[90m',
  bold: '\x1b[1m',
  reset: '\x1b[0m',
};

/* eslint-disable max-len -- the example quotes a line of output whole */
/**
 * One diagnostic as a person reads it, its related locations indented below it (as
 * TypeScript prints "The expected type comes from ..."), the remedy last:
 * ```
 * app.ts:12:11 - error APPC203: route path must be a string known at compile time: a function call is not evaluated at compile time
 *   12 | app.route(base, () => ({}))
 *      |           ^^^^
 *   app.ts:4:14 - 'base' gets its value here
 *     4 | const base = paths.users();
 *       |              ^^^^^^^^^^^^^
 *   Use a string literal, a const, or a template literal of consts.
 * ```
 */
/* eslint-enable max-len */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions): string {
  const paint = (style: keyof typeof ANSI, text: string) =>
    options.color ? `${ANSI[style]}${text}${ANSI.reset}` : text;
  const where = d.location ? `${d.location.file}:${d.location.line}:${d.location.column} - ` : '';
  const severity = paint(d.severity === 'error' ? 'red' : 'yellow', d.severity);
  const lines = [`${paint('cyan', where)}${severity} ${paint('gray', d.code)}: ${d.message}`];
  const frame = d.location && codeFrame(options.readSource(d.location.file), d.location);
  if (frame) lines.push(...frame);
  for (const { message, location } of d.related ?? []) {
    lines.push(`  ${paint('cyan', `${location.file}:${location.line}:${location.column}`)} - ${message}`);
    lines.push(...(codeFrame(options.readSource(location.file), location) ?? []).map((line) => `  ${line}`));
  }
  for (const frame of d.trace ?? []) lines.push(`    ${paint('gray', frame)}`);
  if (d.remedy) lines.push(`  ${d.remedy}`);
  return lines.join('\n');
}

/** Every diagnostic, a blank line between them, then a count. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const parts = diagnostics.map((d) => formatDiagnostic(d, options));
  const counts = [plural(errors, 'error'), warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
  return `${parts.join('\n\n')}\n\nFound ${counts}.\n`;
}

function codeFrame(source: string | undefined, { line, column, length }: SourceLocation): string[] | undefined {
  if (source === undefined) return undefined;
  const text = source.split(/\r?\n/)[line - 1];
  if (text === undefined) return undefined;
  const { shown, start, end, offset } = frameWindow(text, column);
  const gutter = String(line);
  const pad = ' '.repeat(gutter.length);
  const underline = Math.max(1, Math.min(length, end - (column - 1)));
  return [
    `  ${gutter} | ${shown}`,
    `  ${pad} | ${' '.repeat(Math.max(0, column - 1 - start + offset))}${'^'.repeat(underline)}`,
  ];
}

/** Longer lines (generated code, minified data) are cut around the column, `…` marking the cuts. */
const MAX_FRAME_WIDTH = 120;

function frameWindow(text: string, column: number): { shown: string; start: number; end: number; offset: number } {
  if (text.length <= MAX_FRAME_WIDTH) return { shown: text, start: 0, end: text.length, offset: 0 };
  const start = Math.max(0, Math.min(column - 1 - 20, text.length - MAX_FRAME_WIDTH));
  const end = Math.min(text.length, start + MAX_FRAME_WIDTH);
  const head = start > 0 ? '…' : '';
  return { shown: `${head}${text.slice(start, end)}${end < text.length ? '…' : ''}`, start, end, offset: head.length };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Colours only on a TTY, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in env && env.NO_COLOR !== '');
}
