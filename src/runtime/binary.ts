/** Chalice's default binary media types, in Chalice's order. */
export const DEFAULT_BINARY_TYPES: readonly string[] = [
  'application/octet-stream',
  'application/x-tar',
  'application/zip',
  'audio/basic',
  'audio/ogg',
  'audio/mp4',
  'audio/mpeg',
  'audio/wav',
  'audio/webm',
  'image/png',
  'image/jpg',
  'image/jpeg',
  'image/gif',
  'video/ogg',
  'video/mpeg',
  'video/webm',
];

/** `'Application/JSON; charset=utf-8'` -> `'application/json'`. */
export function baseMimeType(contentType: string): string {
  const semi = contentType.indexOf(';');
  return (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
}

/**
 * True when any of the comma-separated types in `header` (a Content-Type or an Accept
 * value, parameters ignored) is one of `types`, or when either side has `*` + `/` + `*`
 * (Chalice's `_matches_content_type`). Case-insensitive.
 */
export function matchesContentType(header: string, types: readonly string[]): boolean {
  // The common cases in one pass, without parsing: `header` is one of `types`, or either side has */*.
  let wildcard = false;
  for (const type of types) {
    if (type === header) return true;
    if (type === '*/*') wildcard = true;
  }
  if (wildcard || header.includes('*/*')) return true;
  let start = 0;
  for (;;) {
    const comma = header.indexOf(',', start);
    const mime = baseMimeType(comma === -1 ? header.slice(start) : header.slice(start, comma));
    if (includesMime(types, mime)) return true;
    if (comma === -1) return false;
    start = comma + 1;
  }
}

function includesMime(types: readonly string[], mime: string): boolean {
  for (const type of types) {
    if (type === mime || (type.length === mime.length && type.toLowerCase() === mime)) return true;
  }
  return false;
}

/** The last answer of `matchesBinaryType`, with a copy of the types it was for. */
let last: { copy: readonly string[]; contentType: string; answer: boolean } | undefined;

/**
 * `matchesContentType(contentType, types)` for a response's Content-Type against the app's binary types: the API
 * handler asks it of every answer, and an app's answers mostly have one Content-Type, so the last answer is kept
 * while `types` holds the same types (the app may change them at any time).
 */
export function matchesBinaryType(contentType: string, types: readonly string[]): boolean {
  if (last !== undefined && last.contentType === contentType && sameTypes(types, last.copy)) return last.answer;
  const answer = matchesContentType(contentType, types);
  last = { copy: last !== undefined && sameTypes(types, last.copy) ? last.copy : [...types], contentType, answer };
  return answer;
}

function sameTypes(types: readonly string[], copy: readonly string[]): boolean {
  if (types.length !== copy.length) return false;
  for (let i = 0; i < types.length; i++) if (types[i] !== copy[i]) return false;
  return true;
}

/** What `binaryTypesSetting` keeps beside an app's `api`: its binary types, and the last answer while untouched. */
interface BinaryTypesState {
  readonly types: string[];
  /** The app has read or replaced `api.binaryTypes`: it may have changed them at any time since. */
  touched: boolean;
  contentType: string | undefined;
  answer: boolean;
}

const STATE = Symbol('appc.binaryTypes');

/**
 * `{ binaryTypes }` for `app.api`: a copy of Chalice's defaults behind an own enumerable accessor, which notes the
 * first time the app reads or replaces the list. Until then nothing else holds the array, so the list is the copy it
 * started as and the API handler keeps its answer for a Content-Type (`isBinaryType`) instead of comparing the
 * list with the one it last answered for at every response (`matchesBinaryType`).
 */
export function binaryTypesSetting(): { binaryTypes: string[] } {
  const state: BinaryTypesState = {
    types: [...DEFAULT_BINARY_TYPES],
    touched: false,
    contentType: undefined,
    answer: false,
  };
  let types = state.types;
  const setting = {
    get binaryTypes(): string[] {
      state.touched = true;
      return types;
    },
    set binaryTypes(value: string[]) {
      state.touched = true;
      types = value;
    },
  };
  return Object.defineProperty(setting, STATE, { value: state });
}

/**
 * The binary types of `api` as the runtime reads them: without noting a read (`binaryTypesSetting`), while the app
 * has not touched them.
 */
export function binaryTypesOf(api: { readonly binaryTypes: readonly string[] }): readonly string[] {
  const state = (api as { [STATE]?: BinaryTypesState })[STATE];
  return state !== undefined && !state.touched ? state.types : api.binaryTypes;
}

/** `matchesContentType(contentType, api.binaryTypes)` for a response's Content-Type (the API handler's hot path). */
export function isBinaryType(api: { readonly binaryTypes: readonly string[] }, contentType: string): boolean {
  const state = (api as { [STATE]?: BinaryTypesState })[STATE];
  if (state === undefined || state.touched) return matchesBinaryType(contentType, api.binaryTypes);
  if (state.contentType !== contentType) {
    state.answer = matchesContentType(contentType, state.types);
    state.contentType = contentType;
  }
  return state.answer;
}
