import { YaohaoError } from '../errors/YaohaoError';

/** A JSON value made only of what yaohao records contain (no floats). */
export type CanonicalJsonValue =
  | null
  | boolean
  | number
  | string
  | readonly CanonicalJsonValue[]
  | { readonly [key: string]: CanonicalJsonValue | undefined };

// Plain `<` on strings compares UTF-16 code units, as RFC 8785 requires (never localeCompare).
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * RFC 8785 (JCS) serialisation for the subset yaohao uses: object keys sorted by UTF-16 code
 * units, no whitespace, strings escaped as ECMAScript JSON.stringify does, numbers limited to
 * safe integers (so number formatting can never differ between implementations).
 * Properties whose value is `undefined` are left out, as JSON.stringify does.
 */
export function canonicalJson(value: CanonicalJsonValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw notCanonical(`a number that is not a safe integer (${value})`);
    return String(value);
  }
  if (
    typeof value !== 'object' ||
    (!Array.isArray(value) && ![Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null))
  )
    throw notCanonical(typeof value === 'object' ? 'an object that is not plain JSON data' : `a ${typeof value}`);
  if (Array.isArray(value)) {
    const items = value as readonly CanonicalJsonValue[];
    let out = '[';
    for (let i = 0; i < items.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(items[i]!);
    return `${out}]`;
  }
  const object = value as { readonly [key: string]: CanonicalJsonValue | undefined };
  const keys = Object.keys(object);
  // Records build their objects with keys already in order; sort only when they are not.
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1]! >= keys[i]!) {
      keys.sort(byCodeUnits);
      break;
    }
  }
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = object[key];
    if (item === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
    first = false;
  }
  return `${out}}`;
}

function notCanonical(what: string): YaohaoError {
  return new YaohaoError([
    { code: 'invalid_value', path: [], message: `canonical JSON holds JSON data and safe integers only, not ${what}` },
  ]);
}
