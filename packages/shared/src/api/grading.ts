import { z } from 'zod';
import type { CaseTrace } from '../trace.js';

/** The pipeline exactly as written (YAML or JSON); at most 256 KB. */
export const pipelineSourceSchema = z
  .string()
  .min(1, 'is empty')
  .max(256 * 1024, 'is longer than 256 KB');

export const submitRequestSchema = z.strictObject({ pipeline: pipelineSourceSchema });
export type SubmitRequest = z.infer<typeof submitRequestSchema>;

export const runRequestSchema = z.strictObject({
  pipeline: pipelineSourceSchema,
  /** Wait for the result up to this long (ms) before answering 202 with the run id. */
  wait_ms: z.int().min(0).max(60_000).default(30_000),
});
export type RunRequest = z.infer<typeof runRequestSchema>;

import type { RunStatus, SubmissionStatus } from './statuses.js';

export * from './statuses.js';

export interface SubmissionView {
  id: string;
  slug: string;
  version: number;
  status: SubmissionStatus;
  cases_done: number;
  cases_total: number;
  pipeline_hash: string;
  /** Only for the submission's author. */
  pipeline?: string;
  /**
   * The hidden-set figures, at the resolution of HiddenResultView (see `coarse`): correctness and
   * standard error to 0.1, cost and latency to 2 significant figures, calls and tokens per case.
   */
  correctness: number | null;
  standard_error: number | null;
  cost_usd: number | null;
  latency_ms: { p50: number | null; p95: number | null };
  calls_per_case: number | null;
  tokens_per_case: { input: number | null; output: number | null };
  /** `hidden`: rounded aggregates only; `public`: full per-case results and traces, exact. */
  result: SubmissionResultView | null | undefined;
  error: { code: string; message: string } | null;
  verification_id: string | null;
  /**
   * The learner's displayed best on the all-time board (its rank of how many), whether it is this
   * submission, and if not why it stays (the Ladder rule's comparison, docs/grading.md):
   * `lower` (this one is less correct), `within_error` (more correct by no more than the standard
   * error), `not_ahead` (as correct, not cheaper or faster), or `solutions_opened` (sent after its
   * author opened this version's solutions: graded but not ranked, whatever its figures;
   * docs/grading.md); `best_correctness` as learners see it.
   */
  leaderboard: {
    rank: number;
    of: number;
    displayed: boolean;
    stays?: 'lower' | 'within_error' | 'not_ahead' | 'solutions_opened';
    best_correctness?: number;
  } | null;
  /** Set when the grading was held for an instructor's review (too many grader errors). */
  review: SubmissionReview | null;
  created_at: string;
  graded_at: string | null;
}

/**
 * A graded submission whose hidden cases had more than GRADER_ERROR_REVIEW_RATE grader_error cases
 * is held out of leaderboards, ratings and the profile until an instructor reviews it: `pending`
 * until then, `accepted` (ranked from then on) or `rejected` (stays unranked).
 */
export const REVIEW_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** More than this share of hidden cases with grader_error holds a grading for review (2%). */
export const GRADER_ERROR_REVIEW_RATE = 0.02;

export interface SubmissionReview {
  status: ReviewStatus;
  /** Hidden cases the grader could not score, and their share of the hidden cases (0..1). */
  grader_errors: number;
  grader_error_rate: number;
  reviewed_at: string | null;
}

export interface RunView {
  id: string;
  slug: string;
  version: number;
  status: RunStatus;
  result: PublicResultView | null;
  error: { code: string; message: string; issues?: unknown[] } | null;
  created_at: string;
  finished_at: string | null;
}

/**
 * The figures of a grade over a set of cases, exact: what the engine's grade() sums up (its
 * GradeResult is these plus the cases) and what a stored summary holds (HiddenSummary).
 */
export interface GradeTotals {
  /** Mean case score × 100 over the graded cases (grader_error cases excluded), 2 decimals. */
  correctness: number;
  cost_usd: number;
  latency_ms: { p50: number; p95: number };
  calls: number;
  tokens: { input: number; output: number };
  /** Cases per status, e.g. { ok: 48, budget_exceeded: 2 }. */
  statuses: Record<string, number>;
  /** Error code → number of cases that ended with it. */
  failures: Record<string, number>;
  /** Cases the grader could not score (grader_error), left out of correctness. */
  grader_errors: number;
  /** grader_errors over all cases, 0..1: past GRADER_ERROR_REVIEW_RATE a submission is held for review. */
  grader_error_rate: number;
}

type GraderErrorFigures = 'grader_errors' | 'grader_error_rate';

/**
 * A grade on hidden cases as stored (`submissions.result.hidden`): the exact GradeTotals and error
 * codes, never a case. Ranking and the instructor's screens use it; learners get HiddenResultView.
 * The grader-error figures are absent in older results.
 */
export interface HiddenSummary
  extends Omit<GradeTotals, GraderErrorFigures>,
    Partial<Pick<GradeTotals, GraderErrorFigures>> {
  cases: number;
  /** Standard error of the mean case score, in correctness points. */
  standard_error: number;
  /** Where the points went; absent in older results and for fewer than min_cases cases. */
  breakdown?: GradeBreakdown;
}

/**
 * Where the points went in a grading (docs/grading.md): every figure an aggregate over at least
 * `min_cases` cases. Accuracy and correctness in points (0–100).
 */
export interface GradeBreakdown {
  min_cases: number;
  /** Per output field (records' fields under their list: `answers.citations`). */
  fields: { path: string; accuracy: number; cases: number }[];
  /** Correctness by case size (units in the case), buckets merged to at least min_cases cases. */
  sizes: { from: number; to: number; cases: number; correctness: number }[];
  /** Failure codes with how many cases ended so and what to do about it. */
  failures: { code: string; cases: number; hint: string }[];
  /** One line per weak field or size trend: what to change. */
  hints: string[];
}

/** A public case in full: input, expected, output and the whole trace. */
export interface PublicCaseView {
  id: string;
  input: unknown;
  expected: unknown;
  output: unknown;
  status: string;
  score: number | null;
  reason: string;
  cost_usd: number;
  latency_ms: number;
  trace: CaseTrace;
}

/** A practice run's result, and the public part of a submission's. */
export interface PublicResultView extends Omit<HiddenSummary, 'standard_error'> {
  case_results: PublicCaseView[];
}

/**
 * What a learner (and anyone else outside the instructor's screens) sees of a grade on hidden cases:
 * HiddenSummary through `coarseHidden` (packages/shared/src/resolution.ts). Enough to learn from,
 * too coarse to tell which hidden case a change flipped (docs/grading.md). Correctness is rounded
 * down to 0.1 point (shown at the pass mark, it passes) and the standard error up to 0.1; cost (the
 * whole hidden set) and latency to 2 significant figures, latency never finer than 10 ms; calls and
 * tokens become per-case figures; counts per status and per error code stay exact
 * (docs/grading.md says why); the breakdown is in whole points, each figure over at least
 * min_cases hidden cases.
 */
export interface HiddenResultView extends Omit<HiddenSummary, 'calls' | 'tokens'> {
  /** Model calls per hidden case, to 0.1. */
  calls_per_case: number;
  /** Tokens per hidden case, 2 significant figures. */
  tokens_per_case: { input: number; output: number };
}

/** A submission's result as stored: exact. */
export interface SubmissionResult {
  hidden: HiddenSummary;
  public: PublicResultView;
}

/** A submission's result as the submission endpoints send it. */
export interface SubmissionResultView {
  hidden: HiddenResultView;
  public: PublicResultView;
}
