import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Learners' own model provider keys, encrypted with a key derived from REPS_SERVER_KEY. */
export class ModelKeys1764000006000 implements MigrationInterface {
  name = 'ModelKeys1764000006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE model_keys (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        provider text NOT NULL CHECK (provider IN ('openai', 'anthropic')),
        encrypted_key text NOT NULL,
        hint text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, provider)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE model_keys');
  }
}
