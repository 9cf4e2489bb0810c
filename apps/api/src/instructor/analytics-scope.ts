import type { AnalyticsScope } from '@reps/shared';
import type { AuthUser } from '../auth/auth.decorators.js';
import { supervisedLearnersSql } from '../cohorts/supervised-learners.js';

/** What the analytics of a challenge need to know about it and the reader. */
export interface ChallengeStanding {
  /** The challenge exists. */
  exists: boolean;
  /** It has a published version (it is in the catalogue for everyone). */
  published: boolean;
  /** The reader wrote one of its versions. */
  authored: boolean;
}

/**
 * Whose work a reader sees in a challenge's analytics (analytics-scope.test.ts): an admin and the
 * challenge's author everyone's (`all`); any other instructor, on a published challenge, the
 * learners of the cohorts they run (`cohorts`). A challenge that does not exist, or that another
 * instructor never published, is `not_found` (the same answer, so drafts' slugs are not revealed);
 * anyone else (a learner) is `forbidden`.
 */
export function analyticsScope(
  user: Pick<AuthUser, 'role'>,
  challenge: ChallengeStanding,
): AnalyticsScope | 'not_found' | 'forbidden' {
  if (!challenge.exists) return 'not_found';
  if (user.role === 'admin' || challenge.authored) return 'all';
  if (user.role !== 'instructor') return 'forbidden';
  return challenge.published ? 'cohorts' : 'not_found';
}

/**
 * The SQL condition that keeps `column` (a user id) within the scope: with `$param` null every
 * user, otherwise the members of the cohorts the user `$param` owns.
 */
export function inScopeSql(column: string, param: string): string {
  return `(${param}::uuid IS NULL OR ${column} IN (${supervisedLearnersSql(param)}))`;
}
