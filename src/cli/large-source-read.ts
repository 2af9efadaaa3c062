import { isAscii } from 'node:buffer';
import Module from 'node:module';
import fs = require('node:fs');

type LoadModule = (this: unknown, module: Module, filename: string) => unknown;

/** Smaller modules gain less than the extra stat costs. */
const LARGE_BYTES = 1024 * 1024;

/**
 * Node 20's loader reads a module with `fs.readFileSync(file, 'utf8')`, and decoding TypeScript's
 * 9 MB as UTF-8 takes about 0.15 s; the same bytes read as a Buffer and, when they are all ASCII,
 * decoded as Latin-1 (the same string) take about a third of that. For a large `.js` module that
 * `eligible` accepts, the loader's own `fs.readFileSync(file, 'utf8')` inside Node's `.js` handler
 * returns that string, once; everything else about loading (package.json `type`, require(esm)) stays
 * Node's. Used with the Node 20 code cache only (compile-cache.ts); Node 22+ reads modules natively.
 */
export function installLargeSourceRead(eligible: (filename: string) => boolean): void {
  const extensions = (Module as unknown as { _extensions: Record<string, LoadModule> })._extensions;
  const load = extensions['.js'];
  extensions['.js'] = function loadLargeSource(this: unknown, module: Module, filename: string) {
    const source = eligible(filename) ? largeSource(filename) : undefined;
    if (source === undefined) return load.call(this, module, filename);
    const read = fs.readFileSync;
    const readOnce = function (this: unknown, ...args: unknown[]) {
      if (args[0] !== filename || !isUtf8(args[1])) return (read as (...all: unknown[]) => unknown).apply(this, args);
      fs.readFileSync = read;
      return source;
    };
    fs.readFileSync = readOnce as typeof fs.readFileSync;
    try {
      return load.call(this, module, filename);
    } finally {
      fs.readFileSync = read;
    }
  };
}

/** The module's text when it is large, read as fs.readFileSync(file, 'utf8') would; undefined otherwise. */
function largeSource(filename: string): string | undefined {
  try {
    if (fs.statSync(filename).size < LARGE_BYTES) return undefined;
    const bytes = fs.readFileSync(filename);
    return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  } catch {
    return undefined;
  }
}

function isUtf8(options: unknown): boolean {
  const encoding = typeof options === 'string' ? options : (options as { encoding?: unknown } | undefined)?.encoding;
  return encoding === 'utf8' || encoding === 'utf-8';
}
