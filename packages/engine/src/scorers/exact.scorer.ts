import { z } from 'zod';
import { brief, briefPath, canonicalJson, firstDifference } from './canonical-json.js';
import { lookup } from './json-path.js';
import { pathParam, pick } from './scorer-params.js';
import { defineScorer } from './scorer-types.js';

/** Deep equality of JSON values; object key order does not matter, everything else does. */
export const exactScorer = defineScorer({
  name: 'exact',
  params: z.strictObject({ path: pathParam }),
  create: (params) => (output, expected) => {
    const picked = pick(output, expected, params.path);
    if ('result' in picked) return picked.result;
    if (canonicalJson(picked.output) === canonicalJson(picked.expected))
      return { score: 1, reason: 'Exact match.' };
    const at = firstDifference(picked.output, picked.expected);
    const where = at ? ` at "${briefPath(at)}"` : '';
    return {
      score: 0,
      reason: `Differs${where}: got ${brief(valueAt(picked.output, at))}, expected ${brief(valueAt(picked.expected, at))}.`,
    };
  },
});

function valueAt(value: unknown, path: string | undefined): unknown {
  const found = lookup(value, path);
  return found.found ? found.value : undefined;
}
