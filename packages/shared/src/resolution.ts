import type { GradeBreakdown, HiddenResultView, HiddenSummary } from './api/grading.js';

/**
 * The figures of a hidden-set result, each with the resolution at which it leaves the server for
 * learners (docs/grading.md, "How precise hidden-set feedback is"):
 *
 * | figure            | resolution                                   | e.g.            |
 * |-------------------|----------------------------------------------|-----------------|
 * | `correctness`     | 0.1 point, rounded down                      | 87.38 → 87.3    |
 * | `standard_error`  | up to the next 0.1 point (never understated) | 1.21 → 1.3      |
 * | `cost_usd`        | 2 significant figures                        | 0.01234 → 0.012 |
 * | `latency_ms`      | 2 significant figures, never finer than 10 ms | 1234 → 1200, 87 → 90 |
 * | `calls_per_case`  | nearest 0.1 call                             | 2.137 → 2.1     |
 * | `tokens_per_case` | 2 significant figures                        | 1234.5 → 1200   |
 * | `rating`          | nearest whole point                          | 183.47 → 183    |
 *
 * Correctness is rounded down so that a figure shown at or above the pass mark (a multiple of 0.1)
 * always passes, and one shown below it never does: `passed` is judged on the exact figure. A
 * rating is Σ difficulty × best correctness (difficulty 1–5), so a whole point keeps it no finer
 * than a correctness at 0.1 would allow.
 */
export type HiddenFigure =
  | 'correctness'
  | 'standard_error'
  | 'cost_usd'
  | 'latency_ms'
  | 'calls_per_case'
  | 'tokens_per_case'
  | 'rating';

/**
 * The one rounding of hidden-set figures: every response a learner can read rounds them here, so a
 * figure reads at the same resolution on every page. Exact values stay in the database (ranking
 * orders by them) and in the instructor's screens. `null` stays `null`.
 */
export function coarse(figure: HiddenFigure, value: number): number;
export function coarse(figure: HiddenFigure, value: number | null | undefined): number | null;
export function coarse(figure: HiddenFigure, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value)) return value;
  switch (figure) {
    case 'correctness':
      // Through toFixed: 87.3 × 10 may come out a hair under 873 in binary, which must not floor to 87.2.
      return Math.floor(Number((value * 10).toFixed(6))) / 10;
    case 'calls_per_case':
      return Math.round(value * 10) / 10;
    case 'standard_error':
      // Likewise: 1.1 × 10 is 11.000000000000002 in binary, which must not round up to 1.2.
      return Math.ceil(Number((value * 10).toFixed(6))) / 10;
    case 'cost_usd':
    case 'tokens_per_case':
      return significant(value, 2);
    case 'latency_ms':
      return Math.abs(value) < 100 ? Math.round(value / 10) * 10 : significant(value, 2);
    case 'rating':
      return Math.round(value);
  }
}

function significant(value: number, digits: number): number {
  // Through the decimal string, so 0.012 comes back as 0.012 and not 0.012000000000000002.
  return value === 0 ? 0 : Number(value.toPrecision(digits));
}

/**
 * A hidden-set result as learners see it: the stored exact summary with every figure through
 * `coarse`, and calls and tokens as per-case averages instead of totals. Counts per status and per
 * failure code stay exact (docs/grading.md says why).
 */
export function coarseHidden(summary: HiddenSummary): HiddenResultView {
  const perCase = (total: number) => (summary.cases > 0 ? total / summary.cases : 0);
  return {
    cases: summary.cases,
    correctness: coarse('correctness', summary.correctness),
    standard_error: coarse('standard_error', summary.standard_error),
    cost_usd: coarse('cost_usd', summary.cost_usd),
    latency_ms: {
      p50: coarse('latency_ms', summary.latency_ms.p50),
      p95: coarse('latency_ms', summary.latency_ms.p95),
    },
    calls_per_case: coarse('calls_per_case', perCase(summary.calls)),
    tokens_per_case: {
      input: coarse('tokens_per_case', perCase(summary.tokens.input)),
      output: coarse('tokens_per_case', perCase(summary.tokens.output)),
    },
    statuses: { ...summary.statuses },
    failures: { ...summary.failures },
    ...(summary.grader_errors === undefined ? {} : { grader_errors: summary.grader_errors }),
    ...(summary.grader_error_rate === undefined ? {} : { grader_error_rate: summary.grader_error_rate }),
    ...(summary.breakdown ? { breakdown: coarseBreakdown(summary.breakdown) } : {}),
  };
}

/**
 * The breakdown as learners see it: accuracy and correctness in whole points, rounded down, and
 * nothing over fewer than its min_cases cases (the engine merges and drops; this re-checks).
 */
export function coarseBreakdown(b: GradeBreakdown): GradeBreakdown {
  const min = Math.max(5, b.min_cases);
  return {
    min_cases: min,
    fields: b.fields
      .filter((f) => f.cases >= min)
      .map((f) => ({ path: f.path, accuracy: Math.floor(f.accuracy), cases: f.cases })),
    sizes: b.sizes.every((s) => s.cases >= min)
      ? b.sizes.map((s) => ({ ...s, correctness: Math.floor(s.correctness) }))
      : [],
    failures: b.failures.map((f) => ({ ...f })),
    hints: [...b.hints],
  };
}
