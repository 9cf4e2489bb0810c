#!/usr/bin/env node
// Platform benchmark: the built API and ONE worker on project-local Postgres and Redis (under
// .reps/bench, or DATABASE_URL / REDIS_URL when set), a throwaway database, free loopback ports.
//   1. submit → graded latency of a ~100-case catalogue reference pipeline (POST to the SSE `final`)
//   2. submissions graded per minute with one worker (REPS_WORKER_CONCURRENCY default)
//   3. leaderboard and ratings read latency over HTTP after seeding 1M graded submissions
// Prints one JSON object as its last stdout line; progress goes to stderr. Run after the build:
//   npx turbo run build && node apps/api/bench/platform.bench.mjs
// Knobs (env): REPS_BENCH_SLUG, REPS_BENCH_LATENCY_N (10), REPS_BENCH_THROUGHPUT_M (30),
// REPS_BENCH_SUBMISSIONS (1000000), REPS_BENCH_USERS (20000), REPS_BENCH_READS (500),
// REPS_BENCH_READ_CONCURRENCY (4).
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import {
  num,
  percentile,
  pgClient,
  pool,
  progressLog,
  registerLearner,
  request,
  root,
  runBench,
  startStack,
} from './bench-stack.mjs';
import { seedLeaderboard } from './seed-leaderboard.mjs';

// meeting-action-items (6 public + 100 hidden cases) is the median of the five 106-case catalogue
// references by grading cost; pii-redaction is the cheapest, catalogue-normalisation the dearest.
const SLUG = process.env.REPS_BENCH_SLUG || 'meeting-action-items';
const LATENCY_N = num('REPS_BENCH_LATENCY_N', 10);
const THROUGHPUT_M = num('REPS_BENCH_THROUGHPUT_M', 30);
const SEED_SUBMISSIONS = num('REPS_BENCH_SUBMISSIONS', 1_000_000);
const SEED_USERS = num('REPS_BENCH_USERS', 20_000);
const READS = num('REPS_BENCH_READS', 500);
const READ_CONCURRENCY = num('REPS_BENCH_READ_CONCURRENCY', 4);
const GOALS = { submit_to_graded_p50_ms: 2000, leaderboard_read_p95_ms: 20 };

const stateDir = join(root, '.reps', 'bench');
const log = progressLog('bench ');

// ---------------------------------------------------------------------------------------------
// Stack (bench-stack.mjs) and HTTP helpers

function startPlatformStack() {
  return startStack({
    name: 'bench',
    stateDir,
    // Every submission and registration here comes from one address and a few learners.
    env: { REPS_WRITES_PER_MINUTE: '100000', REPS_REGISTRATIONS_PER_HOUR: '100000' },
  });
}

let learnerCount = 0;
async function newLearner(baseUrl, prefix) {
  const handle = `${prefix}-${Date.now().toString(36)}-${learnerCount++}`.slice(0, 32);
  return registerLearner(baseUrl, handle, 'correct horse battery');
}

async function submit(baseUrl, learner, pipeline) {
  const res = await request(baseUrl, 'POST', `/challenges/${SLUG}/submissions`, {
    body: { pipeline },
    cookie: learner.cookie,
  });
  if (res.status !== 202) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Follows /submissions/:id/events until the `final` event; resolves with its data. */
async function untilFinal(baseUrl, learner, id, timeoutMs = 300_000) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetch(`${baseUrl}/api/submissions/${id}/events`, {
      headers: { accept: 'text/event-stream', cookie: learner.cookie },
      signal: controller.signal,
    });
    if (!res.ok || !res.body) throw new Error(`events: ${res.status} ${await res.text()}`);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const type = /^event: ?(.*)$/m.exec(block)?.[1] ?? 'message';
        if (type === 'final') {
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trimStart())
            .join('\n');
          return JSON.parse(data); // leaving the loop cancels the stream
        }
        end = buffer.indexOf('\n\n');
      }
    }
    throw new Error(`events of ${id} ended without a final event`);
  } finally {
    clearTimeout(timer);
  }
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const r = (v) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    p50: r(percentile(sorted, 50)),
    p95: r(percentile(sorted, 95)),
    p99: r(percentile(sorted, 99)),
    max: r(sorted[sorted.length - 1] ?? null),
    n: sorted.length,
  };
}

// ---------------------------------------------------------------------------------------------
// 1 and 2: grading

function referencePipeline() {
  const file = join(root, 'challenges', SLUG, 'reference.pipeline.yaml');
  if (!existsSync(file)) throw new Error(`no reference pipeline at ${file}`);
  return readFileSync(file, 'utf8');
}

async function challengeInfo(baseUrl) {
  const res = await request(baseUrl, 'GET', `/challenges/${SLUG}`);
  if (res.status !== 200) throw new Error(`GET /challenges/${SLUG}: ${res.status}`);
  return res.body;
}

async function submitToGraded(baseUrl, pipeline, perDay) {
  // One learner per `perDay - 1` submissions, so the daily cap never refuses one.
  const learners = [];
  const learnerFor = async (i) => {
    const k = Math.floor(i / Math.max(1, perDay - 1));
    learners[k] ??= await newLearner(baseUrl, 'bench-lat');
    return learners[k];
  };
  // One warm-up submission (first grading loads the challenge, JIT-compiles the engine): reported apart.
  const warm = await learnerFor(0);
  const t0 = performance.now();
  const warmFinal = await untilFinal(baseUrl, warm, await submit(baseUrl, warm, pipeline));
  const warmupMs = performance.now() - t0;
  if (warmFinal.status !== 'graded') throw new Error(`warm-up submission ended ${warmFinal.status}`);
  log(`warm-up submission graded in ${Math.round(warmupMs)} ms (${warmFinal.cases_total} cases)`);
  const samples = [];
  let cases = warmFinal.cases_total;
  for (let i = 1; i <= LATENCY_N; i++) {
    const learner = await learnerFor(i);
    const start = performance.now();
    const id = await submit(baseUrl, learner, pipeline);
    const final = await untilFinal(baseUrl, learner, id);
    const ms = performance.now() - start;
    if (final.status !== 'graded') throw new Error(`submission ${id} ended ${final.status}`);
    cases = final.cases_total;
    samples.push(ms);
    log(`submission ${i}/${LATENCY_N}: graded in ${Math.round(ms)} ms`);
  }
  const s = stats(samples);
  return {
    slug: SLUG,
    p50: s.p50,
    p95: s.p95,
    max: s.max,
    cases_per_submission: cases,
    n: s.n,
    warmup_ms: Math.round(warmupMs),
    learner: learners[0],
  };
}

/** CPU seconds a process has used (user + system, all its threads), from /proc; null elsewhere. */
function processCpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** CPU seconds the whole machine has been busy (every core, everything but idle and iowait). */
function machineBusySeconds() {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    return (ticks.reduce((a, b) => a + b, 0) - ticks[3] - ticks[4]) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

// USER_HZ: 100 on every Linux this runs on (sysconf is not reachable from Node).
const CLOCK_TICKS = 100;

/** Where the CPU went while `fn` ran: the API, the worker, this bench and everything else (Postgres, Redis). */
async function cpuSplit(stack, fn) {
  const read = () => ({
    api: processCpuSeconds(stack.api.pid),
    worker: processCpuSeconds(stack.worker.pid),
    bench: process.cpuUsage(),
    machine: machineBusySeconds(),
  });
  const before = read();
  const value = await fn();
  const after = read();
  if (before.machine === null || before.api === null || before.worker === null) return { value };
  const bench = (after.bench.user - before.bench.user + after.bench.system - before.bench.system) / 1e6;
  const cpu = {
    api: after.api - before.api,
    worker: after.worker - before.worker,
    bench,
    machine: after.machine - before.machine,
  };
  cpu.other = cpu.machine - cpu.api - cpu.worker - cpu.bench;
  const round = (x) => Math.round(x * 100) / 100;
  return { value, cpu_s: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, round(v)])) };
}

async function throughput(baseUrl, pipeline, perDay) {
  // One check at a time per learner (the API answers a second with 429): a learner's submissions
  // are sent one after another, the learners' at once.
  const learners = [];
  const perLearner = Math.max(1, perDay - 1);
  for (let i = 0; i < Math.ceil(THROUGHPUT_M / perLearner); i++)
    learners.push(await newLearner(baseUrl, 'bench-tp'));
  const start = performance.now();
  const batches = await Promise.all(
    learners.map(async (learner, k) => {
      const mine = [];
      const count = Math.min(perLearner, THROUGHPUT_M - k * perLearner);
      for (let i = 0; i < count; i++) mine.push({ learner, id: await submit(baseUrl, learner, pipeline) });
      return mine;
    }),
  );
  const ids = batches.flat();
  const submittedMs = performance.now() - start;
  let done = 0;
  const finals = await Promise.all(
    ids.map(async ({ learner, id }) => {
      const final = await untilFinal(baseUrl, learner, id, 600_000);
      done++;
      if (done % 10 === 0 || done === ids.length) log(`throughput: ${done}/${ids.length} final`);
      return final;
    }),
  );
  const elapsedMs = performance.now() - start;
  const graded = finals.filter((f) => f.status === 'graded').length;
  return {
    submitted: THROUGHPUT_M,
    graded,
    learners: learners.length,
    submit_ms: Math.round(submittedMs),
    elapsed_ms: Math.round(elapsedMs),
    graded_per_minute: Math.round((graded / elapsedMs) * 60_000 * 10) / 10,
  };
}

// ---------------------------------------------------------------------------------------------
// 3: leaderboard reads

async function timeReads(n, concurrency, fn) {
  const samples = [];
  const errors = [];
  await pool(n, concurrency, async () => {
    const start = performance.now();
    const res = await fn();
    samples.push(performance.now() - start);
    if (res.status !== 200 && errors.length < 3) errors.push(`${res.status} ${JSON.stringify(res.body)}`);
  });
  if (errors.length > 0) throw new Error(`reads failed: ${errors.join('; ')}`);
  return stats(samples);
}

async function leaderboardReads(baseUrl, learner) {
  const board = (cookie) => () => request(baseUrl, 'GET', `/challenges/${SLUG}/leaderboard`, { cookie });
  const ratings = (cookie) => () => request(baseUrl, 'GET', '/leaderboards/ratings', { cookie });
  // Warm the API's and Postgres's caches a little, as a running server would be.
  await timeReads(20, 2, board(learner.cookie));
  await timeReads(20, 2, ratings(learner.cookie));
  const first = await board(learner.cookie)();
  const anonymous = await timeReads(READS, READ_CONCURRENCY, board());
  // One at a time: the API's own time per read, without queueing behind the other readers.
  const anonymousSequential = await timeReads(Math.min(READS, 200), 1, board());
  const signedIn = await timeReads(READS, READ_CONCURRENCY, board(learner.cookie));
  const ratingsAnonymous = await timeReads(READS, READ_CONCURRENCY, ratings());
  const ratingsSignedIn = await timeReads(READS, READ_CONCURRENCY, ratings(learner.cookie));
  return {
    entries_on_board: first.body.total,
    me_rank: first.body.me?.rank ?? null,
    anonymous,
    anonymousSequential,
    signedIn,
    ratingsAnonymous,
    ratingsSignedIn,
  };
}

/**
 * EXPLAIN ANALYZE of the queries LeaderboardsService runs (as of this bench), with the bench
 * learner's parameters, next to the rank-by-count form proposed for the `me` row (for the bench
 * learner and for the last-ranked learner, its worst case), and the ratings one again with a
 * candidate index built inside a transaction that is rolled back.
 */
async function explainReads(databaseUrl, learnerHandle) {
  const client = pgClient(databaseUrl);
  await client.connect();
  try {
    const {
      rows: [ctx],
    } = await client.query(
      `SELECT v.id AS version_id, u.id AS user_id FROM challenges c
         JOIN challenge_versions v ON v.slug = c.slug AND v.version = c.published_version,
              users u WHERE c.slug = $1 AND u.handle = $2`,
      [SLUG, learnerHandle],
    );
    const {
      rows: [last],
    } = await client.query(
      `SELECT user_id FROM leaderboard_entries WHERE challenge_version_id = $1 AND period = 'all'
        ORDER BY correctness, cost_usd DESC, latency_p95_ms DESC, graded_at DESC LIMIT 1`,
      [ctx.version_id],
    );
    const {
      rows: [lastRated],
    } = await client.query(
      "SELECT user_id FROM ratings WHERE scope = 'global' AND period = 'all' ORDER BY rating, updated_at DESC LIMIT 1",
    );
    const order = 'l.correctness DESC, l.cost_usd, l.latency_p95_ms, l.graded_at';
    const select = `SELECT u.handle, u.display_name, l.user_id, l.correctness, l.standard_error, l.cost_usd,
             l.latency_p95_ms, l.graded_at, s.verification_id, row_number() OVER (ORDER BY ${order}) AS rank
        FROM leaderboard_entries l JOIN users u ON u.id = l.user_id JOIN submissions s ON s.id = l.submission_id
       WHERE l.challenge_version_id = $1 AND l.period = $2`;
    const rSelect = `SELECT u.handle, u.display_name, r.user_id, r.rating, r.challenges,
             row_number() OVER (ORDER BY r.rating DESC, r.updated_at) AS rank
        FROM ratings r JOIN users u ON u.id = r.user_id WHERE r.scope = $1 AND r.period = $2`;
    // Proposed: read the learner's own row by primary key and count the rows ranked above it on
    // the order index (index-only), instead of numbering the whole board to keep one row.
    const meByCount = `SELECT u.handle, u.display_name, l.user_id, l.correctness, l.standard_error, l.cost_usd,
             l.latency_p95_ms, l.graded_at, s.verification_id,
             1 + (SELECT count(*) FROM leaderboard_entries o
                   WHERE o.challenge_version_id = l.challenge_version_id AND o.period = l.period
                     AND o.correctness >= l.correctness
                     AND (o.correctness > l.correctness
                          OR (o.cost_usd, o.latency_p95_ms, o.graded_at) < (l.cost_usd, l.latency_p95_ms, l.graded_at))
                 ) AS rank
        FROM leaderboard_entries l JOIN users u ON u.id = l.user_id JOIN submissions s ON s.id = l.submission_id
       WHERE l.challenge_version_id = $1 AND l.period = $2 AND l.user_id = $3`;
    const ratingsMeByCount = `SELECT u.handle, u.display_name, r.user_id, r.rating, r.challenges,
             1 + (SELECT count(*) FROM ratings o
                   WHERE o.scope = r.scope AND o.period = r.period AND o.rating >= r.rating
                     AND (o.rating > r.rating OR o.updated_at < r.updated_at)) AS rank
        FROM ratings r JOIN users u ON u.id = r.user_id
       WHERE r.scope = $1 AND r.period = $2 AND r.user_id = $3`;
    const board = [ctx.version_id, 'all'];
    const queries = {
      board_page: [`${select} ORDER BY ${order} LIMIT 20 OFFSET 0`, board],
      board_total: [
        'SELECT count(*)::int FROM leaderboard_entries WHERE challenge_version_id = $1 AND period = $2',
        board,
      ],
      board_me: [`SELECT * FROM (${select}) ranked WHERE user_id = $3`, [...board, ctx.user_id]],
      board_me_by_count: [meByCount, [...board, ctx.user_id]],
      board_me_by_count_last: [meByCount, [...board, last.user_id]],
      ratings_page: [`${rSelect} ORDER BY r.rating DESC, r.updated_at LIMIT 20 OFFSET 0`, ['global', 'all']],
      ratings_total: [
        'SELECT count(*)::int FROM ratings WHERE scope = $1 AND period = $2',
        ['global', 'all'],
      ],
      ratings_me: [`SELECT * FROM (${rSelect}) t WHERE user_id = $3`, ['global', 'all', ctx.user_id]],
      ratings_me_by_count: [ratingsMeByCount, ['global', 'all', ctx.user_id]],
      ratings_me_by_count_last: [ratingsMeByCount, ['global', 'all', lastRated.user_id]],
    };
    const explain = async (sql, params) => {
      await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params); // warm
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      const lines = rows.map((r) => r['QUERY PLAN']);
      const ms = Number(/Execution Time: ([\d.]+)/.exec(lines.at(-1))?.[1] ?? Number.NaN);
      return { execution_ms: ms, plan: lines };
    };
    const out = {};
    for (const [name, [sql, params]] of Object.entries(queries)) out[name] = await explain(sql, params);
    // ChallengeStore.version() reads the whole challenge_versions row on every leaderboard read.
    const {
      rows: [size],
    } = await client.query(
      `SELECT octet_length(v::text) AS bytes, octet_length(v.generator_script) AS generator_script,
              octet_length(v.public_cases::text) AS public_cases, octet_length(v.manifest::text) AS manifest
         FROM challenge_versions v WHERE v.id = $1`,
      [ctx.version_id],
    );
    out.version_row_bytes = size;
    // Candidate: ratings ordered by (rating DESC, updated_at) in one index, so the page needs no
    // sort step and the count above is index-only. Built and dropped in one transaction.
    await client.query('BEGIN');
    try {
      await client.query(
        'CREATE INDEX bench_ratings_rank_idx ON ratings (scope, period, rating DESC, updated_at)',
      );
      await client.query('ANALYZE ratings');
      for (const name of ['ratings_page', 'ratings_me_by_count', 'ratings_me_by_count_last']) {
        out[`${name}_with_rank_index`] = await explain(...queries[name]);
      }
    } finally {
      await client.query('ROLLBACK');
    }
    return out;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = performance.now();
  const loadAtStart = loadavg();
  const stack = await startPlatformStack();
  const { baseUrl, databaseUrl } = stack;
  const pipeline = referencePipeline();
  const info = await challengeInfo(baseUrl);
  const perDay = info.submissions_per_day ?? info.manifest?.submissions_per_day ?? 10;
  log(`challenge ${SLUG}: ${JSON.stringify(info.cases ?? {})}, ${perDay} submissions per day`);

  log(`1. submit → graded latency, ${LATENCY_N} sequential submissions`);
  const latency = await submitToGraded(baseUrl, pipeline, perDay);
  log(`2. throughput, ${THROUGHPUT_M} submissions at once`);
  const split = await cpuSplit(stack, () => throughput(baseUrl, pipeline, perDay));
  // CPU seconds per graded submission, by process, while the throughput run lasted.
  const tp = { ...split.value, ...(split.cpu_s ? { cpu_s: split.cpu_s } : {}) };
  if (split.cpu_s) log(`throughput CPU seconds: ${JSON.stringify(split.cpu_s)}`);

  log(`3. seeding ${SEED_SUBMISSIONS} submissions over ${SEED_USERS} learners …`);
  const seed = await seedLeaderboard({
    databaseUrl,
    submissions: SEED_SUBMISSIONS,
    users: SEED_USERS,
    log: (m) => log(`seed ${m}`),
  });
  log(`seeded in ${seed.seconds} s: ${JSON.stringify(seed.totals)}`);
  const reads = await leaderboardReads(baseUrl, latency.learner);
  const explain = await explainReads(databaseUrl, latency.learner.handle);
  for (const [name, e] of Object.entries(explain)) if (e.plan) log(`EXPLAIN ${name}: ${e.execution_ms} ms`);
  const worst = (...xs) => Math.max(...xs.map((x) => x.p95));

  const lbP95 = worst(reads.anonymous, reads.signedIn);
  const ratingsP95 = worst(reads.ratingsAnonymous, reads.ratingsSignedIn);
  const result = {
    submit_to_graded_ms: {
      p50: latency.p50,
      p95: latency.p95,
      max: latency.max,
      cases_per_submission: latency.cases_per_submission,
      n: latency.n,
      slug: SLUG,
      warmup_ms: latency.warmup_ms,
    },
    graded_per_minute: tp.graded_per_minute,
    throughput: tp,
    // Top level: signed-in reads (first page plus the learner's own `me` row); anonymous apart.
    leaderboard_read_ms: {
      ...reads.signedIn,
      anonymous: reads.anonymous,
      anonymous_one_at_a_time: reads.anonymousSequential,
      reads_total: reads.signedIn.n + reads.anonymous.n,
      p95_worst: lbP95,
      concurrency: READ_CONCURRENCY,
      submissions_seeded: SEED_SUBMISSIONS,
      entries_on_board: reads.entries_on_board,
      me_rank: reads.me_rank,
    },
    ratings_read_ms: {
      ...reads.ratingsSignedIn,
      anonymous: reads.ratingsAnonymous,
      reads_total: reads.ratingsSignedIn.n + reads.ratingsAnonymous.n,
      p95_worst: ratingsP95,
      concurrency: READ_CONCURRENCY,
    },
    db_query_ms: Object.fromEntries(
      Object.entries(explain)
        .filter(([, v]) => v.plan)
        .map(([k, v]) => [k, v.execution_ms]),
    ),
    challenge_version_row_bytes: explain.version_row_bytes,
    seed: { seconds: seed.seconds, totals: seed.totals, timings_ms: seed.timings },
    goals: {
      submit_to_graded_p50_le_2000_ms: latency.p50 <= GOALS.submit_to_graded_p50_ms,
      leaderboard_read_p95_le_20_ms: lbP95 <= GOALS.leaderboard_read_p95_ms,
      ratings_read_p95_le_20_ms: ratingsP95 <= GOALS.leaderboard_read_p95_ms,
    },
    seconds: Math.round((performance.now() - started) / 1000),
    machine: { cpus: cpus().length, load_average_at_start: loadAtStart, load_average_at_end: loadavg() },
  };
  if (process.env.REPS_BENCH_PLANS) {
    for (const [name, e] of Object.entries(explain)) if (e.plan) log(`\n-- ${name}\n${e.plan.join('\n')}`);
  }
  return result;
}

await runBench(main);
