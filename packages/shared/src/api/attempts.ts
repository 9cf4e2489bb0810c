import { z } from 'zod';
import { SLUG_PATTERN } from '../challenge.js';
import type { RunStatus, SubmissionStatus } from './statuses.js';

/** An attempt is a practice run (the public cases) or a submission (graded on the hidden cases). */
export const ATTEMPT_KINDS = ['run', 'submission'] as const;
export type AttemptKind = (typeof ATTEMPT_KINDS)[number];

/** Where the attempts list stopped: the last attempt's time (as Postgres wrote it) and id. */
export const attemptCursorSchema = z
  .string()
  .max(200, 'is not a cursor from this list')
  .regex(/^[A-Za-z0-9_-]+$/, 'is not a cursor from this list');

export const attemptsQuerySchema = z.strictObject({
  slug: z.string().regex(SLUG_PATTERN, 'is not a challenge slug'),
  /** Attempts on one page, newest first. */
  limit: z.coerce.number().int().min(1).max(50).default(20),
  /** `next_cursor` of the page before. */
  cursor: attemptCursorSchema.optional(),
});
export type AttemptsQuery = z.infer<typeof attemptsQuerySchema>;

export const attemptParamsSchema = z.strictObject({
  kind: z.enum(ATTEMPT_KINDS, 'kind must be run or submission'),
  id: z.uuid('id is not an attempt id'),
});

/**
 * One attempt as its author's history lists it. A run's figures are over the public cases, exact
 * (they are public data); a submission's are over the hidden cases at the learner's resolution
 * (`coarse`, `coarseBreakdown` in resolution.ts), never a hidden case.
 */
export interface AttemptView {
  kind: AttemptKind;
  id: string;
  /** The challenge version it ran against. */
  version: number;
  status: RunStatus | SubmissionStatus;
  created_at: string;
  /** `public` for a run, `hidden` for a submission: which set the figures below are over. */
  set: 'public' | 'hidden';
  /** Cases in that set; null until there is a result. */
  cases: number | null;
  correctness: number | null;
  /** Submissions only: the standard error of the correctness, rounded up to 0.1. */
  standard_error: number | null;
  /** The whole set's cost, in USD. */
  cost_usd: number | null;
  latency_ms: { p50: number | null; p95: number | null };
  /** Accuracy per output field where the result has it (a submission's: buckets of at least 5 cases). */
  fields: { path: string; accuracy: number }[];
  pipeline_hash: string;
}

export interface AttemptsPage {
  items: AttemptView[];
  /** Pass as `cursor` for the next, older page; null on the last page. */
  next_cursor: string | null;
}

/** One attempt with the pipeline it ran: for its author only. */
export interface AttemptDetail extends AttemptView {
  pipeline: string;
}
