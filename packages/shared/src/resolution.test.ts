import type { HiddenSummary } from './api/grading.js';
import { coarse, coarseBreakdown, coarseHidden } from './resolution.js';

/** Digits after the decimal point as JSON would write the number. */
const decimals = (n: number) => (String(n).split('.')[1] ?? '').length;
/** Significant digits as JSON would write the number (trailing zeros of an integer don't count). */
const significantDigits = (n: number) =>
  String(Math.abs(n)).replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;

describe('coarse', () => {
  it('rounds correctness down to 0.1, so a figure shown at the pass mark passes', () => {
    expect(coarse('correctness', 87.34)).toBe(87.3);
    expect(coarse('correctness', 87.39)).toBe(87.3);
    expect(coarse('correctness', 84.99)).toBe(84.9); // below a pass mark of 85, and shown below it
    expect(coarse('correctness', 87.3)).toBe(87.3);
    expect(coarse('correctness', 100)).toBe(100);
    expect(coarse('correctness', 0)).toBe(0);
    expect(coarse('correctness', 66.67)).toBe(66.6);
    const wrong: number[] = [];
    for (let i = 0; i <= 10_000; i++) {
      const exact = i / 100; // the engine reports correctness to 2 decimals
      const value = coarse('correctness', exact);
      const ok =
        decimals(value) <= 1 &&
        value <= exact &&
        exact - value < 0.1 - 1e-9 &&
        [50, 80, 85, 92.5].every((passMark) => value >= passMark === exact >= passMark);
      if (!ok) wrong.push(exact);
    }
    expect(wrong).toEqual([]);
  });

  it('rounds calls per case to the nearest 0.1', () => {
    expect(coarse('calls_per_case', 2.137)).toBe(2.1);
    expect(coarse('calls_per_case', 2.15)).toBe(2.2);
    expect(coarse('calls_per_case', 1)).toBe(1);
    expect(coarse('calls_per_case', 81.06)).toBe(81.1);
  });

  it('rounds a standard error up to the next 0.1, so it is never understated', () => {
    expect(coarse('standard_error', 1.21)).toBe(1.3);
    expect(coarse('standard_error', 1.2)).toBe(1.2);
    expect(coarse('standard_error', 1.1)).toBe(1.1); // 1.1 × 10 is 11.000000000000002 in binary
    expect(coarse('standard_error', 0.01)).toBe(0.1);
    expect(coarse('standard_error', 0)).toBe(0);
    const wrong: number[] = [];
    for (let i = 0; i <= 2_000; i++) {
      const value = coarse('standard_error', i / 100);
      if (decimals(value) > 1 || value < i / 100 - 1e-12 || value - i / 100 >= 0.1) wrong.push(i / 100);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps two significant figures of cost and tokens per case', () => {
    expect(coarse('cost_usd', 0.012345)).toBe(0.012);
    expect(coarse('cost_usd', 0.0125)).toBe(0.013);
    expect(coarse('cost_usd', 0.42)).toBe(0.42);
    expect(coarse('cost_usd', 1.2345)).toBe(1.2);
    expect(coarse('cost_usd', 0)).toBe(0);
    expect(coarse('cost_usd', 0.000004567)).toBe(0.0000046);
    expect(coarse('tokens_per_case', 1234.5)).toBe(1200);
    expect(coarse('tokens_per_case', 45.6)).toBe(46);
    expect(coarse('tokens_per_case', 98_765)).toBe(99_000);
    for (const value of [0.0123456, 0.987654, 3.25, 27.18, 12_345.6, 0.000123]) {
      expect(significantDigits(coarse('cost_usd', value))).toBeLessThanOrEqual(2);
      expect(Math.abs(coarse('cost_usd', value) - value) / value).toBeLessThanOrEqual(0.05);
    }
  });

  it('keeps two significant figures of latency, never finer than 10 ms', () => {
    expect(coarse('latency_ms', 1234)).toBe(1200);
    expect(coarse('latency_ms', 1250)).toBe(1300);
    expect(coarse('latency_ms', 432)).toBe(430);
    expect(coarse('latency_ms', 87)).toBe(90);
    expect(coarse('latency_ms', 96)).toBe(100);
    expect(coarse('latency_ms', 4)).toBe(0);
    expect(coarse('latency_ms', 0)).toBe(0);
    expect(coarse('latency_ms', 56_789)).toBe(57_000);
    const wrong: number[] = [];
    for (let ms = 0; ms < 100_000; ms += 7.3) {
      const value = coarse('latency_ms', ms);
      if (value % 10 !== 0 || significantDigits(value) > 2) wrong.push(ms);
    }
    expect(wrong).toEqual([]);
  });

  it('rounds a rating to the whole point', () => {
    expect(coarse('rating', 183.47)).toBe(183);
    expect(coarse('rating', 183.5)).toBe(184);
    expect(coarse('rating', 0)).toBe(0);
  });

  it('passes null and undefined through as null, and is idempotent', () => {
    expect(coarse('correctness', null)).toBeNull();
    expect(coarse('cost_usd', undefined)).toBeNull();
    const figures = ['correctness', 'standard_error', 'cost_usd', 'latency_ms', 'calls_per_case'] as const;
    for (const figure of figures)
      for (const value of [0.0123, 1.21, 87.349, 1234.5, 99.96])
        expect(coarse(figure, coarse(figure, value))).toBe(coarse(figure, value));
  });
});

describe('coarseHidden', () => {
  const exact: HiddenSummary = {
    cases: 100,
    correctness: 87.34,
    standard_error: 1.21,
    cost_usd: 0.012345,
    latency_ms: { p50: 1234, p95: 2087 },
    calls: 213,
    tokens: { input: 123_456, output: 8_765 },
    statuses: { ok: 97, budget_exceeded: 3 },
    failures: { budget_exceeded: 3 },
    grader_errors: 0,
    grader_error_rate: 0,
  };

  it('rounds every figure and reports calls and tokens per case, never as totals', () => {
    const view = coarseHidden(exact);
    expect(view).toEqual({
      cases: 100,
      correctness: 87.3,
      standard_error: 1.3,
      cost_usd: 0.012,
      latency_ms: { p50: 1200, p95: 2100 },
      calls_per_case: 2.1,
      tokens_per_case: { input: 1200, output: 88 },
      statuses: { ok: 97, budget_exceeded: 3 },
      failures: { budget_exceeded: 3 },
      grader_errors: 0,
      grader_error_rate: 0,
    });
    expect(view).not.toHaveProperty('calls');
    expect(view).not.toHaveProperty('tokens');
  });

  it('gives the same view for results a small change on one hidden case apart', () => {
    // One more call, a few hundred more tokens and a slightly lower score on one case: same view.
    const oneCaseMore = {
      ...exact,
      calls: exact.calls + 1,
      tokens: { input: exact.tokens.input + 400, output: exact.tokens.output + 30 },
      cost_usd: exact.cost_usd + 0.00005,
      correctness: exact.correctness - 0.03,
    };
    expect(coarseHidden(oneCaseMore)).toEqual(coarseHidden(exact));
  });

  it('leaves out grader error fields an older stored result lacks', () => {
    const { grader_errors: _e, grader_error_rate: _r, ...older } = exact;
    const view = coarseHidden(older);
    expect(view).not.toHaveProperty('grader_errors');
    expect(view).not.toHaveProperty('grader_error_rate');
  });
});

describe('the breakdown as learners see it', () => {
  it('shows whole points and drops anything over fewer than five cases', () => {
    const view = coarseBreakdown({
      min_cases: 5,
      fields: [
        { path: 'team', accuracy: 91.67, cases: 12 },
        { path: 'rare', accuracy: 50, cases: 4 },
      ],
      sizes: [
        { from: 1, to: 3, cases: 6, correctness: 99.99 },
        { from: 4, to: 9, cases: 3, correctness: 10 },
      ],
      failures: [{ code: 'invalid_output', cases: 1, hint: 'h' }],
      hints: ['x'],
    });
    expect(view.fields).toEqual([{ path: 'team', accuracy: 91, cases: 12 }]);
    expect(view.sizes).toEqual([]);
    expect(view.failures).toEqual([{ code: 'invalid_output', cases: 1, hint: 'h' }]);
  });
});
