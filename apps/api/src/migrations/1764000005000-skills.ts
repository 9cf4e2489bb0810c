import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Saved skills (reusable sub-pipelines, versioned, private to their author). A run or submission
 * keeps the skills it was checked with, so a later edit of a skill cannot change what was graded.
 */
export class Skills1764000005000 implements MigrationInterface {
  name = 'Skills1764000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE skills (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name text NOT NULL,
        version int NOT NULL,
        description text,
        source text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, name, version)
      )`);
    await q.query("ALTER TABLE submissions ADD COLUMN skills jsonb NOT NULL DEFAULT '{}'");
    await q.query("ALTER TABLE runs ADD COLUMN skills jsonb NOT NULL DEFAULT '{}'");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE runs DROP COLUMN skills');
    await q.query('ALTER TABLE submissions DROP COLUMN skills');
    await q.query('DROP TABLE skills');
  }
}
