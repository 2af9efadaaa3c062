import { KEY_HELPER } from './check-path';

/** A function the generated checks may call; written into the module only when one does. */
export type CheckHelper =
  | 'equal'
  | 'length'
  | 'duplicate'
  | 'own'
  | 'key'
  | 'date'
  | 'time'
  | 'date-time'
  | 'email'
  | 'hostname'
  | 'ipv4'
  | 'ipv6'
  | 'uri'
  | 'uuid';

/**
 * The `format`s the checks know, by the helper that tests them; any other format constrains nothing, as
 * draft 4 allows. Dates and times are RFC 3339's (https://www.rfc-editor.org/rfc/rfc3339#section-5.6),
 * as draft 4 specifies; `uri` asks for a scheme and no spaces.
 */
export const FORMATS: Readonly<Record<string, string>> = {
  date: 'isDate',
  time: 'isTime',
  'date-time': 'isDateTime',
  email: 'isEmail',
  hostname: 'isHostname',
  ipv4: 'isIPv4',
  ipv6: 'isIPv6',
  uri: 'isUri',
  uuid: 'isUuid',
};

const HELPERS: Readonly<Record<CheckHelper, { code: string; needs?: CheckHelper[] }>> = {
  // Deep equality of JSON values (enum members and uniqueItems that are objects or arrays).
  equal: {
    code: `function equal(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (!Object.prototype.hasOwnProperty.call(b, k) || !equal(a[k], b[k])) return false;
  return true;
}`,
  },
  // Characters as JSON Schema counts them: code points, a surrogate pair being one.
  length: {
    code: `function length(s) {
  let n = s.length;
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) { i++; n--; } }
  return n;
}`,
  },
  duplicate: {
    code: `function duplicate(a) {
  for (let i = 1; i < a.length; i++) for (let j = 0; j < i; j++) if (equal(a[i], a[j])) return [j, i];
  return undefined;
}`,
    needs: ['equal'],
  },
  own: { code: 'function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }' },
  key: { code: KEY_HELPER },
  date: {
    code: `function isDate(s) {
  const m = /^(\\d{4})-(\\d{2})-(\\d{2})$/.exec(s);
  if (m === null) return false;
  const y = +m[1], mo = +m[2], d = +m[3];
  const days = mo === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31;
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days;
}`,
  },
  time: {
    code: `function isTime(s, zoned) {
  const m = /^(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?(z|[+-](\\d{2}):(\\d{2}))?$/i.exec(s);
  if (m === null || (zoned && m[5] === undefined)) return false;
  return +m[1] <= 23 && +m[2] <= 59 && +m[3] <= 60 && (m[6] === undefined || (+m[6] <= 23 && +m[7] <= 59));
}`,
  },
  'date-time': {
    code: `function isDateTime(s) {
  const t = s.search(/[t ]/i);
  return t === 10 && isDate(s.slice(0, 10)) && isTime(s.slice(11), true);
}`,
    needs: ['date', 'time'],
  },
  email: {
    code: "function isEmail(s) { return /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(s); }",
  },
  hostname: {
    code: 'function isHostname(s) { return s.length <= 253 && /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\\.?$/i.test(s); }',
  },
  ipv4: { code: 'function isIPv4(s) { return require("node:net").isIPv4(s); }' },
  ipv6: { code: 'function isIPv6(s) { return require("node:net").isIPv6(s); }' },
  uri: { code: 'function isUri(s) { return /^[a-z][a-z0-9+.-]*:[^\\s]*$/i.test(s); }' },
  uuid: {
    code: 'function isUuid(s) { return /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(s); }',
  },
};

/** The code of `used` and of the helpers they call, in one fixed order (whatever order they were used in). */
export function checkHelpers(used: readonly CheckHelper[]): string[] {
  const all = new Set<CheckHelper>();
  const add = (helper: CheckHelper) => {
    for (const need of HELPERS[helper].needs ?? []) add(need);
    all.add(helper);
  };
  used.forEach(add);
  return (Object.keys(HELPERS) as CheckHelper[])
    .filter((helper) => all.has(helper))
    .map((helper) => HELPERS[helper].code);
}
