import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Ratings are ordered by rating, then by who got there first: the index follows the whole order. */
export class RatingsRankIndex1764000007000 implements MigrationInterface {
  name = 'RatingsRankIndex1764000007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ratings_order_idx');
    await q.query('CREATE INDEX ratings_order_idx ON ratings (scope, period, rating DESC, updated_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ratings_order_idx');
    await q.query('CREATE INDEX ratings_order_idx ON ratings (scope, period, rating DESC)');
  }
}
