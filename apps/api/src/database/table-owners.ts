/**
 * Which feature writes each table: its folder under apps/api/src. Only files in that folder write
 * the table (INSERT, UPDATE, DELETE, or a TypeORM write of its entity); every other feature calls
 * the owner's exported service or store. Reads may cross features (docs/architecture.md, "Who
 * writes which table"). `table-owners.test.ts` holds the code to this, and fails on a table created
 * by a migration that is missing here.
 */
export const TABLE_OWNERS = {
  users: 'users',
  sessions: 'auth',
  api_tokens: 'auth',
  challenges: 'challenges',
  challenge_versions: 'challenges',
  submissions: 'submissions',
  runs: 'runs',
  leaderboard_entries: 'leaderboards',
  ratings: 'leaderboards',
  rating_history: 'leaderboards',
  cohorts: 'cohorts',
  cohort_members: 'cohorts',
  skills: 'skills',
  model_keys: 'model-keys',
  solution_shares: 'solutions',
  solution_openings: 'solutions',
} as const satisfies Record<string, string>;

export type Table = keyof typeof TABLE_OWNERS;
