#!/usr/bin/env node
// Seeds a Reps database with a large, plausible history for the leaderboard benchmark: learners,
// graded submissions spread over every published challenge version, and the leaderboard_entries
// and ratings rows that grading would have maintained for them (best per learner per version per
// period: all-time and the current ISO week). Everything is one INSERT … SELECT generate_series per
// table, so 1M submissions take about a minute, then ANALYZE.
//
// Alone: DATABASE_URL=postgres://… node apps/api/bench/seed-leaderboard.mjs [submissions] [users]
// on a database the API has migrated and loaded the catalogue into (start it once against it).
// The benchmark (platform.bench.mjs) imports seedLeaderboard() instead.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

/** A seeded learner's handle starts with this; a second run on the same database adds nothing. */
export const SEED_HANDLE_PREFIX = 'seeded-';
const SEED_PIPELINE = 'name: seeded-for-benchmark\nsteps: []\n';

/** ISO week like `2026-W48`, the same rule as apps/api/src/leaderboards/periods.ts. */
export function isoWeek(date) {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((d.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Monday 00:00 UTC of the ISO week holding `date`. */
function weekStart(date) {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() || 7) - 1));
  return d;
}

/**
 * Inserts `users` learners and `submissions` graded submissions (uniformly over learners and
 * published versions; 1 in 12 in the current week, the rest over the 11 weeks before), then the
 * matching leaderboard_entries and ratings. Returns counts and timings.
 */
export async function seedLeaderboard({
  databaseUrl,
  submissions = 1_000_000,
  users = 20_000,
  now = new Date(),
  log = () => {},
}) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const timings = {};
  const step = async (name, sql, params = []) => {
    const t = performance.now();
    const res = await client.query(sql, params);
    timings[name] = Math.round(performance.now() - t);
    log(`${name}: ${res.rowCount ?? ''} rows in ${timings[name]} ms`);
    return res;
  };
  try {
    const existing = await client.query('SELECT count(*)::int AS n FROM users WHERE handle LIKE $1', [
      `${SEED_HANDLE_PREFIX}%`,
    ]);
    if (existing.rows[0].n > 0) {
      const { rows } = await client.query('SELECT count(*)::int AS n FROM submissions');
      log(`already seeded (${existing.rows[0].n} seeded learners); nothing added`);
      return { skipped: true, users: existing.rows[0].n, submissions_total: rows[0].n, timings };
    }
    const versions = await client.query(
      `SELECT v.id, v.slug, v.version,
              (v.manifest->'cases'->>'hidden')::int + (v.manifest->'cases'->>'public')::int AS cases
         FROM challenge_versions v JOIN challenges c ON c.slug = v.slug AND c.published_version = v.version
        ORDER BY v.slug`,
    );
    if (versions.rowCount === 0) {
      throw new Error(
        'no published challenge versions: start the API once against this database (it migrates and loads the catalogue)',
      );
    }
    const started = performance.now();
    const week = isoWeek(now);
    const from = weekStart(now);
    // Seeded history reaches back 11 weeks before this one; grading happens ~5 s after submission.
    const historyStart = new Date(from.getTime() - 11 * 7 * 86_400_000);
    const thisWeekMs = Math.max(1000, now.getTime() - from.getTime() - 60_000);
    const pipelineHash = createHash('sha256').update(SEED_PIPELINE).digest('hex');

    await client.query('BEGIN');
    await client.query('SET LOCAL synchronous_commit = off');
    await client.query("SET LOCAL work_mem = '256MB'");
    await client.query(
      `CREATE TEMP TABLE seed_users ON COMMIT DROP AS
         SELECT i, gen_random_uuid() AS id FROM generate_series(0, $1 - 1) i`,
      [users],
    );
    await client.query(
      'CREATE TEMP TABLE seed_versions (n int, id uuid, slug text, version int, cases int) ON COMMIT DROP',
    );
    for (const [n, v] of versions.rows.entries()) {
      await client.query('INSERT INTO seed_versions VALUES ($1, $2, $3, $4, $5)', [
        n,
        v.id,
        v.slug,
        v.version,
        v.cases,
      ]);
    }
    await client.query('ANALYZE seed_users');
    await client.query('ANALYZE seed_versions');

    await step(
      'users',
      `INSERT INTO users (id, email, handle, display_name, password_hash, role, created_at)
       SELECT id, $1 || i || '@bench.invalid', $1 || i, 'Seeded learner ' || i, '!seeded', 'learner', $2::timestamptz
         FROM seed_users`,
      [SEED_HANDLE_PREFIX, historyStart],
    );

    // Each submission: a learner and a version drawn uniformly; a learner's skill (from the hash of
    // their index) plus noise gives correctness; cost and latency vary around plausible values.
    await step(
      'submissions',
      `INSERT INTO submissions (user_id, challenge_version_id, slug, version, pipeline, pipeline_hash, status,
                                cases_done, cases_total, attempts, correctness, standard_error, cost_usd,
                                latency_p50_ms, latency_p95_ms, calls, tokens_in, tokens_out, verification_id,
                                created_at, started_at, graded_at)
       SELECT u.id, v.id, v.slug, v.version, $3, $4, 'graded',
              v.cases, v.cases, 1, g.correctness, round((1 + 3 * g.r2)::numeric, 3)::float8,
              round((0.002 + 0.2 * g.r3 * g.r3)::numeric, 5)::float8,
              round((800 + 4000 * g.r4)::numeric, 1)::float8, round((1500 + 9000 * g.r4)::numeric, 1)::float8,
              v.cases * (1 + (g.r3 * 6)::int), v.cases * 900, v.cases * 120,
              's' || lpad(to_hex(g.i), 11, '0'),
              g.created, g.created + interval '1 second', g.created + interval '5 seconds'
         FROM (SELECT g0.*, round(least(100, greatest(0,
                        30 + 50 * ((abs(hashint4(g0.ui)) % 1000) / 1000.0) + 25 * random()))::numeric, 2)::float8
                        AS correctness
                 FROM (SELECT i,
                              floor(random() * $1)::int AS ui,
                              floor(random() * $2)::int AS vi,
                              random() AS r2, random() AS r3, random() AS r4,
                              CASE WHEN i % 12 = 0
                                   THEN $6::timestamptz + random() * make_interval(secs => $7::float8 / 1000)
                                   ELSE $5::timestamptz
                                        + random() * ($6::timestamptz - $5::timestamptz - interval '1 minute')
                              END AS created
                         FROM generate_series(1, $8) i
                       OFFSET 0) g0) g
         JOIN seed_users u ON u.i = g.ui
         JOIN seed_versions v ON v.n = g.vi`,
      [users, versions.rowCount, SEED_PIPELINE, pipelineHash, historyStart, from, thisWeekMs, submissions],
    );

    // What StandingsService.record keeps: the best per learner per version per period (it also
    // holds a best back until beaten by more than the standard error; the plain best is close).
    const best = (period, where) => `
      INSERT INTO leaderboard_entries (challenge_version_id, period, user_id, submission_id, correctness,
                                       standard_error, cost_usd, latency_p95_ms, graded_at)
      SELECT DISTINCT ON (s.challenge_version_id, s.user_id)
             s.challenge_version_id, '${period}', s.user_id, s.id, s.correctness, s.standard_error, s.cost_usd,
             s.latency_p95_ms, s.graded_at
        FROM submissions s JOIN seed_users u ON u.id = s.user_id
       WHERE s.status = 'graded' ${where}
       ORDER BY s.challenge_version_id, s.user_id, s.correctness DESC, s.cost_usd, s.latency_p95_ms, s.graded_at`;
    await step('leaderboard_entries_all', best('all', ''));
    await step('leaderboard_entries_week', best(week, 'AND s.graded_at >= $1'), [from]);

    // Ratings as StandingsService.recomputeRatings computes them: difficulty × best correctness on
    // each challenge's published version, overall, per domain and per skill, per period.
    await step(
      'ratings',
      `INSERT INTO ratings (user_id, scope, period, rating, challenges, updated_at)
       SELECT l.user_id, sc.scope, l.period, round(sum(c.difficulty * l.correctness)::numeric, 2)::float8,
              count(*)::int, max(l.graded_at)
         FROM leaderboard_entries l
         JOIN seed_users u ON u.id = l.user_id
         JOIN challenge_versions v ON v.id = l.challenge_version_id
         JOIN challenges c ON c.slug = v.slug AND c.published_version = v.version
         CROSS JOIN LATERAL (
           SELECT 'global' AS scope
           UNION ALL SELECT 'domain:' || lower(c.domain)
           UNION ALL SELECT 'skill:' || skill FROM unnest(c.skills) skill) sc
        GROUP BY l.user_id, sc.scope, l.period`,
    );
    await client.query('COMMIT');
    for (const table of ['users', 'submissions', 'leaderboard_entries', 'ratings']) {
      await step(`analyze_${table}`, `ANALYZE ${table}`);
    }
    const counts = await client.query(
      `SELECT (SELECT count(*) FROM submissions)::int AS submissions,
              (SELECT count(*) FROM leaderboard_entries)::int AS leaderboard_entries,
              (SELECT count(*) FROM ratings)::int AS ratings,
              (SELECT count(*) FROM users)::int AS users`,
    );
    return {
      skipped: false,
      versions: versions.rowCount,
      week,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      totals: counts.rows[0],
      timings,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    process.stderr.write('seed-leaderboard: set DATABASE_URL to a migrated Reps database\n');
    process.exit(2);
  }
  const submissions = Number(process.argv[2] ?? 1_000_000);
  const users = Number(process.argv[3] ?? 20_000);
  seedLeaderboard({ databaseUrl, submissions, users, log: (m) => process.stderr.write(`seed ${m}\n`) })
    .then((result) => console.log(JSON.stringify(result)))
    .catch((error) => {
      process.stderr.write(`seed-leaderboard: ${error.message}\n`);
      process.exit(1);
    });
}
