import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A version may prove more than one way to pass (a cheap reference and an accurate one). */
export class ExtraReferences1764000004000 implements MigrationInterface {
  name = 'ExtraReferences1764000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE challenge_versions ADD COLUMN extra_references jsonb NOT NULL DEFAULT '{}'");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE challenge_versions DROP COLUMN extra_references');
  }
}
