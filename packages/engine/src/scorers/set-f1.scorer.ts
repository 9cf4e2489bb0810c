import { canonicalJson, kindOf } from './canonical-json.js';
import { describeF1, multisetF1 } from './f1.js';
import { GraderError } from './grader-error.js';
import { pathParam, pick, zero } from './scorer-params.js';
import { defineScorer } from './scorer-types.js';
import { normalizeText, type TextOptions, textOptionsSchema } from './text-normalize.js';

/**
 * The key an item is compared by: normalised text for strings (so `"Acme Corp."` matches
 * `"acme corp"` by default), canonical JSON for anything else.
 */
export function itemKey(item: unknown, options: TextOptions): string {
  return typeof item === 'string' ? `s:${normalizeText(item, options)}` : `j:${canonicalJson(item)}`;
}

/** F1 of two lists compared as multisets; shared with json_fields' `set_f1` comparison. */
export function listF1(got: unknown, want: unknown, options: TextOptions) {
  if (!Array.isArray(want)) throw new GraderError(`The expected value is ${kindOf(want)}, not a list.`);
  if (!Array.isArray(got)) return { ok: false as const, reason: `expected a list, got ${kindOf(got)}` };
  const result = multisetF1(
    got.map((item) => itemKey(item, options)),
    want.map((item) => itemKey(item, options)),
  );
  return { ok: true as const, result };
}

export const setF1Scorer = defineScorer({
  name: 'set_f1',
  params: textOptionsSchema.extend({ path: pathParam }),
  create: (params) => (output, expected) => {
    const picked = pick(output, expected, params.path);
    if ('result' in picked) return picked.result;
    const compared = listF1(picked.output, picked.expected, params);
    if (!compared.ok) return zero(`The output is not a list: ${compared.reason}.`);
    return {
      score: compared.result.f1,
      reason: `F1 ${compared.result.f1.toFixed(3)}: ${describeF1(compared.result)}.`,
    };
  },
});
