import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Solutions learners chose to show others once they pass: at most one per learner per challenge
 * version (sharing another passing submission replaces it; withdrawing deletes the row). The
 * figures are read from the submission, so a share never copies them.
 */
export class SolutionShares1764000010000 implements MigrationInterface {
  name = 'SolutionShares1764000010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE solution_shares (
        challenge_version_id uuid NOT NULL REFERENCES challenge_versions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        submission_id uuid NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
        shared_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (challenge_version_id, user_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE solution_shares');
  }
}
