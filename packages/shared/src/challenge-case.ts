import { z } from 'zod';
import { factUnitSchema } from './facts.js';

/**
 * One generated case of a challenge. `index` is what the generator was called with (0-based); `id`
 * is what learners and traces see (`public-1`, `hidden-37`: 1-based). Facts are for the simulated
 * models and the scorers only; a pipeline never sees them.
 */
export const challengeCaseSchema = z.strictObject({
  id: z.string().regex(/^(public|hidden)-[1-9][0-9]*$/),
  index: z.int().min(0),
  input: z.unknown(),
  expected: z.unknown(),
  facts: z.array(factUnitSchema),
});
export type ChallengeCase = z.infer<typeof challengeCaseSchema>;

export const CASE_KINDS = ['public', 'hidden'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/**
 * `challenges/<slug>/public.cases.json`: the public cases as generated, committed so reviewers see
 * what learners see; `reps challenge test` checks it still equals a fresh generation.
 */
export const publicCasesFileSchema = z.strictObject({
  slug: z.string(),
  version: z.int().positive(),
  seed: z.string(),
  cases: z.array(challengeCaseSchema),
});
export type PublicCasesFile = z.infer<typeof publicCasesFileSchema>;

/** The case id learners see for the generator's `index`. */
export function caseId(kind: CaseKind, index: number): string {
  return `${kind}-${index + 1}`;
}
