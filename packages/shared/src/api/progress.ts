/** Hidden-set figures here are at the resolution of `coarse` (packages/shared/src/resolution.ts). */
export interface ProgressAttempt {
  submission_id: string;
  at: string;
  status: string;
  correctness: number | null;
  cost_usd: number | null;
}

export interface ProgressChallenge {
  slug: string;
  title: string;
  domain: string;
  difficulty: number;
  skills: string[];
  attempts: ProgressAttempt[];
  best: {
    correctness: number;
    cost_usd: number;
    latency_p95_ms: number;
    submission_id: string;
    passed: boolean;
  } | null;
}

export interface Progress {
  /** Practice runs plus submissions: every rep counts. */
  reps: number;
  submissions: number;
  runs: number;
  /** Consecutive UTC days with at least one rep, up to today (or yesterday, if today has none yet). */
  streak_days: number;
  longest_streak_days: number;
  /** Reps per UTC day over the last 365 days (days without reps are left out). */
  calendar: { day: string; reps: number }[];
  challenges: ProgressChallenge[];
  /**
   * Per skill: points (difficulty × best correctness, to the whole point) and the share of the
   * points available (to 0.1 %).
   */
  skills: Record<string, { rating: number; possible: number; share: number }>;
  domains: Record<string, { attempted: number; solved: number; total: number }>;
  rating: number;
  rating_history: { at: string; rating: number }[];
}
