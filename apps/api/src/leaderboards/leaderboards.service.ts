import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  coarse,
  type Leaderboard,
  type LeaderboardEntry,
  type LeaderboardQuery,
  type Period,
  type RatingBoard,
  type RatingEntry,
  type RatingQuery,
} from '@reps/shared';
import type { DataSource } from 'typeorm';
import { ChallengeStore } from '../challenges/challenge-store.js';
import { ReadCache } from '../redis/read-cache.js';
import { boardOrderBy } from './board-order.js';
import { ALL_TIME, isoWeek } from './periods.js';
import { ENTRY_RANK_SQL, RATING_RANK_SQL } from './ranks.js';

const ORDER = boardOrderBy('l');

/** A page of a board is read from the database at most once per this long (and again on a grade). */
const BOARD_TTL_MS = 2000;

/**
 * Reads of the tables StandingsService maintains at grade time: indexed, never aggregated. Boards
 * rank by the exact figures and show them through `coarse` (docs/grading.md). A page is the same
 * for everyone, so it is cached (ReadCache, dropped when a grade is recorded); so is the signed-in
 * learner's own row, per learner.
 */
@Injectable()
export class LeaderboardsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ChallengeStore,
    private readonly cache: ReadCache,
  ) {}

  private period(p: Period): string {
    return p === 'all' ? ALL_TIME : isoWeek(new Date());
  }

  /**
   * The signed-in learner's own row and rank: it moves with anyone's grade, so it is kept as long as
   * a page and dropped with the pages when a grade is recorded (their own new grade shows at once).
   */
  private own(
    key: string,
    read: () => Promise<Record<string, unknown>[]>,
  ): Promise<Record<string, unknown>[]> {
    return this.cache.getPersonal('standings', key, BOARD_TTL_MS, read);
  }

  async challenge(slug: string, query: LeaderboardQuery, userId?: string): Promise<Leaderboard> {
    const version = await this.store.ref(slug, query.version);
    const period = this.period(query.period);
    const select = `
      SELECT u.handle, u.display_name, l.user_id, l.correctness, l.standard_error, l.cost_usd, l.latency_p95_ms,
             l.graded_at, s.verification_id, row_number() OVER (ORDER BY ${ORDER}) AS rank
        FROM leaderboard_entries l
        JOIN users u ON u.id = l.user_id
        JOIN submissions s ON s.id = l.submission_id
       WHERE l.challenge_version_id = $1 AND l.period = $2`;
    const page = this.cache.get(
      'standings',
      `board:${version.id}:${period}:${query.limit}:${query.offset}`,
      BOARD_TTL_MS,
      () =>
        Promise.all([
          this.dataSource.query(`${select} ORDER BY ${ORDER} LIMIT $3 OFFSET $4`, [
            version.id,
            period,
            query.limit,
            query.offset,
          ]) as Promise<Record<string, unknown>[]>,
          this.dataSource.query(
            'SELECT count(*)::int AS total FROM leaderboard_entries WHERE challenge_version_id = $1 AND period = $2',
            [version.id, period],
          ) as Promise<{ total: number }[]>,
        ]),
    );
    const [[rows, [{ total }]], mine] = await Promise.all([
      page,
      userId
        ? this.own(`board-me:${version.id}:${period}:${userId}`, () =>
            this.dataSource.query(
              `SELECT u.handle, u.display_name, l.user_id, l.correctness, l.standard_error, l.cost_usd, l.latency_p95_ms,
                    l.graded_at, s.verification_id, ${ENTRY_RANK_SQL} AS rank
               FROM leaderboard_entries l
               JOIN users u ON u.id = l.user_id
               JOIN submissions s ON s.id = l.submission_id
              WHERE l.challenge_version_id = $1 AND l.period = $2 AND l.user_id = $3`,
              [version.id, period, userId],
            ),
          )
        : Promise.resolve([]),
    ]);
    return {
      slug,
      version: version.version,
      period,
      total,
      entries: rows.map(toEntry),
      me: mine[0] ? toEntry(mine[0]) : null,
    };
  }

  async ratings(query: RatingQuery, userId?: string): Promise<RatingBoard> {
    const period = this.period(query.period);
    const select = `
      SELECT u.handle, u.display_name, r.user_id, r.rating, r.challenges,
             row_number() OVER (ORDER BY r.rating DESC, r.updated_at) AS rank
        FROM ratings r JOIN users u ON u.id = r.user_id
       WHERE r.scope = $1 AND r.period = $2`;
    const params = [query.scope, period];
    const page = this.cache.get(
      'standings',
      `ratings:${query.scope}:${period}:${query.limit}:${query.offset}`,
      BOARD_TTL_MS,
      () =>
        Promise.all([
          this.dataSource.query(`${select} ORDER BY r.rating DESC, r.updated_at LIMIT $3 OFFSET $4`, [
            ...params,
            query.limit,
            query.offset,
          ]) as Promise<Record<string, unknown>[]>,
          this.dataSource.query(
            'SELECT count(*)::int AS total FROM ratings WHERE scope = $1 AND period = $2',
            params,
          ) as Promise<{ total: number }[]>,
        ]),
    );
    const [[rows, [{ total }]], mine] = await Promise.all([
      page,
      userId
        ? this.own(`ratings-me:${query.scope}:${period}:${userId}`, () =>
            this.dataSource.query(
              `SELECT u.handle, u.display_name, r.user_id, r.rating, r.challenges, ${RATING_RANK_SQL} AS rank
               FROM ratings r JOIN users u ON u.id = r.user_id
              WHERE r.scope = $1 AND r.period = $2 AND r.user_id = $3`,
              [...params, userId],
            ),
          )
        : Promise.resolve([]),
    ]);
    return {
      scope: query.scope,
      period,
      total,
      entries: rows.map(toRating),
      me: mine[0] ? toRating(mine[0]) : null,
    };
  }
}

function toEntry(row: Record<string, unknown>): LeaderboardEntry {
  return {
    rank: Number(row.rank),
    handle: String(row.handle),
    display_name: String(row.display_name),
    correctness: coarse('correctness', Number(row.correctness)),
    standard_error: coarse('standard_error', Number(row.standard_error)),
    cost_usd: coarse('cost_usd', Number(row.cost_usd)),
    latency_p95_ms: coarse('latency_ms', Number(row.latency_p95_ms)),
    graded_at: (row.graded_at as Date).toISOString(),
    verification_id: (row.verification_id as string | null) ?? null,
  };
}

function toRating(row: Record<string, unknown>): RatingEntry {
  return {
    rank: Number(row.rank),
    handle: String(row.handle),
    display_name: String(row.display_name),
    rating: coarse('rating', Number(row.rating)),
    challenges: Number(row.challenges),
  };
}
