import { attemptsToPass, scoreDistribution } from './analytics-stats.js';

describe('challenge analytics statistics', () => {
  it('bins scores by ten points, 100 in the last bin', () => {
    const bins = scoreDistribution([0, 9.99, 10, 55, 89.9, 90, 100]);
    expect(bins.map((b) => b.learners)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 1, 2]);
    expect(bins[0]).toEqual({ from: 0, to: 9, learners: 2 });
    expect(bins[9]).toEqual({ from: 90, to: 100, learners: 2 });
  });

  it('has ten empty bins and no attempts when nobody has a score', () => {
    expect(scoreDistribution([]).every((b) => b.learners === 0)).toBe(true);
    expect(attemptsToPass([])).toEqual({ median: null, mean: null, distribution: [] });
  });

  it('gives the lower middle as the median of an even count, the mean to two decimals, and the distribution', () => {
    expect(attemptsToPass([3, 1, 2, 2])).toEqual({
      median: 2,
      mean: 2,
      distribution: [
        { attempts: 1, learners: 1 },
        { attempts: 2, learners: 2 },
        { attempts: 3, learners: 1 },
      ],
    });
    expect(attemptsToPass([1, 2, 4])).toMatchObject({ median: 2, mean: 2.33 });
    expect(attemptsToPass([1, 10])).toMatchObject({ median: 1, mean: 5.5 });
  });
});
