import { z } from 'zod';
import { GraderError } from './grader-error.js';
import { lookup } from './json-path.js';
import type { ScoreResult } from './scorer-types.js';

/** Where the scored value sits inside both output and expected, e.g. `result.total`; default the whole value. */
export const pathParam = z
  .string()
  .regex(/^[^.\s]+(?:\.[^.\s]+)*$/, 'must be a dotted path such as "totals.net" or "items.0.label"')
  .optional();

export type Picked = { output: unknown; expected: unknown } | { result: ScoreResult };

/**
 * The values at `path`. Output without it scores 0 (the learner's fault); expected without it is a
 * generator bug, so it is a GraderError rather than a zero.
 */
export function pick(output: unknown, expected: unknown, path: string | undefined): Picked {
  const want = lookup(expected, path);
  if (!want.found)
    throw new GraderError(`The expected value has no "${want.missing}" (check the generator).`);
  const got = lookup(output, path);
  if (!got.found) return { result: { score: 0, reason: `The output has no "${got.missing}".` } };
  return { output: got.value, expected: want.value };
}

export function zero(reason: string): ScoreResult {
  return { score: 0, reason };
}
