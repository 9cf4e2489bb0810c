import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AttemptDetail,
  type AttemptKind,
  type AttemptsPage,
  type AttemptsQuery,
  type AttemptView,
  coarse,
  coarseBreakdown,
  type GradeBreakdown,
  RepsError,
} from '@reps/shared';
import type { DataSource } from 'typeorm';
import { ChallengeStore } from '../challenges/challenge-store.js';

/**
 * One select per kind with the same columns. A run's result holds every public case with its
 * trace: it is read once, without them (`res`), for the aggregates. A submission's hidden figures
 * are read exact and leave through `coarse` below.
 */
const SELECTS: Record<AttemptKind, string> = {
  run: `SELECT 'run' AS kind, r.id, r.user_id, r.created_at, v.version, r.status,
               (x.res->>'cases')::int AS cases,
               (x.res->>'correctness')::float8 AS correctness,
               NULL::float8 AS standard_error,
               (x.res->>'cost_usd')::float8 AS cost_usd,
               (x.res->'latency_ms'->>'p50')::float8 AS p50,
               (x.res->'latency_ms'->>'p95')::float8 AS p95,
               x.res->'breakdown' AS breakdown,
               encode(sha256(convert_to(r.pipeline, 'UTF8')), 'hex') AS pipeline_hash,
               r.pipeline
          FROM runs r JOIN challenge_versions v ON v.id = r.challenge_version_id
               CROSS JOIN LATERAL (SELECT r.result - 'case_results' AS res) x`,
  submission: `SELECT 'submission' AS kind, s.id, s.user_id, s.created_at, s.version, s.status,
               (s.result->'hidden'->>'cases')::int AS cases,
               s.correctness, s.standard_error, s.cost_usd,
               s.latency_p50_ms AS p50, s.latency_p95_ms AS p95,
               s.result->'hidden'->'breakdown' AS breakdown,
               s.pipeline_hash,
               s.pipeline
          FROM submissions s`,
};

/**
 * A page of attempts' keys, newest first after the cursor: only ids and times, from the
 * (user_id, created_at) indexes, so the rows' results are read for this page only.
 */
const PAGE_KEYS = `SELECT k.kind, k.id FROM (
    SELECT 'run' AS kind, r.id, r.created_at
      FROM runs r JOIN challenge_versions v ON v.id = r.challenge_version_id
     WHERE r.user_id = $1 AND v.slug = $2
    UNION ALL
    SELECT 'submission', s.id, s.created_at FROM submissions s WHERE s.user_id = $1 AND s.slug = $2
  ) k
  WHERE $3::timestamptz IS NULL OR (k.created_at, k.id) < ($3::timestamptz, $4::uuid)
  ORDER BY k.created_at DESC, k.id DESC
  LIMIT $5`;

interface AttemptRow {
  kind: AttemptKind;
  id: string;
  created_at: Date;
  /** created_at to the microsecond, as the cursor carries it. */
  at: string;
  version: number;
  status: AttemptView['status'];
  cases: number | null;
  correctness: number | null;
  standard_error: number | null;
  cost_usd: number | null;
  p50: number | null;
  p95: number | null;
  breakdown: GradeBreakdown | null;
  pipeline_hash: string;
  pipeline?: string;
}

const AT = `to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at`;
const COLUMNS = `a.kind, a.id, a.created_at, ${AT}, a.version, a.status, a.cases, a.correctness,
  a.standard_error, a.cost_usd, a.p50, a.p95, a.breakdown, a.pipeline_hash`;

/** A learner's practice runs and submissions on one challenge: their own, never anyone else's. */
@Injectable()
export class AttemptsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ChallengeStore,
  ) {}

  /**
   * Newest first, `limit` at a time. The cursor is the last item's (created_at, id): keyset paging
   * on the (user_id, created_at) indexes of both tables, stable while new attempts arrive.
   */
  async list(userId: string, query: AttemptsQuery): Promise<AttemptsPage> {
    await this.store.ref(query.slug); // a 404 for a slug that is no challenge
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const rows: AttemptRow[] = await this.dataSource.query(
      `WITH page AS (${PAGE_KEYS})
       SELECT ${COLUMNS} FROM (
         ${SELECTS.run} WHERE r.id IN (SELECT id FROM page WHERE kind = 'run')
         UNION ALL
         ${SELECTS.submission} WHERE s.id IN (SELECT id FROM page WHERE kind = 'submission')
       ) a
       ORDER BY a.created_at DESC, a.id DESC`,
      [userId, query.slug, after?.at ?? null, after?.id ?? null, query.limit + 1],
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toView),
      next_cursor: rows.length > query.limit && last ? encodeCursor(last.at, last.id) : null,
    };
  }

  /** One attempt with its pipeline, for its author; anyone else gets the same 404 as for no attempt. */
  async one(userId: string, kind: AttemptKind, id: string): Promise<AttemptDetail> {
    const [row]: AttemptRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, a.pipeline FROM (${SELECTS[kind]}) a WHERE a.id = $1 AND a.user_id = $2`,
      [id, userId],
    );
    if (!row) throw new RepsError('not_found', `No such ${kind === 'run' ? 'practice run' : 'submission'}.`);
    return { ...toView(row), pipeline: row.pipeline ?? '' };
  }
}

/**
 * A run's figures are over the public cases and go out exact; a submission's are over the hidden
 * cases and go out at the learner's resolution (resolution.ts), field accuracy only from buckets of
 * at least 5 cases.
 */
function toView(row: AttemptRow): AttemptView {
  const hidden = row.kind === 'submission';
  const figure = (
    name: 'correctness' | 'standard_error' | 'cost_usd' | 'latency_ms',
    value: number | null,
  ) => (hidden ? coarse(name, value) : value);
  const breakdown = row.breakdown && (hidden ? coarseBreakdown(row.breakdown) : row.breakdown);
  return {
    kind: row.kind,
    id: row.id,
    version: row.version,
    status: row.status,
    created_at: new Date(row.created_at).toISOString(),
    set: hidden ? 'hidden' : 'public',
    cases: row.cases,
    correctness: figure('correctness', row.correctness),
    standard_error: hidden ? coarse('standard_error', row.standard_error) : null,
    cost_usd: figure('cost_usd', row.cost_usd),
    latency_ms: { p50: figure('latency_ms', row.p50), p95: figure('latency_ms', row.p95) },
    fields: (breakdown?.fields ?? []).map((f) => ({ path: f.path, accuracy: f.accuracy })),
    pipeline_hash: row.pipeline_hash,
  };
}

const CURSOR =
  /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.(\d{6})Z\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

function encodeCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString());
  // Through Date and back: a day or an hour out of range (02-30, 24:00) is refused here, not by Postgres.
  const date = match ? new Date(`${match[1]}Z`) : null;
  // Years before 1 are dates to JavaScript but not to Postgres: no row is that old anyway.
  const valid =
    date &&
    !Number.isNaN(date.getTime()) &&
    date.getUTCFullYear() >= 1970 &&
    date.toISOString().startsWith(match![1]!);
  if (!match || !valid)
    throw new RepsError('validation_failed', 'cursor: is not a cursor from this list', [
      { code: 'validation_failed', path: 'cursor', message: 'cursor: is not a cursor from this list' },
    ]);
  return { at: `${match[1]}.${match[2]}Z`, id: match[3]! };
}
