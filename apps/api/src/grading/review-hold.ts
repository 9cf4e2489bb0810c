import type { GradeResult } from '@reps/engine';
import { GRADER_ERROR_REVIEW_RATE } from '@reps/shared';
import type { Submission } from '../submissions/submission.entity.js';

/** How many grader_error cases a held grading keeps for its reviewer, and how much of each reason. */
const KEPT_CASES = 50;
const KEPT_REASON_CHARS = 500;

/**
 * Whether a grading is held for review: more than GRADER_ERROR_REVIEW_RATE of its hidden cases had
 * grader_error. Those cases are left out of correctness, so a scorer broken on many of them could
 * rank a submission on the few it scored; a held one is not recorded in leaderboards, ratings or
 * the profile until the challenge's instructor accepts it (docs/dsl.md, "Scoring").
 */
export function reviewHold(hidden: GradeResult): Pick<Submission, 'reviewStatus' | 'graderErrorCases'> {
  if (hidden.grader_error_rate <= GRADER_ERROR_REVIEW_RATE)
    return { reviewStatus: null, graderErrorCases: null };
  const cases = hidden.cases
    .filter((c) => c.status === 'grader_error')
    .slice(0, KEPT_CASES)
    .map((c) => ({ id: c.id, reason: c.reason.slice(0, KEPT_REASON_CHARS) }));
  return { reviewStatus: 'pending', graderErrorCases: cases };
}
