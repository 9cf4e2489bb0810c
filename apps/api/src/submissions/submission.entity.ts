import type { ReviewStatus, SubmissionStatus } from '@reps/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'submissions' })
export class Submission {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'challenge_version_id', type: 'uuid' })
  challengeVersionId!: string;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'int' })
  version!: number;

  /** Stored verbatim: what was graded is exactly what was sent. */
  @Column({ type: 'text' })
  pipeline!: string;

  @Column({ name: 'pipeline_hash', type: 'text' })
  pipelineHash!: string;

  @Column({ type: 'text', default: 'queued' })
  status!: SubmissionStatus;

  @Column({ name: 'cases_done', type: 'int', default: 0 })
  casesDone!: number;

  @Column({ name: 'cases_total', type: 'int', default: 0 })
  casesTotal!: number;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'double precision', nullable: true })
  correctness!: number | null;

  @Column({ name: 'standard_error', type: 'double precision', nullable: true })
  standardError!: number | null;

  @Column({ name: 'cost_usd', type: 'double precision', nullable: true })
  costUsd!: number | null;

  @Column({ name: 'latency_p50_ms', type: 'double precision', nullable: true })
  latencyP50Ms!: number | null;

  @Column({ name: 'latency_p95_ms', type: 'double precision', nullable: true })
  latencyP95Ms!: number | null;

  @Column({ type: 'int', nullable: true })
  calls!: number | null;

  @Column({ name: 'tokens_in', type: 'int', nullable: true })
  tokensIn!: number | null;

  @Column({ name: 'tokens_out', type: 'int', nullable: true })
  tokensOut!: number | null;

  /** Aggregates for hidden cases, full results for public ones (see SubmissionResult). */
  @Column({ type: 'jsonb', nullable: true })
  result!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  error!: { code: string; message: string } | null;

  @Column({ name: 'verification_id', type: 'text', nullable: true })
  verificationId!: string | null;

  /** The author's skills as they were when this was sent (`name` and `name@version` → source). */
  @Column({ type: 'jsonb', default: {} })
  skills!: Record<string, string>;

  @Column({ name: 'rejudge_of', type: 'uuid', nullable: true })
  rejudgeOf!: string | null;

  /** Null unless the grading was held for review (too many grader_error hidden cases). */
  @Column({ name: 'review_status', type: 'text', nullable: true })
  reviewStatus!: ReviewStatus | null;

  /** The hidden cases the grader could not score, with why: for the reviewer, never the learner. */
  @Column({ name: 'grader_error_cases', type: 'jsonb', nullable: true })
  graderErrorCases!: { id: string; reason: string }[] | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy!: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'graded_at', type: 'timestamptz', nullable: true })
  gradedAt!: Date | null;
}
