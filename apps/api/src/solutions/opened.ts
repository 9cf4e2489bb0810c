import type { DataSource, EntityManager } from 'typeorm';

/**
 * Opening a challenge's solutions freezes the learner's place on its boards (docs/grading.md,
 * "Opening the solutions"): a submission enters the leaderboards and ratings only if it was sent
 * before its author first opened the solutions of its version or of an earlier one (a new version
 * does not clear it: what was read still passes), or they never did. Uploading a version counts as
 * opening it: its author wrote the references. Sent at the same instant counts as after.
 */
export function rankedDespiteOpening(sentAt: Date, openedAt: Date | null): boolean {
  return openedAt === null || sentAt.getTime() < openedAt.getTime();
}

/** When a submission was sent, for the rule above, and when its author first read solutions of its version or an earlier one. */
export interface SentAndOpened {
  /** Its own creation, or for a rejudge copy its first original's: a re-grade is not a new attempt. */
  sent_at: Date;
  opened_at: Date | null;
}

/**
 * Read by the standings (whether to rank) and the submission view (why not); only solutions/
 * writes `solution_openings`. A rejudge copy follows `rejudge_of` back to the submission the learner
 * actually sent, so a best sent before opening stays ranked when an instructor re-grades it later.
 */
export async function sentAndOpened(
  db: DataSource | EntityManager,
  submissionId: string,
): Promise<SentAndOpened | null> {
  const [row]: SentAndOpened[] = await db.query(
    `WITH RECURSIVE chain (id, rejudge_of, created_at, depth) AS (
       SELECT id, rejudge_of, created_at, 0 FROM submissions WHERE id = $1
       UNION ALL
       SELECT s.id, s.rejudge_of, s.created_at, c.depth + 1
         FROM submissions s JOIN chain c ON s.id = c.rejudge_of
        WHERE c.depth < 100
     )
     SELECT (SELECT created_at FROM chain ORDER BY depth DESC LIMIT 1) AS sent_at,
            (SELECT min(seen.at) FROM submissions s
               JOIN challenge_versions sv ON sv.id = s.challenge_version_id
               JOIN challenge_versions v ON v.slug = sv.slug AND v.version <= sv.version
               JOIN LATERAL (
                 SELECT o.opened_at AS at FROM solution_openings o
                  WHERE o.challenge_version_id = v.id AND o.user_id = s.user_id
                 UNION ALL
                 SELECT v.created_at WHERE v.created_by = s.user_id
               ) seen ON true
              WHERE s.id = $1) AS opened_at`,
    [submissionId],
  );
  return row?.sent_at ? row : null;
}

/** Whether a stored submission may enter the boards under the opening rule. */
export async function rankedAfterOpening(
  db: DataSource | EntityManager,
  submissionId: string,
): Promise<boolean> {
  const times = await sentAndOpened(db, submissionId);
  return !times || rankedDespiteOpening(times.sent_at, times.opened_at);
}
