import { z } from 'zod';
import { type GradeTotals, REVIEW_STATUSES, type ReviewStatus } from './grading.js';

/**
 * A challenge version as uploaded by an instructor (`reps challenge bundle` writes it): the
 * manifest as YAML text (so errors point at its lines), the brief, the generator and scorer bundled
 * into sandbox scripts, and the reference and baseline pipelines that calibration runs.
 */
export const challengeBundleSchema = z.strictObject({
  format: z.literal('reps-challenge-bundle@1'),
  manifest: z.string().min(1).max(200_000),
  brief: z.string().min(1).max(200_000),
  generator_script: z.string().min(1).max(2_000_000),
  scorer_script: z.string().min(1).max(2_000_000).optional(),
  reference_pipeline: z
    .string()
    .min(1)
    .max(256 * 1024),
  baseline_pipeline: z
    .string()
    .min(1)
    .max(256 * 1024),
  /** More passing references by name (`cheap`, `accurate` …), checked like the reference. */
  references: z
    .record(
      z
        .string()
        .regex(/^[a-z0-9-]{1,40}$/)
        .refine((name) => name !== 'context-free', 'context-free is a check, not a reference'),
      z
        .string()
        .min(1)
        .max(256 * 1024),
    )
    .optional(),
  /**
   * The shortcut checks calibration also runs (docs/calibration.md): `adversary.<name>` (a code-only
   * shortcut), `context-free` (a reference without the evidence) and `ablation.<name>` (a reference
   * without one tactic), each held to its bar.
   */
  checks: z
    .record(
      z.string().regex(/^(?:(?:adversary|ablation)\.[a-z0-9][a-z0-9-]{0,39}|context-free)$/),
      z
        .string()
        .min(1)
        .max(256 * 1024),
    )
    .optional(),
});
export type ChallengeBundle = z.infer<typeof challengeBundleSchema>;

/** One pipeline's grade in a calibration: the headline figures of its GradeTotals, and its verdict. */
export interface CalibrationLine
  extends Pick<GradeTotals, 'correctness' | 'cost_usd' | 'latency_ms' | 'calls'> {
  pipeline: string;
  /** What the pipeline is checked as: baseline, reference, adversary, context-free or ablation. */
  role?: string;
  /** Cases that ended budget_exceeded. */
  budget_exceeded: number;
  holds: boolean;
  /** Why it does not hold, in words. */
  note?: string;
}

export interface Calibration {
  holds: boolean;
  cases: number;
  lines: CalibrationLine[];
  finished_at: string;
  /** Why the version could not be calibrated at all (its generator failed), when it could not. */
  error?: string;
}

export interface InstructorVersionView {
  slug: string;
  version: number;
  title: string;
  status: 'draft' | 'calibrating' | 'published' | 'rejected' | 'retired';
  source: 'catalogue' | 'upload';
  calibration: Calibration | null;
  created_at: string;
  published_at: string | null;
}

/**
 * Whose work a challenge's analytics cover: `cohorts`, the learners of the cohorts the instructor
 * runs (an instructor reading a published challenge they did not write); `all`, every learner (an
 * admin, or the challenge's author).
 */
export type AnalyticsScope = 'cohorts' | 'all';

export interface ChallengeAnalytics {
  slug: string;
  title: string;
  version: number;
  /** The versions that can be analysed (published now or before), newest first. */
  versions: number[];
  scope: AnalyticsScope;
  /** Learners in the scope: the distinct members of the instructor's cohorts, or every account for `all`. */
  scope_learners: number;
  /** Cohorts the instructor runs (scope `cohorts`); null for `all`. */
  scope_cohorts: number | null;
  /** Correctness a submission needs to pass this version. */
  pass_mark: number;
  /** Learners in the scope who submitted to this version, their submissions, and how many passed. */
  learners: number;
  submissions: number;
  passed: number;
  /** Learners' best correctness in 10-point bins (0–9, 10–19 … 90–100). */
  score_distribution: { from: number; to: number; learners: number }[];
  /** One point per learner in the scope: their displayed best (nobody outside the scope is named). */
  cost_vs_correctness: { handle: string; correctness: number; cost_usd: number }[];
  /** Error code → cases, over every graded submission's hidden cases. */
  failure_categories: { code: string; cases: number }[];
  /** Submissions a learner made up to their first passing one. */
  attempts_to_pass: {
    median: number | null;
    mean: number | null;
    distribution: { attempts: number; learners: number }[];
  };
}

/** `GET /instructor/reviews?status=`: which held gradings to list; default those still pending. */
export const reviewsQuerySchema = z.strictObject({
  status: z.enum(REVIEW_STATUSES).default('pending'),
});

/** A grading held for review, as the challenge's instructor sees it. */
export interface GradingReviewView {
  submission_id: string;
  slug: string;
  version: number;
  title: string;
  /** The learner. */
  handle: string;
  status: ReviewStatus;
  correctness: number | null;
  standard_error: number | null;
  /** Hidden cases graded, how many the grader could not score, and their share (0..1). */
  cases: number;
  grader_errors: number;
  grader_error_rate: number;
  failures: Record<string, number>;
  /** The hidden cases the grader could not score and why (instructors only; may quote expected values). */
  grader_error_cases: { id: string; reason: string }[];
  graded_at: string | null;
  reviewed_at: string | null;
  /** Handle of the instructor or admin who decided. */
  reviewed_by: string | null;
}
