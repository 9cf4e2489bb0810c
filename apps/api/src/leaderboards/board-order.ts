/**
 * The leaderboard order, in one place (docs/grading.md, "Leaderboards"): more correct first; among
 * equally correct entries the cheaper, then the faster (p95 latency), then the earlier graded. The
 * page query's ORDER BY, one entry's rank, the board's index (migration
 * 1764000002000-challenges-and-grading.ts, checked by board-order.test.ts) and the Ladder rule's
 * tie-break (ladder.ts) are all derived from BOARD_ORDER.
 */
export const BOARD_ORDER = [
  { column: 'correctness', direction: 'DESC' },
  { column: 'cost_usd', direction: 'ASC' },
  { column: 'latency_p95_ms', direction: 'ASC' },
  { column: 'graded_at', direction: 'ASC' },
] as const;

/** The columns a board is one of: a challenge version's board for one period. */
export const BOARD_SCOPE = ['challenge_version_id', 'period'] as const;

const [FIRST, ...REST] = BOARD_ORDER;

/** `l.correctness DESC, l.cost_usd, …` for a query whose entries are aliased `alias`. */
export function boardOrderBy(alias: string): string {
  return BOARD_ORDER.map((k) => `${alias}.${k.column}${k.direction === 'DESC' ? ' DESC' : ''}`).join(', ');
}

/** The index definition that serves the order: scope columns, then the order's keys. */
export const BOARD_INDEX_COLUMNS = [
  ...BOARD_SCOPE,
  ...BOARD_ORDER.map((k) => `${k.column}${k.direction === 'DESC' ? ' DESC' : ''}`),
].join(', ');

/**
 * A row's rank as 1 + the rows ahead of it, counted on the board's index. Numbering the whole board
 * with row_number() to find one learner's row costs a sort of every entry (hundreds of ms at 20k
 * learners); this is a bounded index range scan: the first key bounds the range, the others compare
 * as one row value (they all sort ascending). Rows tied on every key share a rank.
 */
export function entryRankSql(alias = 'l', other = 'o'): string {
  const first = FIRST.column;
  const rest = REST.map((k) => k.column);
  const scope = BOARD_SCOPE.map((c) => `${other}.${c} = ${alias}.${c}`).join(' AND ');
  const tuple = (a: string) => `(${rest.map((c) => `${a}.${c}`).join(', ')})`;
  return `1 + (
  SELECT count(*) FROM leaderboard_entries ${other}
   WHERE ${scope}
     AND ${other}.${first} >= ${alias}.${first}
     AND (${other}.${first} > ${alias}.${first}
          OR ${tuple(other)} < ${tuple(alias)}))`;
}

/** The tie-break keys after correctness, as the Ladder rule compares them. */
export interface TieBreak {
  cost_usd: number;
  latency_p95_ms: number;
}

/**
 * Whether `a` comes before `b` on the tie-break keys of the order that a submission can improve
 * (cost, then latency; the grading time is not a merit). Used by beats().
 */
export function aheadOnTieBreak(a: TieBreak, b: TieBreak): boolean {
  for (const { column } of REST) {
    if (column === 'graded_at') break;
    const x = a[column as keyof TieBreak];
    const y = b[column as keyof TieBreak];
    if (x !== y) return x < y;
  }
  return false;
}
