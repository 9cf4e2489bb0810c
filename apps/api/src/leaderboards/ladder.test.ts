import { beats, standardError } from './ladder.js';

describe('the Ladder rule', () => {
  const displayed = { correctness: 80, standard_error: 3, cost_usd: 0.5, latency_p95_ms: 1000 };

  it('keeps the displayed best when a new result is better only within the standard error', () => {
    expect(
      beats({ correctness: 82.5, standard_error: 3, cost_usd: 0.9, latency_p95_ms: 1000 }, displayed),
    ).toBe(false);
  });

  it('replaces it when the new result is better by more than the standard error', () => {
    expect(
      beats({ correctness: 83.5, standard_error: 3, cost_usd: 0.9, latency_p95_ms: 1000 }, displayed),
    ).toBe(true);
  });

  it('replaces it with an equally correct but cheaper result', () => {
    expect(
      beats({ correctness: 80, standard_error: 3, cost_usd: 0.4, latency_p95_ms: 1000 }, displayed),
    ).toBe(true);
  });

  it('replaces it with an equally correct, equally cheap but faster result, as the board order ranks it', () => {
    expect(beats({ correctness: 80, standard_error: 3, cost_usd: 0.5, latency_p95_ms: 900 }, displayed)).toBe(
      true,
    );
    expect(
      beats({ correctness: 80, standard_error: 3, cost_usd: 0.5, latency_p95_ms: 1000 }, displayed),
    ).toBe(false);
  });

  it('never lets a less correct result in because it is cheaper', () => {
    expect(
      beats({ correctness: 79, standard_error: 3, cost_usd: 0.01, latency_p95_ms: 1000 }, displayed),
    ).toBe(false);
  });

  it('computes the standard error of the mean in points', () => {
    expect(standardError([1, 1, 1, 1])).toBe(0);
    expect(standardError([1, 0, 1, 0])).toBeCloseTo(28.87, 2);
    expect(standardError([0.5])).toBe(0);
  });
});
