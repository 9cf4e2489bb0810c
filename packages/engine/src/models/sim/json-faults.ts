import type { Rng } from './prng.js';

export type JsonFault = 'prose_around' | 'missing_field' | 'trailing_text';

export const JSON_FAULTS: readonly JsonFault[] = ['prose_around', 'missing_field', 'trailing_text'];

/**
 * The ways real models break JSON output: a friendly sentence and a code fence around it, a field
 * left out (parses, fails the schema), or a remark after it. Chosen uniformly.
 */
export function breakJson(rng: Rng, value: unknown): { text: string; fault: JsonFault } {
  const fault = rng.pick(JSON_FAULTS);
  if (fault === 'missing_field') {
    const pruned = dropField(rng, value);
    if (pruned.dropped) return { text: pretty(pruned.value), fault };
    // Nothing to drop (a bare value): fall back to a remark after it.
    return { text: `${pretty(value)}\nI hope this helps.`, fault: 'trailing_text' };
  }
  if (fault === 'prose_around') {
    return { text: `Sure! Here is the result:\n\n\`\`\`json\n${pretty(value)}\n\`\`\`\n`, fault };
  }
  return { text: `${pretty(value)}\n\nLet me know if you need anything else.`, fault };
}

export function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? 'null';
}

/** Removes one property, from the top object or from one entry of a list of objects. */
function dropField(rng: Rng, value: unknown): { value: unknown; dropped: boolean } {
  if (Array.isArray(value)) {
    const objects = value
      .map((v, i) => [v, i] as const)
      .filter(([v]) => isPlainObject(v) && Object.keys(v).length > 0);
    if (objects.length === 0) return { value, dropped: false };
    const [target, at] = rng.pick(objects);
    const copy = [...value];
    copy[at] = withoutOneKey(rng, target as Record<string, unknown>);
    return { value: copy, dropped: true };
  }
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    return { value: withoutOneKey(rng, value), dropped: true };
  }
  return { value, dropped: false };
}

function withoutOneKey(rng: Rng, object: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(object);
  const drop = rng.pick(keys);
  const nestedList = object[drop];
  // A list of entries is the payload: drop a field inside it rather than the whole list.
  if (keys.length === 1 && Array.isArray(nestedList)) {
    const inner = dropField(rng, nestedList);
    if (inner.dropped) return { ...object, [drop]: inner.value };
  }
  const copy = { ...object };
  delete copy[drop];
  return copy;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}
