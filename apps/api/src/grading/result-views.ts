import type { GradeResult } from '@reps/engine';
import type { ChallengeCase } from '@reps/shared';
import { standardError } from '../leaderboards/ladder.js';

/** What anyone may see of a grade on hidden cases: aggregates and error codes, no case. */
export interface HiddenSummary {
  cases: number;
  correctness: number;
  standard_error: number;
  cost_usd: number;
  latency_ms: { p50: number; p95: number };
  calls: number;
  tokens: { input: number; output: number };
  statuses: Record<string, number>;
  failures: Record<string, number>;
}

export interface PublicCaseView {
  id: string;
  input: unknown;
  expected: unknown;
  output: unknown;
  status: string;
  score: number | null;
  reason: string;
  cost_usd: number;
  latency_ms: number;
  trace: unknown;
}

export interface PublicResultView extends Omit<HiddenSummary, 'standard_error'> {
  case_results: PublicCaseView[];
}

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
  };
}

/** Public cases are shown in full: input, expected, output and the whole trace. */
export function publicResult(result: GradeResult, cases: ChallengeCase[]): PublicResultView {
  const { standard_error: _se, ...totals } = hiddenSummary(result);
  return {
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
  };
}
