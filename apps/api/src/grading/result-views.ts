import { breakdown, type GradeResult, gradeTotals, publicCaseView } from '@reps/engine';
import type { ChallengeCase, HiddenSummary, PublicResultView } from '@reps/shared';
import { jsonbSafe } from '../common/jsonb-safe.js';
import { standardError } from '../leaderboards/ladder.js';

/** A grade as stored: the engine's totals, with the case count, standard error and breakdown. */
export function hiddenSummary(result: GradeResult): HiddenSummary {
  const scores = result.cases.flatMap((c) => (c.score === null ? [] : [c.score]));
  return {
    cases: result.cases.length,
    ...gradeTotals(result),
    standard_error: standardError(scores),
    ...withBreakdown(result),
  };
}

/**
 * Public cases are shown in full: input, expected, output and the whole trace (stored as jsonb, so
 * a NUL or lone surrogate a pipeline wrote becomes U+FFFD).
 */
export function publicResult(result: GradeResult, cases: ChallengeCase[]): PublicResultView {
  const { standard_error: _se, ...totals } = hiddenSummary(result);
  return jsonbSafe({
    ...totals,
    case_results: result.cases.map((c, i) => publicCaseView(c, cases[i])),
  });
}

/** Where the points went, when there are enough cases to say it without pointing at one. */
function withBreakdown(result: GradeResult): { breakdown?: HiddenSummary['breakdown'] } {
  const b = breakdown(result.cases);
  return b ? { breakdown: b } : {};
}
