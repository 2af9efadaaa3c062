/**
 * CORS settings of a route: `cors: new CORSConfig({ allowOrigin: 'https://a.example', maxAge: 600 })`.
 * The headers it produces come from one pure function, `corsHeaders`, shared by the
 * runtime (every response of a CORS route) and the swagger's OPTIONS mock.
 */
export interface CORSOptions {
  allowOrigin?: string;
  allowHeaders?: readonly string[];
  exposeHeaders?: readonly string[];
  maxAge?: number;
  allowCredentials?: boolean;
}

/** Headers API Gateway clients send that a CORS route always allows (Chalice's `_REQUIRED_HEADERS`). */
export const REQUIRED_CORS_HEADERS: readonly string[] = [
  'Authorization',
  'Content-Type',
  'X-Amz-Date',
  'X-Amz-Security-Token',
  'X-Api-Key',
];

export class CORSConfig {
  readonly allowOrigin: string;
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: readonly string[] | undefined;
  readonly maxAge: number | undefined;
  readonly allowCredentials: boolean | undefined;

  constructor(options: CORSOptions = {}) {
    this.allowOrigin = options.allowOrigin ?? '*';
    this.allowHeaders = options.allowHeaders ?? [];
    this.exposeHeaders = options.exposeHeaders;
    this.maxAge = options.maxAge;
    this.allowCredentials = options.allowCredentials;
  }
}

/** A route's `cors` option after defaults: `true` means `new CORSConfig()`. */
export type CorsSetting = boolean | CORSConfig;

/**
 * The CORS headers of every response of a CORS route, in the order the swagger emits
 * them (Chalice's `CORSConfig.get_access_control_headers`).
 */
export function corsHeaders(config: CORSOptions): Record<string, string> {
  const allowHeaders = [...new Set([...(config.allowHeaders ?? []), ...REQUIRED_CORS_HEADERS])].sort();
  const headers: Record<string, string> = {
    'Access-Control-Allow-Origin': config.allowOrigin ?? '*',
    'Access-Control-Allow-Headers': allowHeaders.join(','),
  };
  if (config.exposeHeaders && config.exposeHeaders.length > 0) {
    headers['Access-Control-Expose-Headers'] = config.exposeHeaders.join(',');
  }
  if (config.maxAge !== undefined) headers['Access-Control-Max-Age'] = String(config.maxAge);
  if (config.allowCredentials === true) headers['Access-Control-Allow-Credentials'] = 'true';
  return headers;
}

/**
 * The headers of a preflight (OPTIONS) answer: `Access-Control-Allow-Methods` (the CORS
 * methods of the path, then OPTIONS) followed by `corsHeaders(config)`.
 */
export function preflightHeaders(config: CORSOptions, methods: readonly string[]): Record<string, string> {
  return { 'Access-Control-Allow-Methods': [...methods, 'OPTIONS'].join(','), ...corsHeaders(config) };
}

const cache = new WeakMap<CORSOptions, Readonly<Record<string, string>>>();

/** `corsHeaders(config)`, computed once per config object (the API handler's hot path). */
export function cachedCorsHeaders(config: CORSOptions): Readonly<Record<string, string>> {
  let headers = cache.get(config);
  if (headers === undefined) cache.set(config, (headers = Object.freeze(corsHeaders(config))));
  return headers;
}
