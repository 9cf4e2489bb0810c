import { breakdown, type GradeResult } from '@reps/engine';
import type { ChallengeCase, HiddenSummary, PublicResultView } from '@reps/shared';
import { jsonbSafe } from '../common/jsonb-safe.js';
import { standardError } from '../leaderboards/ladder.js';

export function hiddenSummary(result: GradeResult): HiddenSummary {
  const scores = result.cases.flatMap((c) => (c.score === null ? [] : [c.score]));
  return {
    cases: result.cases.length,
    correctness: result.correctness,
    standard_error: standardError(scores),
    cost_usd: result.cost_usd,
    latency_ms: result.latency_ms,
    calls: result.calls,
    tokens: result.tokens,
    statuses: result.statuses,
    failures: result.failures,
    grader_errors: result.grader_errors,
    grader_error_rate: result.grader_error_rate,
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
    case_results: result.cases.map((c, i) => ({
      id: c.id,
      input: cases[i]?.input,
      expected: cases[i]?.expected,
      output: c.output,
      status: c.status,
      score: c.score,
      reason: c.reason,
      cost_usd: c.cost_usd,
      latency_ms: c.latency_ms,
      trace: c.trace,
    })),
  });
}

/** Where the points went, when there are enough cases to say it without pointing at one. */
function withBreakdown(result: GradeResult): { breakdown?: HiddenSummary['breakdown'] } {
  const b = breakdown(result.cases);
  return b ? { breakdown: b } : {};
}
