/**
 * A copy of a JSON value that Postgres's jsonb accepts: jsonb refuses the NUL character (`\u0000`)
 * in strings and keys, so a pipeline that outputs one would fail every attempt to store its
 * result. Each NUL becomes U+FFFD (the replacement character); the value is otherwise unchanged,
 * and returned as is when it holds none.
 */
export function jsonbSafe<T>(value: T): T {
  return (hasNul(value, 0) ? replaceNul(value) : value) as T;
}

const MAX_DEPTH = 200;

function hasNul(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.some((item) => hasNul(item, depth + 1));
  for (const [key, item] of Object.entries(value))
    if (key.includes('\u0000') || hasNul(item, depth + 1)) return true;
  return false;
}

function replaceNul(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('\u0000', '\uFFFD');
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(replaceNul);
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key.replaceAll('\u0000', '\uFFFD'), replaceNul(item)]),
  );
}
