import { createScorer } from '../scorers/registry.js';
import type { CaseScorer, ScorerDeps } from '../scorers/scorer-types.js';
import type { LoadedChallenge } from './load-challenge.js';

/**
 * The scorer a loaded challenge declares: its built-in with params, or its bundled scorer.ts.
 * grade() takes the result as its `score` function; call dispose() when grading is done.
 */
export function challengeScorer(
  challenge: LoadedChallenge,
  deps: Omit<ScorerDeps, 'customScorerScript'> = {},
): CaseScorer {
  return createScorer(challenge.manifest.scoring, { ...deps, customScorerScript: challenge.scorerScript });
}
