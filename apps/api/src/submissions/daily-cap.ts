import type { DataSource, EntityManager } from 'typeorm';

/** A learner's own submissions on a challenge since 00:00 UTC (rejudges are not theirs to count). */
export async function submissionsToday(
  dataSource: DataSource | EntityManager,
  userId: string,
  slug: string,
): Promise<number> {
  const [{ count }] = await dataSource.query(
    `SELECT count(*)::int AS count FROM submissions
      WHERE user_id = $1 AND slug = $2 AND rejudge_of IS NULL
        AND created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`,
    [userId, slug],
  );
  return count;
}
