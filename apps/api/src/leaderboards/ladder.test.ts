import { beats, standardError } from './ladder.js';

describe('the Ladder rule', () => {
  const displayed = { correctness: 80, standard_error: 3, cost_usd: 0.5 };

  it('keeps the displayed best when a new result is better only within the standard error', () => {
    expect(beats({ correctness: 82.5, standard_error: 3, cost_usd: 0.9 }, displayed)).toBe(false);
  });

  it('replaces it when the new result is better by more than the standard error', () => {
    expect(beats({ correctness: 83.5, standard_error: 3, cost_usd: 0.9 }, displayed)).toBe(true);
  });

  it('replaces it with an equally correct but cheaper result', () => {
    expect(beats({ correctness: 80, standard_error: 3, cost_usd: 0.4 }, displayed)).toBe(true);
  });

  it('never lets a less correct result in because it is cheaper', () => {
    expect(beats({ correctness: 79, standard_error: 3, cost_usd: 0.01 }, displayed)).toBe(false);
  });

  it('computes the standard error of the mean in points', () => {
    expect(standardError([1, 1, 1, 1])).toBe(0);
    expect(standardError([1, 0, 1, 0])).toBeCloseTo(28.87, 2);
    expect(standardError([0.5])).toBe(0);
  });
});
