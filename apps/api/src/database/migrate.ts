import type { DataSource } from 'typeorm';

/** Arbitrary but fixed: one advisory lock key for migrations across every API replica. */
const MIGRATION_LOCK = 72_617_001;

/**
 * Runs pending migrations under a Postgres advisory lock, so several API processes starting at
 * once migrate exactly once. Returns the names of the migrations applied.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
