import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Cohorts1764000003000 implements MigrationInterface {
  name = 'Cohorts1764000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cohorts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        owner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        join_code text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE cohort_members (
        cohort_id uuid NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cohort_id, user_id)
      )`);
    await q.query('CREATE INDEX cohort_members_user_idx ON cohort_members (user_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE cohort_members');
    await q.query('DROP TABLE cohorts');
  }
}
