import * as fs from 'node:fs';
import * as path from 'node:path';
import { crc32 } from 'node:zlib';

/** What a cached entry was made from: it is used only for the very same source, by the very same V8. */
export interface SourceKey {
  /** The module's absolute path. */
  file: string;
  /** The source's length in UTF-16 units and its file's mtime. */
  length: number;
  mtimeMs: number;
  /** `process.versions.v8`: V8 rejects another version's data, and the check is cheaper here. */
  v8: string;
}

interface Header extends SourceKey {
  /** The data's byte length and CRC-32. */
  size: number;
  crc: number;
}

/** `APPCV8C` and a format number; a file that does not start with it is not ours. */
const MAGIC = Buffer.from('APPCV8C1');

/** The cache file of one module: its base name (for a reader of the directory) and a hash of its full path. */
export function cacheFileFor(dir: string, file: string): string {
  return path.join(dir, `${path.basename(file)}-${crc32(file).toString(16).padStart(8, '0')}.v8cache`);
}

/**
 * The V8 code cache stored for `key`, or undefined when there is none or it is for another
 * source, another V8, truncated or corrupt. Release builds of V8 do not checksum code cache
 * data (`--verify-snapshot-checksum` is on in debug builds only), so the CRC here is what
 * keeps damaged bytes away from the deserializer.
 */
export function readCodeCache(cacheFile: string, key: SourceKey): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const headerEnd = MAGIC.length + 4 + bytes.readUInt32LE(MAGIC.length);
  if (headerEnd > bytes.length) return undefined;
  const header = parseHeader(bytes.subarray(MAGIC.length + 4, headerEnd));
  if (!header || !sameSource(header, key)) return undefined;
  const data = bytes.subarray(headerEnd);
  return data.length === header.size && crc32(data) === header.crc ? data : undefined;
}

/** Stores `data` for `key`, atomically (a temporary file renamed over the old one); false when it could not. */
export function writeCodeCache(cacheFile: string, key: SourceKey, data: Buffer): boolean {
  const header: Header = {
    file: key.file,
    length: key.length,
    mtimeMs: key.mtimeMs,
    v8: key.v8,
    size: data.length,
    crc: crc32(data),
  };
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const temporary = `${cacheFile}.${process.pid}-${Date.now().toString(36)}.tmp`;
  try {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    fs.writeFileSync(temporary, Buffer.concat([MAGIC, length, json, data]));
    fs.renameSync(temporary, cacheFile);
    return true;
  } catch {
    removeQuietly(temporary);
    return false;
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Its directory is what failed: there is nothing to remove.
  }
}

function parseHeader(bytes: Buffer): Header | undefined {
  try {
    const header = JSON.parse(bytes.toString('utf8')) as Partial<Header> | null;
    return header && typeof header.size === 'number' && typeof header.crc === 'number' ? (header as Header) : undefined;
  } catch {
    return undefined;
  }
}

function sameSource(header: Header, key: SourceKey): boolean {
  return (
    header.file === key.file && header.length === key.length && header.mtimeMs === key.mtimeMs && header.v8 === key.v8
  );
}
