import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Users1764000000000 implements MigrationInterface {
  name = 'Users1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS citext');
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email citext NOT NULL UNIQUE,
        handle citext NOT NULL UNIQUE CHECK (handle ~ '^[a-zA-Z0-9_-]{2,32}$'),
        display_name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL DEFAULT 'learner' CHECK (role IN ('learner', 'instructor', 'admin')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE users');
  }
}
