import { z } from 'zod';
import { brief, kindOf } from './canonical-json.js';
import { describeF1, multisetF1 } from './f1.js';
import { pathParam, pick, zero } from './scorer-params.js';
import { defineScorer } from './scorer-types.js';
import { expectedText, normalizeText, textOptionsSchema, tokens } from './text-normalize.js';

/**
 * Text equal after normalisation (NFKC, case, punctuation, whitespace). `match: token_f1` gives
 * partial credit by word overlap, for free-text answers where wording varies.
 */
export const normalizedTextScorer = defineScorer({
  name: 'normalized_text',
  params: textOptionsSchema.extend({
    path: pathParam,
    match: z.enum(['exact', 'token_f1']).default('exact'),
  }),
  create: (params) => (output, expected) => {
    const picked = pick(output, expected, params.path);
    if ('result' in picked) return picked.result;
    if (typeof picked.output !== 'string') return zero(`Expected text, got ${kindOf(picked.output)}.`);
    const want = expectedText(picked.expected);
    if (params.match === 'token_f1') {
      const result = multisetF1(tokens(picked.output, params), tokens(want, params));
      return { score: result.f1, reason: `Word overlap F1 ${result.f1.toFixed(3)}: ${describeF1(result)}.` };
    }
    return normalizeText(picked.output, params) === normalizeText(want, params)
      ? { score: 1, reason: 'Text matches.' }
      : zero(`Got ${brief(picked.output)}, expected ${brief(want)}.`);
  },
});
