import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A submission's and a practice run's `result` (the public cases with their whole traces: 3.5 MB of
 * JSON for the meeting-action-items reference) compressed with LZ4 instead of PostgreSQL's default
 * pglz. Measured on that result, PostgreSQL 15 on the reference machine: an update took 40-49 ms
 * instead of 56-71 ms, on the critical path of every graded submission, and the rows half the
 * space. Only values written from now on change; a server built without LZ4 keeps pglz.
 */
export class ResultCompression1764000012000 implements MigrationInterface {
  name = 'ResultCompression1764000012000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      BEGIN
        EXECUTE 'ALTER TABLE submissions ALTER COLUMN result SET COMPRESSION lz4';
        EXECUTE 'ALTER TABLE runs ALTER COLUMN result SET COMPRESSION lz4';
      EXCEPTION WHEN feature_not_supported THEN
        RAISE NOTICE 'LZ4 is not available on this server: results stay compressed with pglz';
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE submissions ALTER COLUMN result SET COMPRESSION pglz');
    await q.query('ALTER TABLE runs ALTER COLUMN result SET COMPRESSION pglz');
  }
}
