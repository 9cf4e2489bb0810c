import { RepsError } from '@reps/shared';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators.js';

/**
 * The author of a version of the challenge, or an admin. To anyone else a challenge that was never
 * published does not exist (the same 404 as an unknown slug, so drafts' slugs are not revealed); a
 * published one they may see in the catalogue anyway, so they are told it is not theirs.
 */
export async function assertOwnsChallenge(db: DataSource, user: AuthUser, slug: string): Promise<void> {
  const [row] = await db.query(
    `SELECT published_version IS NOT NULL AS public,
            EXISTS (SELECT 1 FROM challenge_versions v WHERE v.slug = c.slug AND v.created_by = $2) AS owned
       FROM challenges c WHERE c.slug = $1`,
    [slug, user.id],
  );
  if (row && (user.role === 'admin' || row.owned)) return;
  if (!row?.public) throw new RepsError('not_found', `No challenge called "${slug}".`);
  throw new RepsError('forbidden', `Only the author of ${slug} (or an admin) can do this.`);
}
