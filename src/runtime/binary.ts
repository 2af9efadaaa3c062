/** Chalice's default binary media types, in Chalice's order. */
export const DEFAULT_BINARY_TYPES: readonly string[] = [
  'application/octet-stream', 'application/x-tar', 'application/zip', 'audio/basic',
  'audio/ogg', 'audio/mp4', 'audio/mpeg', 'audio/wav', 'audio/webm', 'image/png',
  'image/jpg', 'image/jpeg', 'image/gif', 'video/ogg', 'video/mpeg', 'video/webm',
];

/** `'Application/JSON; charset=utf-8'` -> `'application/json'`. */
export function baseMimeType(contentType: string): string {
  const semi = contentType.indexOf(';');
  return (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
}

/**
 * True when any of the comma-separated types in `header` (a Content-Type or an
 * Accept value) is one of `types`, or is `*` + `/` + `*` (Chalice's `_matches_content_type`).
 */
export function matchesContentType(header: string, types: readonly string[]): boolean {
  for (const part of header.split(',')) {
    const mime = baseMimeType(part);
    if (mime === '*/*' || types.includes(mime)) return true;
  }
  return false;
}
