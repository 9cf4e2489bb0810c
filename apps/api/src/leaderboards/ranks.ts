import { entryRankSql } from './board-order.js';

/** One entry's rank on its board (board-order.ts). */
export const ENTRY_RANK_SQL = entryRankSql('l', 'o');

export const RATING_RANK_SQL = `1 + (
  SELECT count(*) FROM ratings o
   WHERE o.scope = r.scope AND o.period = r.period
     AND o.rating >= r.rating
     AND (o.rating > r.rating OR o.updated_at < r.updated_at))`;
