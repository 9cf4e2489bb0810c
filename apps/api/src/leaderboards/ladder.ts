import { aheadOnTieBreak, type TieBreak } from './board-order.js';

export interface Standing extends TieBreak {
  correctness: number;
  standard_error: number;
}

/**
 * The Ladder rule (docs/grading.md): a displayed best changes only when the new result beats
 * it by more than the hidden set's standard error, so noise cannot reshuffle a leaderboard. Cost
 * and latency are not noisy, so a result at least as correct that the board order puts ahead on
 * them (cheaper, or as cheap and faster: board-order.ts) also takes the place.
 */
export function beats(candidate: Standing, displayed: Standing): boolean {
  if (candidate.correctness - displayed.correctness > displayed.standard_error) return true;
  return candidate.correctness >= displayed.correctness && aheadOnTieBreak(candidate, displayed);
}

/** Standard error of the mean case score, in correctness points (0–100). */
export function standardError(scores: number[]): number {
  const n = scores.length;
  if (n < 2) return 0;
  const mean = scores.reduce((a, b) => a + b, 0) / n;
  const variance = scores.reduce((sum, s) => sum + (s - mean) ** 2, 0) / (n - 1);
  return Math.round(Math.sqrt(variance / n) * 100 * 100) / 100;
}
