import type { HiddenSummary } from '@reps/shared';
import pg from 'pg';
import { stackEnv } from './stack.js';

/**
 * A graded submission's hidden-set summary as stored, exact (docs/grading.md: learners only ever
 * read it rounded), from the test stack's database.
 */
export async function storedHidden(id: string): Promise<HiddenSummary> {
  const db = new pg.Client({ connectionString: stackEnv().DATABASE_URL });
  await db.connect();
  try {
    const { rows } = await db.query("SELECT result->'hidden' AS hidden FROM submissions WHERE id = $1", [id]);
    if (!rows[0]?.hidden) throw new Error(`submission ${id} has no stored hidden result`);
    return rows[0].hidden as HiddenSummary;
  } finally {
    await db.end();
  }
}
