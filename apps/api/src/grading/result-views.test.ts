import { type CaseResult, summarize } from '@reps/engine';
import { coarseHidden, emptyUsage } from '@reps/shared';
import { hiddenSummary, publicResult } from './result-views.js';

function caseResult(index: number, score: number | null): CaseResult {
  return {
    id: `case-${index}`,
    status: score === null ? 'grader_error' : 'ok',
    score,
    reason: score === null ? 'scorer failed' : `expected ${index}`,
    cost_usd: 0.002,
    latency_ms: 100 + index,
    output: { n: index },
    trace: {
      status: 'ok',
      latency_ms: 100 + index,
      usage: { ...emptyUsage(), calls: 1, input_tokens: 50, output_tokens: 5, cost_usd: 0.002 },
      steps: [],
    },
  };
}

const result = summarize([
  ...Array.from({ length: 9 }, (_, i) => caseResult(i, i % 3 === 0 ? 0 : 1)),
  caseResult(9, null),
]);

describe('hiddenSummary', () => {
  it('stores every total of the grade, the case count and the standard error, and no case', () => {
    const summary = hiddenSummary(result);
    const { cases: _cases, ...totals } = result;
    expect(summary).toMatchObject({ ...totals, cases: 10 });
    expect(summary.standard_error).toBeGreaterThan(0);
    expect(JSON.stringify(summary)).not.toContain('case-');
    expect(JSON.stringify(summary)).not.toContain('expected 1');
  });

  it('goes to learners through coarseHidden without any exact total', () => {
    const view = coarseHidden(hiddenSummary(result));
    expect(view).not.toHaveProperty('calls');
    expect(view).not.toHaveProperty('tokens');
    expect(view.calls_per_case).toBe(1);
  });
});

describe('publicResult', () => {
  it('shows each public case in full with its test case, without a standard error', () => {
    const testCases = result.cases.map((c, i) => ({
      id: c.id,
      index: i,
      input: { i },
      expected: { n: i },
      facts: [],
    }));
    const view = publicResult(result, testCases);
    expect(view).not.toHaveProperty('standard_error');
    expect(view.correctness).toBe(result.correctness);
    expect(view.case_results[4]).toMatchObject({
      id: 'case-4',
      input: { i: 4 },
      expected: { n: 4 },
      output: { n: 4 },
    });
  });
});
