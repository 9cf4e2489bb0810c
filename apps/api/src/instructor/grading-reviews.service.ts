import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type GradingReviewView, RepsError, type ReviewStatus, type SubmissionResult } from '@reps/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators.js';
import { StandingsService } from '../leaderboards/standings.service.js';
import { ReadCache } from '../redis/read-cache.js';
import { SubmissionStore } from '../submissions/submission-store.js';

const REVIEW_SQL = `
  SELECT s.id, s.slug, s.version, c.title, u.handle, s.review_status, s.correctness, s.standard_error,
         s.result->'hidden' AS hidden, s.grader_error_cases, s.graded_at, s.reviewed_at, r.handle AS reviewed_by
    FROM submissions s
    JOIN users u ON u.id = s.user_id
    JOIN challenges c ON c.slug = s.slug
    LEFT JOIN users r ON r.id = s.reviewed_by`;

/** Whether the user may review gradings of a challenge: an admin, or an author of one of its versions. */
/** An admin or the challenge's author, and never on their own submission (nobody accepts their own grading). */
const MAY_REVIEW_SQL = `(s.user_id <> $3 AND ($2::boolean OR EXISTS (
  SELECT 1 FROM challenge_versions v WHERE v.slug = s.slug AND v.created_by = $3)))`;

/**
 * Gradings held for review (grading/review-hold.ts): the challenge's instructor (whoever uploaded
 * one of its versions) or an admin lists them and decides. Accepted, a submission is recorded in
 * the standings as if just graded; rejected, it stays unranked and its learner sees that.
 */
@Injectable()
export class GradingReviewsService {
  private readonly logger = new Logger('GradingReviews');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly standings: StandingsService,
    private readonly readCache: ReadCache,
    private readonly submissions: SubmissionStore,
  ) {}

  async list(user: AuthUser, status: ReviewStatus): Promise<GradingReviewView[]> {
    const rows = await this.dataSource.query(
      `${REVIEW_SQL} WHERE s.review_status = $1 AND ${MAY_REVIEW_SQL} ORDER BY s.graded_at LIMIT 200`,
      [status, user.role === 'admin', user.id],
    );
    return rows.map(toView);
  }

  async decide(user: AuthUser, id: string, decision: 'accepted' | 'rejected'): Promise<GradingReviewView> {
    await this.dataSource.transaction(async (tx) => {
      const [row] = await tx.query(
        `SELECT s.review_status FROM submissions s WHERE s.id = $1 AND s.status = 'graded' AND ${MAY_REVIEW_SQL} FOR UPDATE`,
        [id, user.role === 'admin', user.id],
      );
      // Not theirs to review, or no such grading: the same answer, so ids reveal nothing.
      if (!row?.review_status)
        throw new RepsError('not_found', 'No grading held for your review has this id.');
      if (row.review_status !== 'pending')
        throw new RepsError('conflict', `This grading was ${row.review_status} already.`);
      const reviewedAt = new Date();
      await this.submissions.recordReview(tx, id, decision, user.id, reviewedAt);
      if (decision === 'accepted') await this.rank(tx, id, reviewedAt);
    });
    if (decision === 'accepted') await this.readCache.changed('standings');
    this.logger.log({ event: 'grading_reviewed', submissionId: id, decision, reviewer: user.id });
    const [row] = await this.dataSource.query(`${REVIEW_SQL} WHERE s.id = $1`, [id]);
    return toView(row);
  }

  /** Records an accepted grading in leaderboards and ratings as if it had just been graded. */
  private async rank(tx: EntityManager, id: string, at: Date): Promise<void> {
    const submission = await this.submissions.byId(id, tx);
    if (submission) await this.standings.record(tx, { ...submission, gradedAt: at });
  }
}

function toView(row: Record<string, unknown>): GradingReviewView {
  const hidden = row.hidden as SubmissionResult['hidden'] | null;
  const cases = hidden?.cases ?? 0;
  const graderErrors = hidden?.grader_errors ?? hidden?.statuses.grader_error ?? 0;
  return {
    submission_id: String(row.id),
    slug: String(row.slug),
    version: Number(row.version),
    title: String(row.title),
    handle: String(row.handle),
    status: row.review_status as ReviewStatus,
    correctness: row.correctness === null ? null : Number(row.correctness),
    standard_error: row.standard_error === null ? null : Number(row.standard_error),
    cases,
    grader_errors: graderErrors,
    grader_error_rate: hidden?.grader_error_rate ?? (cases ? graderErrors / cases : 0),
    failures: hidden?.failures ?? {},
    grader_error_cases: (row.grader_error_cases as GradingReviewView['grader_error_cases'] | null) ?? [],
    graded_at: (row.graded_at as Date | null)?.toISOString() ?? null,
    reviewed_at: (row.reviewed_at as Date | null)?.toISOString() ?? null,
    reviewed_by: (row.reviewed_by as string | null) ?? null,
  };
}
