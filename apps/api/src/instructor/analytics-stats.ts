import type { ChallengeAnalytics } from '@reps/shared';

/**
 * The statistics of a challenge's analytics, as pure functions (analytics-stats.test.ts): scores in
 * ten bins of ten points (the last 90–100), and attempts to pass as median (the lower middle for an
 * even count), mean (two decimals) and distribution.
 */
export function scoreDistribution(correctness: readonly number[]): ChallengeAnalytics['score_distribution'] {
  const bins = Array.from({ length: 10 }, (_, i) => ({
    from: i * 10,
    to: i === 9 ? 100 : i * 10 + 9,
    learners: 0,
  }));
  for (const c of correctness) bins[Math.min(9, Math.max(0, Math.floor(c / 10)))]!.learners++;
  return bins;
}

export function attemptsToPass(attempts: readonly number[]): ChallengeAnalytics['attempts_to_pass'] {
  const tries = [...attempts].sort((a, b) => a - b);
  const distribution = [...new Set(tries)].map((n) => ({
    attempts: n,
    learners: tries.filter((t) => t === n).length,
  }));
  return {
    median: tries.length ? tries[Math.floor((tries.length - 1) / 2)]! : null,
    mean: tries.length ? Math.round((tries.reduce((a, b) => a + b, 0) / tries.length) * 100) / 100 : null,
    distribution,
  };
}
