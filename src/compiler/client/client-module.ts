import type { AppModel } from '../model/app-model';
import { generatedHeader } from './generated-header';
import type { SdkOperation } from './sdk-operations';

/**
 * `OUT/index.js`: an ES module with no imports that runs wherever the global `fetch` does (Node.js 18+,
 * browsers, Deno, Bun, workers). The operations are a table; one small function sends them all.
 */
export function clientModule(model: AppModel, operations: readonly SdkOperation[]): string {
  const rows = operations.map(({ name, method, route }) => `  ${name}: [${q(method)}, ${q(route.path)}],\n`);
  return `${generatedHeader(model)}
/** Each client method: [HTTP method, path template]. */
const OPERATIONS = {
${rows.join('')}};
${CLIENT_RUNTIME}`;
}

const q = (text: string) => JSON.stringify(text);

const CLIENT_RUNTIME = `
/** A non-2xx answer: appc's error body ({"Code", "Message"}) or API Gateway's. */
export class ApiError extends Error {
  constructor(status, code, message, body) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

/** A client of the API at options.baseUrl: one async method per operation. */
export function createClient(options) {
  if (!options || typeof options.baseUrl !== 'string') throw new TypeError('createClient needs { baseUrl }');
  const settings = {
    base: options.baseUrl.replace(/\\/+$/, ''),
    headers: options.headers,
    fetch: options.fetch ?? ((url, init) => globalThis.fetch(url, init)),
  };
  const client = {};
  for (const [name, [method, path]] of Object.entries(OPERATIONS)) {
    client[name] = (request = {}) => send(settings, method, path, request);
  }
  return client;
}

async function send(settings, method, path, request) {
  const url = settings.base + expandPath(path, request.params ?? {}) + queryString(request.query);
  const shared = typeof settings.headers === 'function' ? await settings.headers() : settings.headers;
  const headers = { ...lowerCased(shared), ...lowerCased(request.headers) };
  const init = { method, headers };
  if (request.body !== undefined) {
    const given = headers['content-type'];
    const raw = request.body instanceof Uint8Array || (typeof request.body === 'string' && given && !isJson(given));
    init.body = raw ? request.body : JSON.stringify(request.body);
    if (!given) headers['content-type'] = raw ? 'application/octet-stream' : 'application/json';
  }
  const response = await settings.fetch(url, init);
  const body = await readBody(response);
  if (!response.ok) throw apiError(response, body);
  return body;
}

/** The path with each {name} replaced by its encoded value; a greedy {name+} keeps its slashes. */
function expandPath(path, params) {
  return path.replace(/\\{([^{}+]+)(\\+?)\\}/g, (_, name, greedy) => {
    const value = params[name];
    if (value === undefined || value === null || value === '') {
      throw new TypeError(\`missing path parameter \${name} for \${path}\`);
    }
    const text = String(value);
    return greedy ? text.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(text);
  });
}

/** ?a=1&b=x&b=y: undefined and null values are left out, an array repeats the parameter. */
function queryString(query) {
  const pairs = [];
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      pairs.push(\`\${encodeURIComponent(name)}=\${encodeURIComponent(String(item))}\`);
    }
  }
  return pairs.length > 0 ? \`?\${pairs.join('&')}\` : '';
}

function lowerCased(headers) {
  const out = {};
  for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = String(value);
  return out;
}

function isJson(contentType) {
  return /^application\\/([\\w.+-]+\\+)?json\\b/i.test(contentType.trim());
}

/** JSON when the answer says so (or says nothing), text for text/*, else the bytes. */
async function readBody(response) {
  const type = response.headers.get('content-type') ?? '';
  if (type === '' || isJson(type)) {
    const text = await response.text();
    if (text === '') return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  if (/^text\\//i.test(type)) return response.text();
  return new Uint8Array(await response.arrayBuffer());
}

/** appc's {"Code", "Message"}, else API Gateway's {"message"} with its x-amzn-ErrorType header. */
function apiError(response, body) {
  const fields = typeof body === 'object' && body !== null ? body : {};
  const errorType = (response.headers.get('x-amzn-errortype') ?? '').split(':')[0];
  const code = typeof fields.Code === 'string' ? fields.Code : errorType || 'HttpError';
  const message =
    [fields.Message, fields.message, body].find((value) => typeof value === 'string' && value !== '') ??
    \`\${response.status} \${response.statusText}\`.trim();
  return new ApiError(response.status, code, message, body);
}
`;
