import type { DataSource, EntityManager } from 'typeorm';

/** One of a learner's submissions on a challenge's current published version. */
export interface VersionAttempt {
  slug: string;
  status: string;
  /** null: never held; 'pending' or 'rejected': held for review and not ranked. */
  review_status: string | null;
  correctness: number | null;
  pass_mark: number;
}

/**
 * Whether a submission counts towards passing: graded, and not held for review (or held and then
 * accepted), the same rule that keeps a grading off the leaderboards.
 */
export function accepted(a: Pick<VersionAttempt, 'status' | 'review_status' | 'correctness'>): boolean {
  return (
    a.status === 'graded' &&
    a.correctness !== null &&
    (a.review_status === null || a.review_status === 'accepted')
  );
}

/**
 * `accepted` in SQL, for reads that filter many learners' submissions in the database (`s` is the
 * submissions alias). Keep the two side by side.
 */
export const ACCEPTED_SQL = `s.status = 'graded' AND s.correctness IS NOT NULL
  AND coalesce(s.review_status, 'accepted') = 'accepted'`;

/**
 * "Passed": the learner's best accepted submission on the challenge's current published version
 * scores at least the manifest's `scoring.pass_mark`, on exact figures. A pass on an earlier version
 * does not count (a rejudge re-grades it on the current one as a new submission, which then does).
 * Returns the slugs passed among `attempts`.
 */
export function passedSlugs(attempts: readonly VersionAttempt[]): Set<string> {
  const best = new Map<string, number>();
  for (const a of attempts) {
    if (!accepted(a) || a.correctness === null) continue;
    best.set(a.slug, Math.max(best.get(a.slug) ?? Number.NEGATIVE_INFINITY, a.correctness));
  }
  return new Set(
    attempts.filter((a) => (best.get(a.slug) ?? Number.NEGATIVE_INFINITY) >= a.pass_mark).map((a) => a.slug),
  );
}

/** The learner's submissions on current published versions (optionally one challenge's), for `passedSlugs`. */
export function versionAttempts(
  db: DataSource | EntityManager,
  userId: string,
  slug?: string,
): Promise<VersionAttempt[]> {
  return db.query(
    `SELECT s.slug, s.status, s.review_status, s.correctness,
            (v.manifest->'scoring'->>'pass_mark')::float AS pass_mark
       FROM submissions s
       JOIN challenges c ON c.slug = s.slug AND c.published_version = s.version
       JOIN challenge_versions v ON v.id = s.challenge_version_id
      WHERE s.user_id = $1 AND ($2::text IS NULL OR s.slug = $2)`,
    [userId, slug ?? null],
  );
}

/** The challenges the learner has passed (see `passedSlugs`). */
export async function passedChallenges(
  db: DataSource | EntityManager,
  userId: string,
  slug?: string,
): Promise<Set<string>> {
  return passedSlugs(await versionAttempts(db, userId, slug));
}
