import { z } from 'zod';

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

export const SUBMISSION_STATUSES = ['queued', 'running', 'graded', 'failed', 'error'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

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
  correctness: number | null;
  standard_error: number | null;
  cost_usd: number | null;
  latency_ms: { p50: number | null; p95: number | null };
  calls: number | null;
  tokens: { input: number | null; output: number | null };
  /** `hidden`: aggregates only; `public`: full per-case results and traces. */
  result: unknown;
  error: { code: string; message: string } | null;
  verification_id: string | null;
  leaderboard: { rank: number; of: number; displayed: boolean } | null;
  created_at: string;
  graded_at: string | null;
}

export interface RunView {
  id: string;
  slug: string;
  version: number;
  status: 'queued' | 'running' | 'done' | 'failed' | 'error';
  result: unknown;
  error: { code: string; message: string; issues?: unknown[] } | null;
  created_at: string;
  finished_at: string | null;
}
