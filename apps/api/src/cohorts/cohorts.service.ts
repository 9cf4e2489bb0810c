import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CohortLearnerRow,
  type CohortView,
  coarse,
  type RatingBoard,
  type RatingQuery,
  RepsError,
} from '@reps/shared';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators.js';
import { ALL_TIME, isoWeek } from '../leaderboards/periods.js';

// No 0/O or 1/I: join codes are read aloud and copied from slides.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

interface CohortRow {
  id: string;
  name: string;
  owner_id: string;
  owner: string;
  join_code: string;
  members: number;
  created_at: Date;
}

const COHORT_SQL = `
  SELECT c.id, c.name, c.owner_id, u.handle AS owner, c.join_code, c.created_at,
         (SELECT count(*)::int FROM cohort_members m WHERE m.cohort_id = c.id) AS members
    FROM cohorts c JOIN users u ON u.id = c.owner_id`;

/** Cohorts: an instructor's group of learners, joined with a code, with its own board and table. */
@Injectable()
export class CohortsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(owner: AuthUser, name: string): Promise<CohortView> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
      const rows = await this.dataSource.query(
        'INSERT INTO cohorts (name, owner_id, join_code) VALUES ($1, $2, $3) ON CONFLICT (join_code) DO NOTHING RETURNING id',
        [name, owner.id, code],
      );
      if (rows.length) return this.view(rows[0].id, owner);
    }
    throw new Error('could not find a free join code');
  }

  async join(user: AuthUser, code: string): Promise<CohortView> {
    const [cohort] = await this.dataSource.query('SELECT id FROM cohorts WHERE join_code = $1', [code]);
    if (!cohort)
      throw new RepsError('not_found', 'No cohort has this join code; check it with your instructor.');
    await this.dataSource.query(
      'INSERT INTO cohort_members (cohort_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [cohort.id, user.id],
    );
    return this.view(cohort.id, user);
  }

  async mine(user: AuthUser): Promise<CohortView[]> {
    const rows: CohortRow[] = await this.dataSource.query(
      `${COHORT_SQL} WHERE c.owner_id = $1 OR EXISTS (SELECT 1 FROM cohort_members m WHERE m.cohort_id = c.id AND m.user_id = $1)
       ORDER BY c.created_at DESC`,
      [user.id],
    );
    return rows.map((row) => toView(row, user));
  }

  async view(id: string, user: AuthUser): Promise<CohortView> {
    return toView(await this.visible(id, user), user);
  }

  /** Members, the owner and admins see a cohort; for anyone else it does not exist. */
  private async visible(id: string, user: AuthUser): Promise<CohortRow> {
    const [row]: CohortRow[] = await this.dataSource.query(`${COHORT_SQL} WHERE c.id = $1`, [id]);
    if (!row) throw new RepsError('not_found', 'No such cohort.');
    if (row.owner_id === user.id || user.role === 'admin') return row;
    const [member] = await this.dataSource.query(
      'SELECT 1 FROM cohort_members WHERE cohort_id = $1 AND user_id = $2',
      [id, user.id],
    );
    if (!member) throw new RepsError('not_found', 'No such cohort.');
    return row;
  }

  private async owned(id: string, user: AuthUser): Promise<CohortRow> {
    const row = await this.visible(id, user);
    if (row.owner_id !== user.id && user.role !== 'admin')
      throw new RepsError('forbidden', "Only the cohort's instructor sees this.");
    return row;
  }

  /** The ratings board restricted to the cohort's members, ratings shown to the whole point. */
  async leaderboard(id: string, user: AuthUser, query: RatingQuery): Promise<RatingBoard> {
    await this.visible(id, user);
    const period = query.period === 'all' ? ALL_TIME : isoWeek(new Date());
    const rows = await this.dataSource.query(
      `SELECT u.handle, u.display_name, coalesce(r.rating, 0) AS rating, coalesce(r.challenges, 0) AS challenges,
              row_number() OVER (ORDER BY coalesce(r.rating, 0) DESC, u.handle) AS rank
         FROM cohort_members m JOIN users u ON u.id = m.user_id
         LEFT JOIN ratings r ON r.user_id = m.user_id AND r.scope = $2 AND r.period = $3
        WHERE m.cohort_id = $1
        ORDER BY rank LIMIT $4 OFFSET $5`,
      [id, query.scope, period, query.limit, query.offset],
    );
    const [{ total }] = await this.dataSource.query(
      'SELECT count(*)::int AS total FROM cohort_members WHERE cohort_id = $1',
      [id],
    );
    const entries = rows.map((r: Record<string, unknown>) => ({
      rank: Number(r.rank),
      handle: String(r.handle),
      display_name: String(r.display_name),
      rating: coarse('rating', Number(r.rating)),
      challenges: Number(r.challenges),
    }));
    return {
      scope: query.scope,
      period,
      total,
      entries,
      me: entries.find((e: { handle: string }) => e.handle === user.handle) ?? null,
    };
  }

  /** The instructor's per-learner table: exact ratings, for the cohort's own instructor only. */
  async learners(id: string, user: AuthUser): Promise<CohortLearnerRow[]> {
    await this.owned(id, user);
    const rows = await this.dataSource.query(
      `SELECT u.handle, u.display_name, m.joined_at,
              (SELECT count(*)::int FROM submissions s WHERE s.user_id = u.id) AS submissions,
              (SELECT count(*)::int FROM runs x WHERE x.user_id = u.id) AS runs,
              (SELECT count(*)::int FROM leaderboard_entries l JOIN challenge_versions v ON v.id = l.challenge_version_id
                WHERE l.user_id = u.id AND l.period = 'all' AND l.correctness >= (v.manifest->'scoring'->>'pass_mark')::float) AS solved,
              coalesce((SELECT rating FROM ratings r WHERE r.user_id = u.id AND r.scope = 'global' AND r.period = 'all'), 0) AS rating,
              greatest((SELECT max(created_at) FROM submissions s WHERE s.user_id = u.id), (SELECT max(created_at) FROM runs x WHERE x.user_id = u.id)) AS last_active_at
         FROM cohort_members m JOIN users u ON u.id = m.user_id
        WHERE m.cohort_id = $1
        ORDER BY rating DESC, u.handle`,
      [id],
    );
    return rows.map((r: Record<string, unknown>) => ({
      handle: String(r.handle),
      display_name: String(r.display_name),
      joined_at: (r.joined_at as Date).toISOString(),
      reps: Number(r.submissions) + Number(r.runs),
      submissions: Number(r.submissions),
      solved: Number(r.solved),
      rating: Number(r.rating),
      last_active_at: r.last_active_at ? (r.last_active_at as Date).toISOString() : null,
    }));
  }
}

function toView(row: CohortRow, user: AuthUser): CohortView {
  const isOwner = row.owner_id === user.id || user.role === 'admin';
  return {
    id: row.id,
    name: row.name,
    owner: row.owner,
    members: row.members,
    is_owner: isOwner,
    join_code: isOwner ? row.join_code : undefined,
    created_at: row.created_at.toISOString(),
  };
}
