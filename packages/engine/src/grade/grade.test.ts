import { emptyUsage } from '@reps/shared';
import { type CaseResult, gradeTotals, publicCaseView, summarize } from './grade.js';

function caseResult(
  id: string,
  status: CaseResult['status'],
  score: number | null,
  latency: number,
): CaseResult {
  return {
    id,
    status,
    score,
    reason: status === 'ok' ? 'right' : status,
    cost_usd: 0.01,
    latency_ms: latency,
    output: { answer: id },
    trace: {
      status: status === 'grader_error' ? 'ok' : status,
      latency_ms: latency,
      usage: { ...emptyUsage(), calls: 2, input_tokens: 100, output_tokens: 10, cost_usd: 0.01 },
      steps: [],
    },
  };
}

const cases = [
  caseResult('a', 'ok', 1, 300),
  caseResult('b', 'ok', 0.5, 100),
  caseResult('c', 'budget_exceeded', 0, 900),
  caseResult('d', 'grader_error', null, 200),
];

describe('summarize', () => {
  it('sums the cases into totals, leaving grader errors out of correctness', () => {
    const result = summarize(cases);
    expect(result).toMatchObject({
      correctness: 50,
      calls: 8,
      tokens: { input: 400, output: 40 },
      latency_ms: { p50: 200, p95: 900 },
      statuses: { ok: 2, budget_exceeded: 1, grader_error: 1 },
      failures: { budget_exceeded: 1, grader_error: 1 },
      grader_errors: 1,
      grader_error_rate: 0.25,
    });
    expect(result.cost_usd).toBeCloseTo(0.04);
  });
});

describe('gradeTotals', () => {
  it('is the result without its cases, every total kept', () => {
    const result = summarize(cases);
    const totals = gradeTotals(result);
    expect(totals).not.toHaveProperty('cases');
    expect({ ...totals, cases: result.cases }).toEqual(result);
  });
});

describe('publicCaseView', () => {
  it('shows a graded case with the input and expected value of its test case', () => {
    const view = publicCaseView(cases[0]!, { input: { text: 'x' }, expected: { answer: 'a' } });
    expect(view).toEqual({
      id: 'a',
      input: { text: 'x' },
      expected: { answer: 'a' },
      output: { answer: 'a' },
      status: 'ok',
      score: 1,
      reason: 'right',
      cost_usd: 0.01,
      latency_ms: 300,
      trace: cases[0]!.trace,
    });
  });

  it('leaves input and expected undefined when the test case is unknown', () => {
    const view = publicCaseView(cases[2]!, undefined);
    expect(view.input).toBeUndefined();
    expect(view.expected).toBeUndefined();
    expect(view.status).toBe('budget_exceeded');
  });
});
