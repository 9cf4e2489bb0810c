import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Gradings held for review: a submission whose hidden cases had too many grader_error cases is
 * stored graded but kept out of leaderboards, ratings and the profile until the challenge's
 * instructor (or an admin) accepts it; rejected, it stays unranked. review_status is null for
 * every grading that was never held.
 */
export class GradingReview1764000008000 implements MigrationInterface {
  name = 'GradingReview1764000008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE submissions
        ADD COLUMN review_status text CHECK (review_status IN ('pending', 'accepted', 'rejected')),
        ADD COLUMN grader_error_cases jsonb,
        ADD COLUMN reviewed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN reviewed_at timestamptz`);
    await q.query(
      'CREATE INDEX submissions_review_idx ON submissions (review_status, graded_at) WHERE review_status IS NOT NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX submissions_review_idx');
    await q.query(`
      ALTER TABLE submissions
        DROP COLUMN review_status,
        DROP COLUMN grader_error_cases,
        DROP COLUMN reviewed_by,
        DROP COLUMN reviewed_at`);
  }
}
