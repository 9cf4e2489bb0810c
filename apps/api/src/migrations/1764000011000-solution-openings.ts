import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a learner first opened a challenge version's solutions (POST .../solutions/open): their
 * submissions on that version sent later are graded but not ranked (solutions/opened.ts). One row
 * per learner and version; opening again keeps the first time.
 */
export class SolutionOpenings1764000011000 implements MigrationInterface {
  name = 'SolutionOpenings1764000011000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE solution_openings (
        challenge_version_id uuid NOT NULL REFERENCES challenge_versions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        opened_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (challenge_version_id, user_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE solution_openings');
  }
}
