import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API tokens expire: each carries an expiry chosen at creation (90 days by default). Tokens made
 * before this migration expire 90 days after they were made.
 */
export class ApiTokenExpiry1764000009000 implements MigrationInterface {
  name = 'ApiTokenExpiry1764000009000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz');
    await q.query("UPDATE api_tokens SET expires_at = created_at + interval '90 days'");
    await q.query('ALTER TABLE api_tokens ALTER COLUMN expires_at SET NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE api_tokens DROP COLUMN expires_at');
  }
}
