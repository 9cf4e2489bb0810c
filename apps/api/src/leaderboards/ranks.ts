/**
 * A row's rank as 1 + the rows ahead of it, counted on the board's index. Numbering the whole board
 * with row_number() to find one learner's row costs a sort of every entry (hundreds of ms at 20k
 * learners); this is a bounded index range scan. Rows tied on every key share a rank.
 */
export const ENTRY_RANK_SQL = `1 + (
  SELECT count(*) FROM leaderboard_entries o
   WHERE o.challenge_version_id = l.challenge_version_id AND o.period = l.period
     AND o.correctness >= l.correctness
     AND (o.correctness > l.correctness
          OR (o.cost_usd, o.latency_p95_ms, o.graded_at) < (l.cost_usd, l.latency_p95_ms, l.graded_at)))`;

export const RATING_RANK_SQL = `1 + (
  SELECT count(*) FROM ratings o
   WHERE o.scope = r.scope AND o.period = r.period
     AND o.rating >= r.rating
     AND (o.rating > r.rating OR o.updated_at < r.updated_at))`;
