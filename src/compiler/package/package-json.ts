import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SourceLocation } from '../model/app-model';

/** The fields of a package.json that packaging reads. */
export interface PackageManifest {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/** A dependency a package declares, and whether a missing copy is fine. */
export interface DeclaredDependency {
  name: string;
  optional: boolean;
}

export type ManifestRead = { manifest: PackageManifest; text: string } | { error: string } | undefined;

/** `<dir>/package.json`: its text and parsed contents, an error when malformed, `undefined` when absent. */
export function readManifest(dir: string): ManifestRead {
  const file = path.join(dir, 'package.json');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const manifest: unknown = JSON.parse(text);
    if (typeof manifest !== 'object' || manifest === null) return { error: 'package.json is not a JSON object' };
    return { manifest: manifest as PackageManifest, text };
  } catch (e) {
    return { error: `package.json is not valid JSON: ${(e as Error).message}` };
  }
}

/**
 * What a package needs at run time, sorted by name: `dependencies`, then
 * `optionalDependencies` and `peerDependencies` (npm installs peers; missing ones are
 * tolerated, as a peer may be optional). devDependencies never count.
 */
export function runtimeDependencies(manifest: PackageManifest): DeclaredDependency[] {
  const byName = new Map<string, DeclaredDependency>();
  for (const name of Object.keys(manifest.peerDependencies ?? {})) byName.set(name, { name, optional: true });
  for (const name of Object.keys(manifest.optionalDependencies ?? {})) byName.set(name, { name, optional: true });
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    if (!manifest.optionalDependencies?.[name]) byName.set(name, { name, optional: false });
  }
  // npm installs no other names; anything else (`../x`) could reach outside node_modules.
  return [...byName.values()]
    .filter((d) => PACKAGE_NAME.test(d.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const PACKAGE_NAME = /^(@[\w~-][\w.~-]*\/)?[\w~-][\w.~-]*$/;

/** Where the project's package.json declares `name` (its key under `dependencies`), else the file's start. */
export function locateDependency(text: string, name: string): SourceLocation {
  const key = JSON.stringify(name);
  for (const section of ['"dependencies"', '"optionalDependencies"']) {
    const start = text.indexOf(section);
    const at = start < 0 ? -1 : text.indexOf(key, start);
    if (at >= 0) return locationAt(text, at, key.length);
  }
  return { file: 'package.json', line: 1, column: 1, length: 1 };
}

function locationAt(text: string, offset: number, length: number): SourceLocation {
  const before = text.slice(0, offset).split('\n');
  return { file: 'package.json', line: before.length, column: before[before.length - 1].length + 1, length };
}
