import type { ChallengeScoringInput } from '@reps/shared';
import { createScorer } from './registry.js';
import type { ScoreResult, ScorerDeps } from './scorer-types.js';

/** A case for scorer tests; scorers other than llm_judge and custom ignore it. */
export const TEST_CASE = { id: 'public-1', input: { text: 'the input' }, facts: [] };

/** Scores one output with a scorer built from challenge.yaml-style scoring. */
export async function scoreWith(
  scorer: ChallengeScoringInput['scorer'],
  params: Record<string, unknown>,
  output: unknown,
  expected: unknown,
  deps: ScorerDeps = {},
): Promise<ScoreResult> {
  const score = createScorer({ scorer, params, pass_mark: 50 }, deps);
  try {
    return await score(output, expected, TEST_CASE);
  } finally {
    score.dispose();
  }
}

/** Outputs a pipeline might produce when it goes wrong. */
export const MALFORMED: unknown[] = [
  null,
  undefined,
  'a string',
  42,
  Number.NaN,
  true,
  [],
  {},
  [null],
  { x: 1 },
];

/** Builds a scorer (throws synchronously on bad params, as loading a challenge does). */
export function build(
  scorer: ChallengeScoringInput['scorer'],
  params: Record<string, unknown>,
  deps: ScorerDeps = {},
) {
  return createScorer({ scorer, params, pass_mark: 50 }, deps);
}
