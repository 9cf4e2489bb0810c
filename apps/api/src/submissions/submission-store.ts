import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ReviewStatus } from '@reps/shared';
import { type EntityManager, In, Repository } from 'typeorm';
import { jsonbSafe } from '../common/jsonb-safe.js';
import { Submission } from './submission.entity.js';

/** The columns a new submission is written with; the rest take their defaults. */
export type NewSubmission = Pick<
  Submission,
  'userId' | 'challengeVersionId' | 'slug' | 'version' | 'pipeline' | 'pipelineHash' | 'skills' | 'casesTotal'
> &
  Partial<Pick<Submission, 'rejudgeOf' | 'status' | 'error' | 'gradedAt'>>;

/** What a finished grading stores on its submission. */
export type GradedFields = Pick<
  Submission,
  | 'casesDone'
  | 'correctness'
  | 'standardError'
  | 'costUsd'
  | 'latencyP50Ms'
  | 'latencyP95Ms'
  | 'calls'
  | 'tokensIn'
  | 'tokensOut'
  | 'result'
  | 'verificationId'
  | 'gradedAt'
> &
  Partial<Pick<Submission, 'reviewStatus' | 'graderErrorCases'>>;

const UNFINISHED = In(['queued', 'running']);

/**
 * The one writer of the `submissions` table (docs/architecture.md, "Who writes which table"). The
 * API inserts learners' submissions, instructor/ inserts rejudges and records reviews, the worker
 * moves a submission through its states: all through these methods. A method that must join the
 * caller's transaction takes its EntityManager.
 */
@Injectable()
export class SubmissionStore {
  constructor(@InjectRepository(Submission) private readonly submissions: Repository<Submission>) {}

  byId(id: string, db: EntityManager = this.submissions.manager): Promise<Submission | null> {
    return db.findOne(Submission, { where: { id } });
  }

  insert(fields: NewSubmission, db: EntityManager = this.submissions.manager): Promise<Submission> {
    return db.save(
      db.create(Submission, { ...fields, error: fields.error ? jsonbSafe(fields.error) : null }),
    );
  }

  /** Claims a queued (or re-delivered running) submission for grading; false when it is final already. */
  async markRunning(id: string, attempts: number, casesTotal: number): Promise<boolean> {
    const result = await this.submissions.update(
      { id, status: UNFINISHED },
      { status: 'running', startedAt: new Date(), attempts, casesDone: 0, casesTotal },
    );
    return Boolean(result.affected);
  }

  async recordProgress(id: string, casesDone: number): Promise<void> {
    await this.submissions.update({ id, status: 'running' }, { casesDone });
  }

  /**
   * Stores a grading's result, in the caller's transaction (the standings are recorded in the same
   * one). Null when another delivery of the job finished first: nothing is recorded twice.
   */
  async recordGraded(db: EntityManager, id: string, fields: GradedFields): Promise<Submission | null> {
    const result = await db.update(Submission, { id, status: 'running' }, {
      ...fields,
      status: 'graded',
    } as object);
    return result.affected ? db.findOneOrFail(Submission, { where: { id } }) : null;
  }

  /** Marks an unfinished submission failed or errored; null when it was final already. */
  async finish(
    id: string,
    status: 'failed' | 'error',
    error: NonNullable<Submission['error']>,
  ): Promise<Submission | null> {
    const result = await this.submissions.update(
      { id, status: UNFINISHED },
      { status, error: jsonbSafe(error), gradedAt: new Date() },
    );
    return result.affected ? this.byId(id) : null;
  }

  /** An instructor's decision on a held grading, in the caller's transaction. */
  async recordReview(
    db: EntityManager,
    id: string,
    decision: Extract<ReviewStatus, 'accepted' | 'rejected'>,
    reviewedBy: string,
    reviewedAt: Date,
  ): Promise<void> {
    await db.update(Submission, { id }, { reviewStatus: decision, reviewedBy, reviewedAt });
  }
}
