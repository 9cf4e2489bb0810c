/**
 * A copy of a JSON value that Postgres's jsonb accepts: jsonb refuses the NUL character (`\u0000`)
 * and lone UTF-16 surrogates (`\ud800` without its pair, which JSON.stringify writes as an escape)
 * in strings and keys, so a pipeline that outputs one would fail every attempt to store its
 * result. Each becomes U+FFFD (the replacement character); the value is otherwise unchanged, and
 * returned as is when it holds none.
 */
export function jsonbSafe<T>(value: T): T {
  return (needsFix(value, 0) ? fix(value) : value) as T;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** Text Postgres stores as it is: no NUL and no lone surrogate. */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

function storable(text: string): string {
  return text.replaceAll('\u0000', '\uFFFD').replace(LONE_SURROGATES, '\uFFFD');
}

const MAX_DEPTH = 200;

function needsFix(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return !isStorableText(value);
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.some((item) => needsFix(item, depth + 1));
  for (const [key, item] of Object.entries(value))
    if (!isStorableText(key) || needsFix(item, depth + 1)) return true;
  return false;
}

function fix(value: unknown): unknown {
  if (typeof value === 'string') return storable(value);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(fix);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [storable(key), fix(item)]));
}
