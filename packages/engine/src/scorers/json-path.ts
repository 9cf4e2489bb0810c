/**
 * Dotted paths into JSON values, as scorer params write them: `totals.net`, `clauses.0.risk`.
 * A numeric segment indexes an array. The empty path is the value itself.
 */
export type Lookup = { found: true; value: unknown } | { found: false; missing: string };

export function lookup(root: unknown, path: string | undefined): Lookup {
  if (!path) return { found: true, value: root };
  let value = root;
  const walked: string[] = [];
  for (const segment of path.split('.')) {
    walked.push(segment);
    const next = step(value, segment);
    if (next === undefined) return { found: false, missing: walked.join('.') };
    value = next.value;
  }
  return { found: true, value };
}

function step(value: unknown, segment: string): { value: unknown } | undefined {
  if (Array.isArray(value) && /^\d+$/.test(segment)) {
    const index = Number(segment);
    return index < value.length ? { value: value[index] } : undefined;
  }
  if (isRecord(value) && Object.hasOwn(value, segment) && value[segment] !== undefined)
    return { value: value[segment] };
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
